package io.dash4j.callback;

import java.util.Objects;

/**
 * What a callback returns for an output that may stay as it is: a new value, Dash's {@code
 * no_update}, or a {@link Patch}. Declare such an output with {@link Output#orNoUpdate()}; javac
 * then checks the value against the prop, and a plain value no longer fits where an {@code Update}
 * is due.
 *
 * <pre>{@code
 * app.callback(Output.of("dice", Html.Div.CHILDREN).orNoUpdate(), Input.of("roll", Html.Button.N_CLICKS),
 *     clicks -> clicks == null ? Update.noUpdate() : Update.of("You rolled " + roll()));
 * }</pre>
 *
 * <p>An update is a wrapper, never the value itself: a generic {@code <T> T noUpdate()} would hand
 * a sentinel to a lambda typed {@code String}, and the cast javac puts on the lambda's return would
 * fail at run time.
 *
 * @param <T> the Java type of the output's value
 */
public sealed interface Update<T> permits Update.Value, Update.NoChange, Update.Partial {
  /** The output's new value (null sets the prop to null, as Python's {@code None}). */
  static <T> Update<T> of(T value) {
    return new Value<>(value);
  }

  /** Dash's {@code no_update}: the output keeps the value it has in the page. */
  @SuppressWarnings("unchecked")
  static <T> Update<T> noUpdate() {
    return (Update<T>) NoChange.INSTANCE; // holds no T, so one instance serves every type
  }

  /**
   * Dash's {@code Patch}: the browser applies the patch's operations to the value it already holds.
   */
  static <T> Update<T> patch(Patch patch) {
    return new Partial<>(patch);
  }

  /** What travels to the runtime: the value, {@link NoUpdate#NO_UPDATE}, or the patch. */
  Object wire();

  /**
   * A new value.
   *
   * @param value the output's new value
   * @param <T> its type
   */
  record Value<T>(T value) implements Update<T> {
    @Override
    public Object wire() {
      return value;
    }
  }

  /**
   * No update: the output keeps its value.
   *
   * @param <T> the output's type
   */
  @SuppressWarnings("rawtypes")
  final class NoChange<T> implements Update<T> {
    private static final NoChange INSTANCE = new NoChange<>();

    private NoChange() {}

    @Override
    public Object wire() {
      return NoUpdate.NO_UPDATE;
    }

    @Override
    public String toString() {
      return "no_update";
    }
  }

  /**
   * A partial update.
   *
   * @param patch the operations the browser applies
   * @param <T> the output's type
   */
  record Partial<T>(Patch patch) implements Update<T> {
    /** Checks the patch is given. */
    public Partial {
      Objects.requireNonNull(patch, "patch");
    }

    @Override
    public Object wire() {
      return patch;
    }
  }
}
