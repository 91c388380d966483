package io.dash4j.protocol;

import io.dash4j.layout.Wildcard;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/** Whether a concrete component id from the browser matches a declared id, wildcards included. */
public final class PatternIds {
  private PatternIds() {}

  /**
   * A string id matches itself; a map id matches a map with the same keys whose values equal the
   * declared ones, any value standing for a wildcard (the renderer has already chosen which
   * components a wildcard covers).
   */
  public static boolean matches(Object concrete, Object declared) {
    if (declared instanceof String) {
      return declared.equals(concrete);
    }
    if (!(declared instanceof Map<?, ?> pattern)
        || !(concrete instanceof Map<?, ?> id)
        || id.size() != pattern.size()) {
      return false;
    }
    for (var entry : pattern.entrySet()) {
      Object value = id.get(String.valueOf(entry.getKey()));
      if (!id.containsKey(String.valueOf(entry.getKey()))) {
        return false;
      }
      if (!(entry.getValue() instanceof Wildcard) && !sameValue(value, entry.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** JSON numbers arrive as Integer, Long or Double: 1 and 1.0 are the same id value. */
  private static boolean sameValue(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    return Objects.equals(a, b);
  }
}
