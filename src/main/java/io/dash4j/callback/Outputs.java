package io.dash4j.callback;

import java.util.Arrays;
import java.util.List;

/**
 * The outputs of a multi-output callback. Its function returns one value per output, in the same order, as a list;
 * {@link NoUpdate#NO_UPDATE} in the list leaves that output as it is.
 *
 * <pre>{@code
 * app.callback(Outputs.of(Output.of("text", Html.CHILDREN), Output.of("chart", Dcc.Graph.FIGURE)),
 *     Input.of("n", Dcc.Input.VALUE), n -> Outputs.values("n = " + n, figure(n)));
 * }</pre>
 */
public final class Outputs {
  private final List<Output<?>> outputs;

  private Outputs(List<Output<?>> outputs) {
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("a multi-output callback needs at least one output");
    }
    this.outputs = List.copyOf(outputs);
  }

  /** The outputs, in the order the callback's returned list fills them. */
  public static Outputs of(Output<?>... outputs) {
    return new Outputs(Arrays.asList(outputs));
  }

  /** The outputs, in the order the callback's returned list fills them. */
  public static Outputs of(List<Output<?>> outputs) {
    return new Outputs(outputs);
  }

  private static final List<Object> NO_UPDATE = java.util.Collections.unmodifiableList(new java.util.ArrayList<>());

  /**
   * Leaves every output as it is: what a multi-output callback returns for Dash's bare {@code no_update} (where a
   * list of {@link NoUpdate#NO_UPDATE} would need one per output).
   */
  public static List<Object> noUpdate() {
    return NO_UPDATE;
  }

  /** Whether {@code values} is {@link #noUpdate()}. */
  public static boolean isNoUpdate(Object values) {
    return values == NO_UPDATE;
  }

  /** One value per output, in order; unlike {@code List.of} it accepts nulls. */
  public static List<Object> values(Object... values) {
    return Arrays.asList(values);
  }

  /** The outputs. */
  public List<Output<?>> list() {
    return outputs;
  }
}
