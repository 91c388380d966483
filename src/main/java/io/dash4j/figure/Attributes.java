package io.dash4j.figure;

import java.util.LinkedHashMap;
import java.util.Map;

/** A tree of plotly.js attributes addressed by dotted paths such as {@code "marker.line.color"}. */
final class Attributes {
  private final Map<String, Object> root = new LinkedHashMap<>();

  /**
   * Sets the attribute at a dotted path, creating the maps on the way; a value already there, or a
   * non-map on the way, is replaced. A null value removes the attribute, and maps it leaves empty,
   * so plotly's default applies again.
   */
  void put(String path, Object value) {
    String[] keys = keys(path);
    if (value == null) {
      remove(root, keys, 0);
      return;
    }
    Map<String, Object> node = root;
    for (int i = 0; i < keys.length - 1; i++) {
      node = child(node, keys[i]);
    }
    node.put(keys[keys.length - 1], Values.plain(value));
  }

  /** A deep copy of the tree, so callers may change it without changing this. */
  @SuppressWarnings("unchecked")
  Map<String, Object> toMap() {
    return (Map<String, Object>) Values.plain(root);
  }

  private static String[] keys(String path) {
    String[] keys = path.split("\\.", -1);
    for (String key : keys) {
      if (key.isEmpty()) {
        throw new IllegalArgumentException("not a plotly.js attribute path: '" + path + "'");
      }
    }
    return keys;
  }

  // Only maps made by Values.plain are ever stored, so the casts hold.
  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> node, String key) {
    if (node.get(key) instanceof Map<?, ?> existing) {
      return (Map<String, Object>) existing;
    }
    var created = new LinkedHashMap<String, Object>();
    node.put(key, created);
    return created;
  }

  @SuppressWarnings("unchecked")
  private static void remove(Map<String, Object> node, String[] keys, int index) {
    if (index == keys.length - 1) {
      node.remove(keys[index]);
    } else if (node.get(keys[index]) instanceof Map<?, ?> child) {
      remove((Map<String, Object>) child, keys, index + 1);
      if (child.isEmpty()) {
        node.remove(keys[index]);
      }
    }
  }
}
