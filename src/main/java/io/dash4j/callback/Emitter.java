package io.dash4j.callback;

/**
 * An output stream's way to the page (Dash 4.5's generator callbacks): each {@link #emit} has the
 * callback's output shape and sets its outputs at once, as a {@code yield} does; {@link
 * NoUpdate#NO_UPDATE} leaves an output as it is and a {@link Patch} changes part of it.
 *
 * <pre>{@code
 * app.streamCallback(Output.of("clock", Html.Div.CHILDREN), Input.of("start", Html.Button.N_CLICKS),
 *     (clicks, clock) -> {
 *       while (true) {
 *         clock.emit(LocalTime.now().toString());
 *         Thread.sleep(1000);
 *       }
 *     });
 * }</pre>
 *
 * @param <R> the output's type; for several outputs, the list of their values
 */
public interface Emitter<R> extends Stream {
  /**
   * Sets the callback's outputs to {@code value} now.
   *
   * @throws StreamStopped once the stream was stopped
   */
  void emit(R value);
}
