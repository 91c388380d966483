package io.dash4j.runtime.http;

import io.dash4j.protocol.Fingerprint;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The front end served under {@code _dash-component-suites/<namespace>/<path>}: the pinned npm
 * packages the build packed into the jar (see {@code webroot/pack.mjs} and its {@code index.json}),
 * at the URLs Dash gives them.
 *
 * <p>Only registered files are served (anything else is 404). Fingerprinted URLs are cached for a
 * year; plain ones are revalidated with an ETag. Loaded once per JVM and kept in memory: the files
 * are read on every page load.
 */
final class ComponentSuites {
  private static final String PACKED = "META-INF/dash4j/npm/";
  private static final String COMPONENTS = "META-INF/dash4j/components.json";
  private static final String ROUTE = "_dash-component-suites/";
  private static volatile ComponentSuites instance;

  /** The socket door's SharedWorker, served as {@code dash4j/ws-worker.js}. */
  static final String WS_WORKER = "ws-worker.js";

  /**
   * One servable file, with its gzip form made once at load (null when gzip would not make it
   * smaller).
   */
  record Suite(String version, String contentType, Buffer content, Buffer gzipped, String stamp) {
    String etag() {
      return '"' + stamp + '"';
    }
  }

  /**
   * Where a folder of an npm package is served: {@code <namespace>/<urlDir>} ← {@code
   * <npmPackage>/<npmDir>}.
   */
  private record Mount(String namespace, String urlDir, String npmPackage, String npmDir) {}

  private static final List<Mount> MOUNTS =
      List.of(
          new Mount("dash", "dash-renderer/build/", "dash-renderer", "build/"),
          new Mount("plotly", "package_data/", "plotly.js-dist-min", ""),
          new Mount("dash4j", "sockjs/", "sockjs-client", "dist/"));

  /**
   * Dash serves its own component packages under namespace {@code dash}, each in a folder of its
   * own.
   */
  private static final Map<String, String> DASH_OWNED =
      Map.of(
          "dash-core-components",
          "dcc/",
          "dash-html-components",
          "html/",
          "dash-table",
          "dash_table/");

  /**
   * A component package: the global its bundle registers, where its files are served (namespace and
   * the paths of the scripts the page loads), and which of its props hold components.
   */
  record Library(
      String jsNamespace,
      String urlNamespace,
      List<String> scriptPaths,
      List<String> devScriptPaths,
      Map<String, List<String>> childrenProps) {}

  /**
   * Dash's React dependencies, {@code deps/<name>@<version>.min.js} (prod) and {@code .js} (dev).
   */
  private record Dependency(String name, String npmPackage, String prodFile, String devFile) {}

  private static final List<Dependency> DEPENDENCIES =
      List.of(
          new Dependency("polyfill", "@babel/polyfill", "dist/polyfill.min.js", "dist/polyfill.js"),
          new Dependency(
              "react", "react", "umd/react.production.min.js", "umd/react.development.js"),
          new Dependency(
              "react-dom",
              "react-dom",
              "umd/react-dom.production.min.js",
              "umd/react-dom.development.js"),
          new Dependency("prop-types", "prop-types", "prop-types.min.js", "prop-types.js"));

  private final Map<String, Suite> suites = new LinkedHashMap<>();
  private final Map<String, String> versions = new LinkedHashMap<>();
  private final List<Library> libraries = new ArrayList<>();

  private ComponentSuites() {
    var index = new JsonObject(Resources.read(PACKED + "index.json"));
    for (String pkg : index.fieldNames()) {
      versions.put(pkg, index.getJsonObject(pkg).getString("version"));
    }
    var mounts = new ArrayList<>(MOUNTS);
    var components = new JsonObject(Resources.read(COMPONENTS));
    for (String namespace : components.fieldNames()) {
      var library = components.getJsonObject(namespace);
      String npm = library.getString("npm");
      List<String> scripts =
          library.getJsonArray("scripts").stream().map(String.class::cast).toList();
      String npmDir = scripts.get(0).substring(0, scripts.get(0).lastIndexOf('/') + 1);
      var mount =
          DASH_OWNED.containsKey(npm)
              ? new Mount("dash", DASH_OWNED.get(npm), npm, npmDir)
              : new Mount(namespace, "", npm, npmDir);
      mounts.add(mount);
      var childrenProps = new LinkedHashMap<String, List<String>>();
      var table = library.getJsonObject("childrenProps");
      for (String type : table.fieldNames()) {
        childrenProps.put(type, table.getJsonArray(type).stream().map(String.class::cast).toList());
      }
      List<String> devScripts =
          library.getJsonArray("devScripts").stream().map(String.class::cast).toList();
      libraries.add(
          new Library(
              namespace,
              mount.namespace(),
              urlPaths(mount, npmDir, scripts),
              urlPaths(mount, npmDir, devScripts),
              childrenProps));
    }
    for (Mount mount : mounts) {
      var packed = index.getJsonObject(mount.npmPackage());
      for (Object file : packed.getJsonArray("files")) {
        String path = (String) file;
        if (path.startsWith(mount.npmDir())) {
          register(
              mount.namespace(),
              mount.urlDir() + path.substring(mount.npmDir().length()),
              mount.npmPackage(),
              path);
        }
      }
    }
    // Our own SharedWorker for the socket door sits beside the sockjs-client it loads.
    suites.put(
        "dash4j/" + WS_WORKER,
        suite(
            io.dash4j.Dash.PROTOCOL_VERSION,
            WS_WORKER,
            Resources.read("io/dash4j/runtime/socket/" + WS_WORKER)));
    for (Dependency dep : DEPENDENCIES) {
      String version = versions.get(dep.npmPackage());
      register(
          "dash",
          "deps/" + dep.name() + "@" + version + ".min.js",
          dep.npmPackage(),
          dep.prodFile());
      register(
          "dash", "deps/" + dep.name() + "@" + version + ".js", dep.npmPackage(), dep.devFile());
    }
  }

  private static List<String> urlPaths(Mount mount, String npmDir, List<String> npmPaths) {
    return npmPaths.stream().map(path -> mount.urlDir() + path.substring(npmDir.length())).toList();
  }

  /** The JVM's suites, read from the jar on first use (blocking: call it off the event loop). */
  static ComponentSuites get() {
    if (instance == null) {
      synchronized (ComponentSuites.class) {
        if (instance == null) {
          instance = new ComponentSuites();
        }
      }
    }
    return instance;
  }

  private void register(String namespace, String path, String npmPackage, String npmPath) {
    suites.put(
        namespace + "/" + path,
        suite(versions.get(npmPackage), path, Resources.read(PACKED + npmPackage + "/" + npmPath)));
  }

  private static Suite suite(String version, String path, Buffer content) {
    return new Suite(version, contentType(path), content, gzip(content), stamp(content));
  }

  /** The component packages, in the order the page loads their scripts. */
  List<Library> libraries() {
    return libraries;
  }

  /** Dash's {@code children_props}: namespace → component type → props holding components. */
  Map<String, Map<String, List<String>>> childrenProps() {
    var table = new LinkedHashMap<String, Map<String, List<String>>>();
    for (Library library : libraries) {
      if (!library.childrenProps().isEmpty()) {
        table.put(library.jsNamespace(), library.childrenProps());
      }
    }
    return table;
  }

  /** The version of a packed npm package. */
  String version(String npmPackage) {
    return versions.get(npmPackage);
  }

  /** The React dependency file names, in the order the page must load them. */
  List<String> dependencyPaths(boolean dev) {
    return DEPENDENCIES.stream()
        .map(
            dep ->
                "deps/"
                    + dep.name()
                    + "@"
                    + versions.get(dep.npmPackage())
                    + (dev ? ".js" : ".min.js"))
        .toList();
  }

  /** The fingerprinted URL of a registered file, under {@code prefix}. */
  /**
   * The URL of the pinned sockjs-client: our worker loads it, and so does SockJS's {@code
   * iframe.html}.
   */
  String sockjsUrl(String prefix) {
    return url(prefix, "dash4j", "sockjs/sockjs.min.js");
  }

  String url(String prefix, String namespace, String path) {
    Suite suite = suites.get(namespace + "/" + path);
    if (suite == null) {
      throw new IllegalArgumentException("not a registered suite: " + namespace + "/" + path);
    }
    return prefix
        + ROUTE
        + namespace
        + "/"
        + Fingerprint.build(path, suite.version(), suite.stamp());
  }

  /** The registered file at {@code namespace/path} (fingerprint already stripped), or null. */
  Suite find(String namespace, String path) {
    return suites.get(namespace + "/" + path);
  }

  /** Serves {@code <prefix>_dash-component-suites/<namespace>/<path>}. */
  void handle(RoutingContext ctx, String prefix) {
    String rest = ctx.normalizedPath().substring(prefix.length() + ROUTE.length());
    int slash = rest.indexOf('/');
    var parsed = Fingerprint.parse(slash < 0 ? "" : rest.substring(slash + 1));
    Suite suite = slash < 0 ? null : find(rest.substring(0, slash), parsed.path());
    var response = ctx.response();
    if (suite == null) {
      response
          .setStatusCode(404)
          .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
          .end("Not Found");
      return;
    }
    response.putHeader(HttpHeaders.CONTENT_TYPE, suite.contentType());
    if (parsed.fingerprinted()) {
      response.putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable");
    } else {
      response
          .putHeader(HttpHeaders.ETAG, suite.etag())
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
      if (suite.etag().equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
        response.setStatusCode(304).end();
        return;
      }
    }
    String accepted = ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING);
    response.putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    if (suite.gzipped() != null && accepted != null && accepted.contains("gzip")) {
      response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip").end(suite.gzipped());
    } else {
      response.end(suite.content());
    }
  }

  /**
   * The gzip form of a file, made once: the server compresses nothing per request (a callback reply
   * is too small to gain, and plotly.js too big to compress on every cold load).
   */
  private static Buffer gzip(Buffer content) {
    var out = new ByteArrayOutputStream(content.length() / 3 + 64);
    try (var zip = new GZIPOutputStream(out)) {
      zip.write(content.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.size() < content.length() ? Buffer.buffer(out.toByteArray()) : null;
  }

  static String contentType(String path) {
    if (path.endsWith(".js") || path.endsWith(".mjs")) {
      return "application/javascript; charset=utf-8";
    } else if (path.endsWith(".css")) {
      return "text/css; charset=utf-8";
    } else if (path.endsWith(".map") || path.endsWith(".json")) {
      return "application/json";
    } else if (path.endsWith(".woff2")) {
      return "font/woff2";
    } else if (path.endsWith(".svg")) {
      return "image/svg+xml";
    }
    return "application/octet-stream";
  }

  private static String stamp(Buffer content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes());
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
