package io.dash4j.callback;

import java.util.Arrays;
import java.util.List;

/**
 * What a multi-output callback declared with {@code Outputs.of(a, b)} (two to four typed outputs)
 * returns: one value per output, in order, each typed by its output, so javac checks them. An
 * output declared with {@link Output#orNoUpdate()} takes an {@link Update} (a value, {@code
 * Update.noUpdate()} or a patch).
 *
 * <pre>{@code
 * app.callback(Outputs.of(Output.of("text", Html.Div.CHILDREN), Output.of("chart", Dcc.Graph.FIGURE)),
 *     Input.of("n", Dcc.Slider.VALUE), n -> Results.of("n = " + n, figure(n)));
 * }</pre>
 */
public sealed interface Results permits Results.Result2, Results.Result3, Results.Result4 {
  /** The values of two outputs. */
  static <A, B> Result2<A, B> of(A first, B second) {
    return new Result2<>(first, second);
  }

  /** The values of three outputs. */
  static <A, B, C> Result3<A, B, C> of(A first, B second, C third) {
    return new Result3<>(first, second, third);
  }

  /** The values of four outputs. */
  static <A, B, C, D> Result4<A, B, C, D> of(A first, B second, C third, D fourth) {
    return new Result4<>(first, second, third, fourth);
  }

  /** The values in output order, as the runtime takes them (nulls allowed). */
  List<Object> values();

  /**
   * The values of two outputs.
   *
   * @param first the first output's value
   * @param second the second output's value
   * @param <A> the first output's type
   * @param <B> the second output's type
   */
  record Result2<A, B>(A first, B second) implements Results {
    @Override
    public List<Object> values() {
      return Arrays.asList(first, second);
    }
  }

  /**
   * The values of three outputs.
   *
   * @param first the first output's value
   * @param second the second output's value
   * @param third the third output's value
   * @param <A> the first output's type
   * @param <B> the second output's type
   * @param <C> the third output's type
   */
  record Result3<A, B, C>(A first, B second, C third) implements Results {
    @Override
    public List<Object> values() {
      return Arrays.asList(first, second, third);
    }
  }

  /**
   * The values of four outputs.
   *
   * @param first the first output's value
   * @param second the second output's value
   * @param third the third output's value
   * @param fourth the fourth output's value
   * @param <A> the first output's type
   * @param <B> the second output's type
   * @param <C> the third output's type
   * @param <D> the fourth output's type
   */
  record Result4<A, B, C, D>(A first, B second, C third, D fourth) implements Results {
    @Override
    public List<Object> values() {
      return Arrays.asList(first, second, third, fourth);
    }
  }
}
