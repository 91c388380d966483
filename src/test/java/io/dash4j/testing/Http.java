package io.dash4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A blocking HTTP/1.1 client for one server, for integration tests: paths are resolved against the
 * base URL and every call waits at most 10 s. Headers are given as name, value pairs.
 */
public final class Http {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();

  private final Supplier<URI> base;

  private Http(Supplier<URI> base) {
    this.base = base;
  }

  /** A client for the server at {@code baseUrl}, e.g. {@code http://localhost:8050/app/}. */
  public static Http to(String baseUrl) {
    URI base = base(baseUrl);
    return new Http(() -> base);
  }

  /**
   * A client whose base URL is asked for at every request. A test class can then keep it in a
   * {@code static final} field next to a {@link ServedApp}, before that server has started and its
   * port is known.
   */
  public static Http to(Supplier<String> baseUrl) {
    return new Http(() -> base(baseUrl.get()));
  }

  private static URI base(String baseUrl) {
    return URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
  }

  /**
   * GET {@code path} (relative to the base, or absolute from the host root when it starts with
   * '/').
   */
  public HttpResponse<String> get(String path, String... headers) {
    return send(request(path, headers).GET().build(), BodyHandlers.ofString());
  }

  /** GET {@code path}, keeping the body as bytes. */
  public HttpResponse<byte[]> getBytes(String path, String... headers) {
    return send(request(path, headers).GET().build(), BodyHandlers.ofByteArray());
  }

  /** POST a JSON body to {@code path}, as the renderer does. */
  public HttpResponse<String> postJson(String path, String json) {
    return send(
        request(path, "Content-Type", "application/json", "Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        BodyHandlers.ofString());
  }

  /**
   * POST {@code body} to {@code path} with exactly the given headers (no Content-Type unless
   * given).
   */
  public HttpResponse<String> post(String path, String body, String... headers) {
    return send(
        request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        BodyHandlers.ofString());
  }

  /**
   * The absolute URI of {@code path}, kept verbatim (no {@code ..} resolution, so tests can send
   * it).
   */
  public URI uri(String path) {
    URI base = this.base.get();
    if (path.startsWith("/")) {
      return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path);
    }
    return URI.create(base + path);
  }

  private HttpRequest.Builder request(String path, String... headers) {
    var request = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return request;
  }

  private static <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> body) {
    try {
      return CLIENT.send(request, body);
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
