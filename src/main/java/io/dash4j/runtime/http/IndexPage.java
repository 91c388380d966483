package io.dash4j.runtime.http;

import io.dash4j.Dash;
import io.dash4j.DashConfig;
import io.dash4j.layout.Component;
import io.dash4j.model.AppModel;
import io.dash4j.protocol.CallbackKeys;
import io.dash4j.protocol.JsonWriter;
import io.dash4j.runtime.exec.ErrorPages;
import io.dash4j.runtime.socket.SocketDoor;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The index page (Dash's {@code _default_index} and {@code interpolate_index}): metas, title,
 * favicon, CSS, the entry point, {@code _dash-config}, the scripts in the order the stock front end
 * needs (React first, then the component suites, then the renderer) and the renderer start-up.
 */
final class IndexPage {
  /** Tells the socket door's worker when the page goes away (see the script's own comment). */
  private static final String PAGE_WATCH =
      Resources.read("io/dash4j/runtime/socket/ws-page.js").toString();

  /** Binds a page load to its background jobs (see the script's own comment). */
  private static final String JOBS_PAGE =
      Resources.read("io/dash4j/runtime/jobs/jobs-page.js").toString();

  /**
   * Where each index response gets its own page token: the page is rendered (and cached) once, the
   * token put in per response.
   */
  static final String PAGE_TOKEN_SLOT = "__dash4j_page_token__";

  private final DashConfig config;
  private final AppModel model;
  private final ComponentSuites suites;
  private final AssetsFolder assets;

  IndexPage(DashConfig config, AppModel model, ComponentSuites suites, AssetsFolder assets) {
    this.config = config;
    this.model = model;
    this.suites = suites;
    this.assets = assets;
  }

  /** The page. Scans the assets folder: call it off the event loop. */
  String render() {
    String prefix = config.requestsPathnamePrefix();
    boolean dev = config.debug();
    List<AssetsFolder.Asset> files = assets.scan();

    var html = new StringBuilder(4096);
    html.append("<!DOCTYPE html>\n<html>\n<head>\n")
        .append("<meta http-equiv=\"X-UA-Compatible\" content=\"IE=edge\">\n")
        .append("<meta charset=\"UTF-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(ErrorPages.escape(config.title()))
        .append("</title>\n")
        .append(favicon(prefix, files))
        .append('\n');
    for (String href : config.externalStylesheets()) {
      html.append("<link rel=\"stylesheet\" href=\"")
          .append(ErrorPages.escape(href))
          .append("\">\n");
    }
    for (var asset : files) {
      if (asset.isCss()) {
        html.append("<link rel=\"stylesheet\" href=\"")
            .append(assetUrl(prefix, asset))
            .append("\">\n");
      }
    }
    html.append("</head>\n<body>\n")
        .append("<!--[if IE]><script>alert(\"Dash v2.7+ does not support Internet Explorer. ")
        .append("Please use a newer browser.\");</script><![endif]-->\n")
        .append(
            "<div id=\"react-entry-point\">\n<div class=\"_dash-loading\">\nLoading...\n</div>\n</div>\n")
        .append("<footer>\n<script id=\"_dash-config\" type=\"application/json\">")
        .append(JsonWriter.toScriptJson(dashConfig(config)))
        .append("</script>\n");
    for (String path : suites.dependencyPaths(dev)) {
      script(html, suites.url(prefix, "dash", path));
    }
    for (String src : config.externalScripts()) {
      script(html, ErrorPages.escape(src));
    }
    for (var asset : files) {
      if (asset.isJs()) {
        script(html, assetUrl(prefix, asset));
      }
    }
    if (SocketDoor.pagesConnect(config, model)) {
      html.append("<script>").append(PAGE_WATCH).append("</script>\n");
    }
    if (model.hasBackgroundCallbacks()) {
      html.append("<script data-page=\"")
          .append(PAGE_TOKEN_SLOT)
          .append("\">")
          .append(JOBS_PAGE)
          .append("</script>\n");
    }
    // The renderer defines window.dash_component_api, which the component bundles read as they
    // load.
    script(
        html,
        suites.url(
            prefix,
            "dash",
            "dash-renderer/build/" + (dev ? "dash_renderer.dev.js" : "dash_renderer.min.js")));
    for (var library : suites.libraries()) {
      for (String path : library.scriptPaths()) {
        script(html, suites.url(prefix, library.urlNamespace(), path));
      }
      if (dev) {
        // the package's propTypes, which its production bundle leaves out, so the dev tools can
        // check props
        for (String path : library.devScriptPaths()) {
          script(html, suites.url(prefix, library.urlNamespace(), path));
        }
      }
    }
    for (var callback : model.clientsideCallbacks()) {
      if (callback.browserSide().inlineSource() != null) {
        html.append(inlineClientside(callback.browserSide().inlineSource()));
      }
    }
    html.append("<script id=\"_dash-renderer\" type=\"application/javascript\">")
        .append("var renderer = new DashRenderer();</script>\n")
        .append("</footer>\n</body>\n</html>\n");
    return html.toString();
  }

  /** The {@code _dash-config} the renderer reads (Dash's {@code _config}). */
  private Map<String, Object> dashConfig(DashConfig config) {
    var json = new LinkedHashMap<String, Object>();
    json.put("url_base_pathname", null);
    json.put("requests_pathname_prefix", config.requestsPathnamePrefix());
    json.put("ui", config.debug());
    json.put("props_check", config.debug());
    // The version check asks a Plotly server on the internet; a self-hosted server has no business
    // doing that.
    json.put("disable_version_check", true);
    json.put("show_undo_redo", false);
    json.put("suppress_callback_exceptions", config.suppressCallbackExceptions());
    json.put("update_title", config.updateTitle());
    json.put("children_props", suites.childrenProps());
    json.put("serve_locally", true);
    json.put("dash_version", Dash.PROTOCOL_VERSION);
    json.put("python_version", "Java " + Runtime.version().feature() + " (dash4j)");
    json.put("dash_version_url", "");
    json.put("ddk_version", null);
    json.put("plotly_version", suites.version("plotly.js-dist-min"));
    json.put("csrf_token_name", "_csrf_token");
    json.put("csrf_header_name", "X-CSRFToken");
    json.put("plotly_cloud_installed", false);
    if (config.debug()) {
      json.put("hot_reload", Map.of("interval", 3000, "max_retry", 8));
    }
    if (SocketDoor.pagesConnect(config, model)) {
      json.put("websocket", websocketConfig(config));
    }
    if ((model.layoutIsFunction() || !model.pages().isEmpty())
        && !config.suppressCallbackExceptions()) {
      // Dash validates callbacks against one call of the layout function, plus every page's layout.
      var everything = new ArrayList<Object>();
      everything.add(model.layout());
      everything.addAll(model.pageLayouts());
      // A plain html.Div by its names: the runtime does not depend on the generated component
      // classes.
      json.put(
          "validation_layout",
          everything.size() == 1
              ? everything.get(0)
              : new Component("dash_html_components", "Div").prop("children", everything));
    }
    return json;
  }

  /**
   * The socket door as the renderer reads it (§1.3): where to connect, and our SharedWorker. The
   * renderer forwards only the inactivity timeout to the worker, so the heartbeat interval rides in
   * the worker's URL, with the URL of the sockjs-client it loads; the fingerprint makes a new
   * worker replace the old one in every browser.
   */
  private Map<String, Object> websocketConfig(DashConfig config) {
    String prefix = config.requestsPathnamePrefix();
    var websocket = new LinkedHashMap<String, Object>();
    websocket.put("enabled", config.websocketCallbacks());
    websocket.put("url", prefix + SocketDoor.ROUTE);
    websocket.put(
        "worker_url",
        suites.url(prefix, "dash4j", ComponentSuites.WS_WORKER)
            + "?heartbeat="
            + config.websocketHeartbeatInterval().toMillis()
            + "&sockjs="
            + URLEncoder.encode(suites.sockjsUrl(prefix), StandardCharsets.UTF_8));
    websocket.put("inactivity_timeout", config.websocketInactivityTimeout().toMillis());
    websocket.put("heartbeat_interval", config.websocketHeartbeatInterval().toMillis());
    return websocket;
  }

  /**
   * Defines an inline clientside function where the renderer looks for it, as Dash's {@code
   * _inline_scripts}.
   */
  private static String inlineClientside(String source) {
    String namespace = CallbackKeys.INLINE_NAMESPACE;
    return "<script>\nvar clientside = window.dash_clientside = window.dash_clientside || {};\n"
        + "var ns = clientside[\""
        + namespace
        + "\"] = clientside[\""
        + namespace
        + "\"] || {};\n"
        + "ns[\""
        + CallbackKeys.inlineFunctionName(source)
        + "\"] = "
        + source
        + ";\n</script>\n";
  }

  private static String favicon(String prefix, List<AssetsFolder.Asset> files) {
    String href =
        files.stream()
            .filter(a -> a.path().equals("favicon.ico"))
            .findFirst()
            .map(a -> assetUrl(prefix, a))
            .orElse(prefix + "_favicon.ico?v=" + Dash.PROTOCOL_VERSION);
    return "<link rel=\"icon\" type=\"image/x-icon\" href=\"" + href + "\">";
  }

  static String assetUrl(String prefix, AssetsFolder.Asset asset) {
    var encoded = new ArrayList<String>();
    for (String segment : asset.path().split("/")) {
      encoded.add(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return prefix
        + "assets/"
        + String.join("/", encoded)
        + "?m="
        + BigDecimal.valueOf(asset.modified()).toPlainString();
  }

  private static void script(StringBuilder html, String src) {
    html.append("<script src=\"").append(src).append("\"></script>\n");
  }
}
