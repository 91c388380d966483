package io.dash4j.testing;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parts of a Dash index page that tests check: script sources, stylesheets, favicon,
 * config.
 */
public final class IndexHtml {
  private static final Pattern SCRIPT_SRC = Pattern.compile("<script src=\"([^\"]*)\"");
  private static final Pattern STYLESHEET =
      Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]*)\"");
  private static final Pattern FAVICON =
      Pattern.compile("<link rel=\"icon\" type=\"image/x-icon\" href=\"([^\"]*)\"");
  private static final String CONFIG_OPEN =
      "<script id=\"_dash-config\" type=\"application/json\">";

  private final String html;

  /** Wraps the page's HTML. */
  public IndexHtml(String html) {
    this.html = html;
  }

  /** The {@code src} of every {@code <script src>}, in page order. */
  public List<String> scripts() {
    return all(SCRIPT_SRC);
  }

  /** The {@code href} of every stylesheet link, in page order. */
  public List<String> stylesheets() {
    return all(STYLESHEET);
  }

  /** The favicon link's {@code href}. */
  public String favicon() {
    Matcher m = FAVICON.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no favicon link in the index page");
    }
    return m.group(1);
  }

  /** The raw text of the {@code _dash-config} script element, up to the first {@code </script>}. */
  private String configText() {
    int open = html.indexOf(CONFIG_OPEN);
    if (open < 0) {
      throw new AssertionError("no _dash-config script in the index page");
    }
    int start = open + CONFIG_OPEN.length();
    return html.substring(start, html.indexOf("</script>", start));
  }

  /** The {@code _dash-config} JSON, as the renderer parses it. */
  public JsonObject config() {
    return new JsonObject(configText());
  }

  /** The HTML from the end of the {@code _dash-config} opening tag to the next {@code <script}. */
  public String afterConfigOpening() {
    int start = html.indexOf(CONFIG_OPEN) + CONFIG_OPEN.length();
    int next = html.indexOf("<script", start);
    return next < 0 ? html.substring(start) : html.substring(start, next);
  }

  private List<String> all(Pattern pattern) {
    return pattern.matcher(html).results().map(r -> r.group(1).replace("&amp;", "&")).toList();
  }
}
