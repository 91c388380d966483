package io.dash4j.pages;

import io.dash4j.callback.Callbacks;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.Outputs;
import io.dash4j.callback.Results;
import io.dash4j.callback.State;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.layout.Component;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The page registry of a multi-page app and the container its pages show in (Dash's {@code
 * dash.page_container} and {@code dash.page_registry}). Put {@link #container()} in the app's
 * layout; the app routes every path to its page through one callback on the container's {@code
 * dcc.Location}.
 */
public final class Pages {
  /** Ids of the container's parts, as Dash names them. */
  public static final String LOCATION = "_pages_location";

  /** The div the current page's layout shows in. */
  public static final String CONTENT = "_pages_content";

  /** Holds the current page's title and description for the clientside title update. */
  public static final String STORE = "_pages_store";

  /** A dummy output for the clientside title update. */
  public static final String DUMMY = "_pages_dummy";

  private final List<Page> pages = new CopyOnWriteArrayList<>();
  private volatile Object notFound = Html.h1("404 - Page not found");

  /** Adds a page. */
  public void register(Page page) {
    if (pages.stream().anyMatch(p -> p.path().equals(page.path()))) {
      throw new IllegalArgumentException("two pages at " + page.path());
    }
    pages.add(page);
  }

  /** The layout shown for a path no page has (default: {@code 404 - Page not found}). */
  public void notFound(Object layout) {
    this.notFound = layout;
  }

  /** The pages: by order, then pages without one by path, as Dash sorts its registry. */
  public List<Page> registry() {
    var sorted = new ArrayList<>(pages);
    sorted.sort(
        Comparator.comparing((Page p) -> p.order() == null ? Integer.MAX_VALUE : p.order())
            .thenComparing(p -> !p.path().equals("/"))
            .thenComparing(Page::path));
    return sorted;
  }

  /**
   * Installs the routing of a multi-page app, as Dash pages does: one callback from the container's
   * location to the page's layout and title, and a clientside one that sets the document title.
   *
   * @param requestsPathnamePrefix the app's prefix as the browser sees it, read at each visit
   */
  public void installRouting(Callbacks app, Supplier<String> requestsPathnamePrefix) {
    app.callback(
        Outputs.of(Output.of(CONTENT, "children"), Output.of(STORE, "data")),
        Input.of(LOCATION, Dcc.Location.PATHNAME),
        State.of(LOCATION, Dcc.Location.SEARCH),
        (pathname, search) -> {
          var visit = visit(stripPrefix(pathname, requestsPathnamePrefix.get()), search);
          return Results.of(
              visit.layout(), Map.of("title", visit.title(), "description", visit.description()));
        });
    app.clientsideCallback(
        "function(data) { if (data && data.title) { document.title = data.title; }"
            + " return window.dash_clientside.no_update; }",
        Output.of(DUMMY, "children"),
        Input.of(STORE, "data"));
  }

  /**
   * A browser path without the app's prefix (Dash's {@code strip_relative_path}): {@code /app/x} →
   * {@code /x}.
   */
  public static String stripPrefix(String pathname, String prefix) {
    if (pathname == null) {
      return "/";
    }
    if (pathname.startsWith(prefix)) {
      return "/" + pathname.substring(prefix.length());
    }
    return pathname.equals(prefix.substring(0, prefix.length() - 1)) ? "/" : pathname;
  }

  /** Whether any page was registered. */
  public boolean isEmpty() {
    return pages.isEmpty();
  }

  /** Where pages show: put it in the app's layout. */
  public static Component container() {
    return Html.div(
        Dcc.location(LOCATION).refresh("callback-nav"),
        Html.div().id(CONTENT).disableNClicks(true),
        Dcc.store(STORE),
        Html.div().id(DUMMY).disableNClicks(true));
  }

  /**
   * The layout and title for a visit: the page whose path matches (fixed paths before templates),
   * given its path variables and the query parameters; else the not-found layout.
   */
  public Visit visit(String pathname, String search) {
    String path = pathname == null ? "/" : pathname;
    Page page = pageAt(path);
    if (page == null) {
      return new Visit(notFound, "404", "");
    }
    var parameters = new LinkedHashMap<>(query(search));
    parameters.putAll(page.match(path));
    return new Visit(page.render(parameters), page.title(), page.description());
  }

  /**
   * The page shown at {@code path} (without the app's prefix): fixed paths before templates; null
   * when none is.
   */
  public Page pageAt(String path) {
    var ordered = new ArrayList<>(pages);
    ordered.sort(Comparator.comparing(Page::isTemplate));
    return ordered.stream().filter(page -> page.match(path) != null).findFirst().orElse(null);
  }

  /** What a visit shows. */
  public record Visit(Object layout, String title, String description) {}

  private static Map<String, String> query(String search) {
    var parameters = new LinkedHashMap<String, String>();
    if (search == null || search.length() < 2) {
      return parameters;
    }
    for (String pair : search.substring(search.startsWith("?") ? 1 : 0).split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      if (!key.isEmpty()) {
        parameters.put(
            URLDecoder.decode(key, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    return parameters;
  }
}
