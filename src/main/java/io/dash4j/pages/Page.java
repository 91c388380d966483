package io.dash4j.pages;

import io.dash4j.broadcast.Topic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One page of a multi-page app (Dash's {@code register_page}): a path, a name and title, and a
 * layout, called for every visit. A path may hold variables, {@code /report/<report_id>}: the
 * layout function then receives them, with the query string's parameters, as a map.
 *
 * <pre>{@code
 * app.registerPage(Page.at("/").name("Home").layout(() -> div("Welcome")));
 * app.registerPage(Page.at("/report/<id>").layout(params -> div("Report " + params.get("id"))));
 * app.registerPage(Page.at("/brownian").subscribe(walk).layout(() -> graph("motion")));
 * }</pre>
 */
public final class Page {
  private final String path;
  private final List<String> segments;
  private String name;
  private String title;
  private String description = "";
  private Integer order;
  private Function<Map<String, String>, Object> layout;
  private final List<Topic> topics = new CopyOnWriteArrayList<>();

  private Page(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("a page path starts with '/': " + path);
    }
    this.path = path;
    this.segments = segments(path);
    String last =
        segments.isEmpty() ? "home" : segments.get(segments.size() - 1).replaceAll("[<>]", "");
    this.name =
        Character.toUpperCase(last.charAt(0))
            + last.substring(1).replace('-', ' ').replace('_', ' ');
  }

  /** A page at this path (variables as {@code <name>} segments). */
  public static Page at(String path) {
    return new Page(path);
  }

  /** The name shown in navigation (default: from the path). */
  public Page name(String name) {
    this.name = Objects.requireNonNull(name, "name");
    return this;
  }

  /** The document title while the page shows (default: the name). */
  public Page title(String title) {
    this.title = Objects.requireNonNull(title, "title");
    return this;
  }

  /** A description, for navigation and meta tags. */
  public Page description(String description) {
    this.description = Objects.requireNonNull(description, "description");
    return this;
  }

  /**
   * The position in {@code DashApp.pageRegistry()} (pages without an order come after, by path).
   */
  public Page order(int order) {
    this.order = order;
    return this;
  }

  /** The layout, made anew for every visit. */
  public Page layout(Supplier<?> layout) {
    Objects.requireNonNull(layout, "layout");
    this.layout = params -> layout.get();
    return this;
  }

  /** The layout of the path variables and query parameters of the visit. */
  public Page layout(Function<Map<String, String>, ?> layout) {
    Objects.requireNonNull(layout, "layout");
    this.layout = layout::apply;
    return this;
  }

  /**
   * Subscribes the pages shown at this path to topics the app declared ({@code app.topic(name)}):
   * they get the topics' pushes while they show this page, and their latest values when they come
   * to it. {@code app.subscribe(topic)} subscribes every page instead.
   */
  public Page subscribe(Topic... topics) {
    for (Topic topic : topics) {
      Objects.requireNonNull(topic, "topic");
      if (!this.topics.contains(topic)) {
        this.topics.add(topic);
      }
    }
    return this;
  }

  /** The topics this page subscribes to. */
  public List<Topic> topics() {
    return List.copyOf(topics);
  }

  /** The path, possibly with {@code <variables>}. */
  public String path() {
    return path;
  }

  /** The name. */
  public String name() {
    return name;
  }

  /** The title. */
  public String title() {
    return title == null ? name : title;
  }

  /** The description. */
  public String description() {
    return description;
  }

  /** The order, or null. */
  public Integer order() {
    return order;
  }

  /** Whether the path holds variables. */
  public boolean isTemplate() {
    return segments.stream().anyMatch(s -> s.startsWith("<") && s.endsWith(">"));
  }

  /**
   * The path variables if {@code pathname} is this page's, else null. Trailing slashes do not
   * matter.
   */
  public Map<String, String> match(String pathname) {
    List<String> given = segments(pathname);
    if (given.size() != segments.size()) {
      return null;
    }
    var variables = new LinkedHashMap<String, String>();
    for (int i = 0; i < segments.size(); i++) {
      String expected = segments.get(i);
      if (expected.startsWith("<") && expected.endsWith(">")) {
        variables.put(expected.substring(1, expected.length() - 1), given.get(i));
      } else if (!expected.equals(given.get(i))) {
        return null;
      }
    }
    return variables;
  }

  /** The page's layout for a visit. */
  public Object render(Map<String, String> parameters) {
    if (layout == null) {
      throw new IllegalStateException("page " + path + " has no layout");
    }
    return layout.apply(Map.copyOf(parameters));
  }

  private static List<String> segments(String path) {
    return new ArrayList<>(Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList());
  }
}
