package io.dash4j.callback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The outputs of a multi-output callback. Two to four outputs are typed each: {@code Outputs.of(a,
 * b)} makes the function return {@code Results.of(valueA, valueB)}, checked by javac against the
 * props.
 *
 * <pre>{@code
 * app.callback(Outputs.of(Output.of("text", Html.Div.CHILDREN), Output.of("chart", Dcc.Graph.FIGURE)),
 *     Input.of("n", Dcc.Slider.VALUE), n -> Results.of("n = " + n, figure(n)));
 * }</pre>
 *
 * <p>Any number of outputs also go untyped, as a list: {@code Outputs.of(List.of(a, b, c, d, e))}
 * (or one output, {@code Outputs.of(a)}) makes the function return {@code Outputs.values(...)}, one
 * value per output in order, where {@link NoUpdate#NO_UPDATE} leaves that output as it is.
 */
public final class Outputs {
  private final List<Output<?>> outputs;

  private Outputs(List<Output<?>> outputs) {
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("a multi-output callback needs at least one output");
    }
    this.outputs = List.copyOf(outputs);
  }

  /** Two outputs, typed: the callback returns {@code Results.of(first, second)}. */
  public static <A, B> Typed<Results.Result2<A, B>> of(Output<A> first, Output<B> second) {
    return new Typed<>(List.of(first, second));
  }

  /** Three outputs, typed: the callback returns {@code Results.of(first, second, third)}. */
  public static <A, B, C> Typed<Results.Result3<A, B, C>> of(
      Output<A> first, Output<B> second, Output<C> third) {
    return new Typed<>(List.of(first, second, third));
  }

  /** Four outputs, typed: the callback returns {@code Results.of(first, second, third, fourth)}. */
  public static <A, B, C, D> Typed<Results.Result4<A, B, C, D>> of(
      Output<A> first, Output<B> second, Output<C> third, Output<D> fourth) {
    return new Typed<>(List.of(first, second, third, fourth));
  }

  /**
   * The outputs, untyped, in the order the callback's returned list fills them: for one output, or
   * five and more (two to four are typed by the overloads above).
   */
  public static Outputs of(Output<?>... outputs) {
    return new Outputs(Arrays.asList(outputs));
  }

  /** The outputs, in the order the callback's returned list fills them. */
  public static Outputs of(List<Output<?>> outputs) {
    return new Outputs(outputs);
  }

  private static final List<Object> NO_UPDATE = Collections.unmodifiableList(new ArrayList<>());

  /**
   * Leaves every output as it is: what a multi-output callback returns for Dash's bare {@code
   * no_update} (where a list of {@link NoUpdate#NO_UPDATE} would need one per output).
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

  /**
   * Outputs typed each, made by {@code Outputs.of(a, b)} (up to four): the callback returns {@code
   * R}, the {@link Results} record with one typed value per output.
   *
   * @param <R> the record the callback returns
   */
  public static final class Typed<R extends Results> {
    private final Outputs outputs;

    private Typed(List<Output<?>> outputs) {
      this.outputs = new Outputs(outputs);
    }

    /** The outputs, in the order of the record's components. */
    public List<Output<?>> list() {
      return outputs.list();
    }
  }
}
