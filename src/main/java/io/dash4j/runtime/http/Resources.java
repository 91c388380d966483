package io.dash4j.runtime.http;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads files packed into the jar. Blocking: call off the event loop. */
final class Resources {
  private Resources() {}

  /** The bytes of a classpath resource. */
  static Buffer read(String resource) {
    try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "missing " + resource + " in the jar: build with 'mvn package'");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
