package io.dash4j.protocol;

import io.dash4j.layout.Component;
import io.dash4j.layout.WireValue;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Cache keys of background callbacks (design §3.8): SHA-256 hex of a canonical JSON text, that is
 * {@link JsonWriter}'s compact JSON with object keys sorted (by UTF-16 code units) at every depth.
 *
 * <p>Numbers are written as {@link JsonWriter} writes them, so their Java type counts: {@code 1}
 * (Integer), {@code 1L} (Long), short and byte all write {@code 1} and hash alike, whereas {@code
 * 1.0} (Double or Float) writes {@code 1.0} and hashes apart, and a BigDecimal keeps its scale
 * ({@code 1.00}). Values parsed from the wire keep the request's spelling ({@code 1} vs {@code
 * 1.0}), so the same renderer sending the same values always meets the same key. NaN and infinities
 * hash as null.
 */
public final class CacheKeys {
  private CacheKeys() {}

  /**
   * The cache key of one call: {@code {"args":[…],"cacheBy":[…],"fn":"<outputKey>\n<callSite>",
   * "triggered":[…]|null}}. The output key and the call site stand for Dash's function source, so
   * two callbacks made from one lambda differ (Dash's lcbc015) and an edited callback moves.
   *
   * @param args the wire values in argument order, ignored positions removed
   * @param triggered the changed prop ids, or null when the callback ignores what triggered it
   * @param cacheBy the values of the app's {@code cacheBy} suppliers
   */
  public static String of(
      String outputKey,
      String callSite,
      List<Object> args,
      List<String> triggered,
      List<Object> cacheBy) {
    var key = new LinkedHashMap<String, Object>();
    key.put("args", Objects.requireNonNull(args, "args"));
    key.put("cacheBy", Objects.requireNonNull(cacheBy, "cacheBy"));
    key.put("fn", Objects.requireNonNull(outputKey, "outputKey") + "\n" + callSite);
    key.put("triggered", triggered);
    return sha256Hex(canonicalJson(key));
  }

  /**
   * The hash of a request's {@code outputs} (a map, or a list of maps): two runs of one callback
   * for different MATCH ids differ, so an {@code oldJob} of another id is never superseded.
   */
  public static String outputsHash(Object outputs) {
    return sha256Hex(canonicalJson(outputs));
  }

  /** The canonical JSON text of a plain JSON value. */
  static String canonicalJson(Object value) {
    return JsonWriter.toJson(sorted(value));
  }

  /** A copy with every map sorted; scalars are left to {@link JsonWriter}. */
  private static Object sorted(Object value) {
    if (value instanceof Map<?, ?> map) {
      var sorted = new TreeMap<String, Object>();
      for (var entry : map.entrySet()) {
        String name = String.valueOf(entry.getKey());
        if (sorted.containsKey(name)) {
          // JSON would carry both; a sorted map would silently keep one
          throw new IllegalArgumentException("two keys of one map write as \"" + name + "\"");
        }
        sorted.put(name, sorted(entry.getValue()));
      }
      return sorted;
    }
    if (value instanceof Collection<?> items) {
      var list = new ArrayList<Object>(items.size());
      for (Object item : items) {
        list.add(sorted(item));
      }
      return list;
    }
    if (value != null && value.getClass().isArray()) {
      var list = new ArrayList<Object>();
      for (int i = 0, n = Array.getLength(value); i < n; i++) {
        list.add(sorted(Array.get(value, i)));
      }
      return list;
    }
    if (value instanceof Component component) {
      // JsonWriter writes these three in a fixed order; sorted here like any other object
      var object = new LinkedHashMap<String, Object>();
      object.put("props", component.props());
      object.put("type", component.type());
      object.put("namespace", component.namespace());
      return sorted(object);
    }
    if (value instanceof WireValue wire) {
      return sorted(wire.wire());
    }
    return value;
  }

  private static String sha256Hex(String text) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
