package io.dash4j.runtime.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET _reload-hash} in debug mode (Dash's hot reload): the hash changes when the server
 * restarts or a file in the assets folder changes; changed files are listed once, so the renderer
 * swaps changed CSS in place and reloads the page for anything else.
 */
final class ReloadHash {
  private final String startId = UUID.randomUUID().toString();
  private final AssetsFolder assets;
  private final String prefix;
  private Map<String, Double> lastSeen;
  private int generation;

  ReloadHash(AssetsFolder assets, String prefix) {
    this.assets = assets;
    this.prefix = prefix;
  }

  /** The current reload state. Scans the assets folder: call it off the event loop. */
  synchronized Map<String, Object> poll() {
    var now = new HashMap<String, Double>();
    var changed = new ArrayList<Map<String, Object>>();
    for (var asset : assets.scan()) {
      now.put(asset.path(), asset.modified());
      if (lastSeen != null && !asset.equals(lastSeenAsset(asset.path()))) {
        changed.add(
            Map.of(
                "url",
                IndexPage.assetUrl(prefix, asset),
                "modified",
                (long) asset.modified(),
                "is_css",
                asset.isCss()));
      }
    }
    boolean removed = lastSeen != null && !now.keySet().containsAll(lastSeen.keySet());
    if (lastSeen != null && (!changed.isEmpty() || removed)) {
      generation++;
    }
    lastSeen = now;
    var body = new LinkedHashMap<String, Object>();
    body.put("reloadHash", Integer.toHexString((startId + generation).hashCode()));
    body.put("hard", removed || changed.stream().anyMatch(f -> !(Boolean) f.get("is_css")));
    body.put("packages", List.of("dash_html_components", "dash_core_components", "dash_table"));
    body.put("files", changed);
    return body;
  }

  private AssetsFolder.Asset lastSeenAsset(String path) {
    Double modified = lastSeen.get(path);
    return modified == null ? null : new AssetsFolder.Asset(path, modified);
  }
}
