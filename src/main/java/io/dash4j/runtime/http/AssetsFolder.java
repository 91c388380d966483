package io.dash4j.runtime.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The app's {@code assets/} folder (Dash's {@code _walk_assets_directory}): every file in it is
 * servable under {@code <prefix>assets/}; its {@code .css} and {@code .js} files are also linked
 * from the page, in Dash's order (a folder's files sorted by name, then its sub-folders sorted by
 * name), with the modification time as a cache-buster.
 */
final class AssetsFolder {
  private final Path root;

  /** One file of the folder. */
  record Asset(String path, double modified) {
    boolean isCss() {
      return path.endsWith(".css");
    }

    boolean isJs() {
      return path.endsWith(".js") || path.endsWith(".mjs");
    }
  }

  AssetsFolder(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The folder itself. */
  Path root() {
    return root;
  }

  /** Every file, in Dash's order. Blocking file-system calls: not on an event loop. */
  List<Asset> scan() {
    var assets = new ArrayList<Asset>();
    if (Files.isDirectory(root)) {
      walk(root, assets);
    }
    return assets;
  }

  private void walk(Path dir, List<Asset> into) {
    var files = new ArrayList<Path>();
    var dirs = new ArrayList<Path>();
    try (Stream<Path> children = Files.list(dir)) {
      children.sorted().forEach(child -> (Files.isDirectory(child) ? dirs : files).add(child));
    } catch (IOException e) {
      return; // an unreadable folder contributes nothing, as in Dash
    }
    for (Path file : files) {
      try {
        double modified = Files.getLastModifiedTime(file).toMillis() / 1000.0;
        into.add(new Asset(root.relativize(file).toString().replace('\\', '/'), modified));
      } catch (IOException e) {
        // vanished between list and stat
      }
    }
    dirs.forEach(sub -> walk(sub, into));
  }
}
