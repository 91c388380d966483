package io.dash4j.model;

import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import java.util.List;
import java.util.Map;

/**
 * The callback Dash registers for each distinct {@code cancel} input of the app's background
 * callbacks: it listens to that input, names the cancel component's {@code id} as its output (so it
 * never changes the page), and cancels the jobs whose handles the page sends with it. The renderer
 * sends {@code cancelJob} handles with any callback whose inputs meet a job's cancel inputs; this
 * is the one that acts on them.
 */
public final class CancelCallbackSpec extends CallbackSpec {
  private final Input<?> cancelInput;

  /**
   * @param duplicate whether another cancel input on the same component came first, so this one's
   *     output is made distinct ({@code id.id@<hash>}) as Dash's duplicate outputs are
   */
  CancelCallbackSpec(Input<?> cancelInput, boolean duplicate) {
    super(
        List.of(output(cancelInput, duplicate)),
        false,
        List.of(cancelInput),
        "cancel " + cancelInput.componentId() + "." + cancelInput.property());
    this.cancelInput = cancelInput;
  }

  private static Output<?> output(Input<?> cancelInput, boolean duplicate) {
    Output<Object> id = Output.of(cancelInput.componentId(), "id");
    return duplicate ? id.allowDuplicate() : id;
  }

  /** The input whose change cancels jobs. */
  public Input<?> cancelInput() {
    return cancelInput;
  }

  @Override
  void describeTo(Map<String, Object> entry, AppDefaults defaults) {
    entry.put("prevent_initial_call", true);
  }
}
