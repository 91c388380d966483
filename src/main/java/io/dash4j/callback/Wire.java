package io.dash4j.callback;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what a callback function returned into what the runtime takes, wrapped around every
 * function by {@link CallbackDeclaration}: an {@link Update} becomes its value, {@link
 * NoUpdate#NO_UPDATE} or its patch, and {@link Results} become a list, so the runtime never sees
 * these types.
 */
final class Wire {
  private Wire() {}

  /** The value of a single-output callback. */
  static Object single(Object result) {
    return result instanceof Update<?> update ? update.wire() : result;
  }

  /**
   * The values of a multi-output callback: a list (or {@link Outputs#noUpdate()}) with updates
   * unwrapped.
   */
  static Object multi(Object result) {
    List<?> values = result instanceof Results results ? results.values() : null;
    if (values == null && result instanceof List<?> list && !Outputs.isNoUpdate(list)) {
      values = list;
    }
    if (values == null) {
      return result; // the runtime refuses anything else with its own message
    }
    var unwrapped = new ArrayList<Object>(values.size());
    values.forEach(value -> unwrapped.add(single(value)));
    return unwrapped;
  }
}
