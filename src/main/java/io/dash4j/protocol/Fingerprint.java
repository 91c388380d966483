package io.dash4j.protocol;

import java.util.regex.Pattern;

/**
 * Dash's cache-busting file names ({@code dash/fingerprint.py}): {@code
 * dir/name.v<version>m<stamp>.rest}, inserted after the first dot of the last path segment. The
 * server strips it from requests and never checks its value.
 */
public final class Fingerprint {
  private static final Pattern STAMP = Pattern.compile("^v[\\w-]+m[0-9a-fA-F]+$");
  private static final Pattern VERSION_CHARS = Pattern.compile("[^\\w-]");

  private Fingerprint() {}

  /** A path with its fingerprint stripped, and whether it had one. */
  public record Parsed(String path, boolean fingerprinted) {}

  /**
   * {@code dash-renderer/build/dash_renderer.min.js} → {@code
   * dash-renderer/build/dash_renderer.v3_4_1m1f2e.min.js}.
   */
  public static String build(String path, String version, String stamp) {
    int slash = path.lastIndexOf('/');
    String dir = path.substring(0, slash + 1);
    String file = path.substring(slash + 1);
    int dot = file.indexOf('.');
    String v = "v" + VERSION_CHARS.matcher(version).replaceAll("_") + "m" + stamp;
    if (dot < 0) {
      return dir + file + "." + v;
    }
    return dir + file.substring(0, dot) + "." + v + file.substring(dot);
  }

  /** Strips a valid fingerprint from a requested path ({@code check_fingerprint}). */
  public static Parsed parse(String path) {
    int slash = path.lastIndexOf('/');
    String file = path.substring(slash + 1);
    String[] parts = file.split("\\.", -1);
    if (parts.length > 2 && STAMP.matcher(parts[1]).matches()) {
      var rest = new StringBuilder(parts[0]);
      for (int i = 2; i < parts.length; i++) {
        rest.append('.').append(parts[i]);
      }
      return new Parsed(path.substring(0, slash + 1) + rest, true);
    }
    return new Parsed(path, false);
  }
}
