package io.dash4j.gallery;

import io.dash4j.testing.ServedApp;
import java.util.Base64;

/** The gallery as its browser tests serve it: on a free port, with its assets and a job secret. */
public final class ServedGallery {
  private ServedGallery() {}

  /** A {@link ServedApp} of a new gallery; register it with {@code @RegisterExtension}. */
  public static ServedApp create() {
    return ServedApp.of(
        () -> {
          var app = new Gallery().create();
          app.config().port(0).assetsFolder("gallery/assets");
          // production mode signs job handles with a configured secret
          app.config().jobs().secret(Base64.getEncoder().encodeToString(new byte[32]));
          return app;
        });
  }
}
