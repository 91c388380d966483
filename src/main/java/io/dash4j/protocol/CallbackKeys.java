package io.dash4j.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The key strings of Dash's wire, in one place: stringified ids, {@code "id.prop"} prop ids, the
 * callback's {@code output} key ({@code dash/_utils.py::create_callback_id}) and the event-bus
 * address derived from it.
 */
public final class CallbackKeys {
  /** Every callback verticle consumes this prefix plus the callback's output key. */
  public static final String CALLBACK_ADDRESS_PREFIX = "dash4j.callback.";

  /** The namespace Dash defines inline clientside functions in. */
  public static final String INLINE_NAMESPACE = "_dashprivate_clientside_funcs";

  private CallbackKeys() {}

  /**
   * Dash's stringified id: a string id as it is; a map id as compact JSON with sorted keys, as the
   * renderer's {@code stringifyId} writes it (so the two compare equal as strings).
   */
  public static String stringifyId(Object id) {
    if (id instanceof String text) {
      return text;
    }
    if (id instanceof Map<?, ?> map) {
      var sorted = new TreeMap<String, Object>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      return sorted.entrySet().stream()
          .map(e -> JsonWriter.toJson(e.getKey()) + ":" + JsonWriter.toJson(e.getValue()))
          .collect(Collectors.joining(",", "{", "}"));
    }
    throw new IllegalArgumentException("not a component id: " + id);
  }

  /** {@code "<stringified id>.<prop>"}. */
  public static String propId(Object id, String property) {
    return stringifyId(id) + "." + property;
  }

  /**
   * One output as its key sees it: the component id, the prop and whether other callbacks may set
   * it too.
   */
  public record OutputRef(Object componentId, String property, boolean allowDuplicate) {}

  /**
   * The callback's {@code output} key ({@code create_callback_id}): {@code id.prop} for one output,
   * {@code ..a.x...b.y..} for a multi-output callback (even with one output), with dots inside ids
   * escaped; an output that allows duplicates gets {@code @<sha256 of the inputs>}; a callback
   * without outputs is keyed by that hash alone. Without inputs, the call site is hashed instead,
   * so two such callbacks never share a key.
   *
   * @param inputPropIds the {@code "id.prop"} of each input, in order
   * @param callSite where the callback was declared ({@code Class:line})
   */
  public static String outputKey(
      List<OutputRef> outputs, boolean multi, List<String> inputPropIds, String callSite) {
    // Callbacks without inputs are told apart by where they were declared, as Dash does for
    // no-output ones.
    String inputs = inputPropIds.isEmpty() ? callSite : String.join(".", inputPropIds);
    if (outputs.isEmpty()) {
      return sha256(inputs);
    }
    List<String> parts =
        outputs.stream()
            .map(
                output ->
                    stringifyId(output.componentId()).replace(".", "\\.")
                        + "."
                        + output.property()
                        + (output.allowDuplicate() ? "@" + sha256(inputs) : ""))
            .toList();
    return multi ? ".." + String.join("...", parts) + ".." : parts.get(0);
  }

  /** The function name Dash gives inline clientside JavaScript: the SHA-256 of its source. */
  public static String inlineFunctionName(String source) {
    return sha256(source);
  }

  /** The property without Dash's {@code @hash} duplicate suffix ({@code clean_property_name}). */
  public static String cleanProperty(String property) {
    int at = property.indexOf('@');
    return at < 0 ? property : property.substring(0, at);
  }

  private static String sha256(String text) {
    try {
      var digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The event-bus address of the callback with this output key. */
  public static String address(String outputKey) {
    return CALLBACK_ADDRESS_PREFIX + outputKey;
  }
}
