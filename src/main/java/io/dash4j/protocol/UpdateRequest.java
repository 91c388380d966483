package io.dash4j.protocol;

import java.util.List;
import java.util.Map;

/**
 * A parsed {@code POST _dash-update-component} body (Dash's {@code CallbackExecutionBody}), parsed
 * once at the door and handed to the callback verticle as is.
 *
 * <p>Values stay plain Java ({@code Map}, {@code List}, {@code String}, {@code Number}, {@code
 * Boolean}, null), as Jackson parsed them, so callbacks receive them without another copy.
 *
 * @param output the callback's output key, exactly as {@code _dash-dependencies} gave it
 * @param outputs one {@code {id, property}} map, or a list of them for multi-output callbacks; null
 *     for none
 * @param inputs one element per declared input: a {@code {id, property, value}} map (or a list of
 *     them for pattern-matching inputs)
 * @param state the same for states; empty when the callback has none
 * @param changedPropIds the {@code "id.prop"} of the inputs whose change triggered this call
 * @param body the whole parsed body
 * @param caller who sent it, as the door saw it
 */
public record UpdateRequest(
    String output,
    Object outputs,
    List<Object> inputs,
    List<Object> state,
    List<String> changedPropIds,
    Map<String, Object> body,
    Caller caller) {

  /** The one message every malformed request gets: it names nothing internal. */
  public static final String MALFORMED = "Malformed callback request";

  /** Checks the shape of an already parsed body. */
  @SuppressWarnings("unchecked")
  public static UpdateRequest of(Map<String, Object> body) {
    if (!(body.get("output") instanceof String output) || output.isEmpty()) {
      throw new MalformedRequest(MALFORMED);
    }
    if (!(body.get("inputs") instanceof List<?> inputs)) {
      throw new MalformedRequest(MALFORMED);
    }
    Object state = body.get("state");
    if (state != null && !(state instanceof List<?>)) {
      throw new MalformedRequest(MALFORMED);
    }
    Object changed = body.get("changedPropIds");
    if (changed != null
        && !(changed instanceof List<?> list && list.stream().allMatch(String.class::isInstance))) {
      throw new MalformedRequest(MALFORMED);
    }
    return new UpdateRequest(
        output,
        body.get("outputs"),
        (List<Object>) inputs,
        state == null ? List.of() : (List<Object>) state,
        changed == null ? List.of() : (List<String>) changed,
        body,
        Caller.NONE);
  }

  /** This request as admitted by a door that saw this caller. */
  public UpdateRequest from(Caller who) {
    return new UpdateRequest(output, outputs, inputs, state, changedPropIds, body, who);
  }
}
