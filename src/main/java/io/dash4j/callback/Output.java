package io.dash4j.callback;

import io.dash4j.layout.Prop;
import io.dash4j.layout.Wildcard;
import java.util.List;

/**
 * A prop a callback sets. The callback's return value becomes the prop's new value in the page.
 *
 * @param <T> the Java type the callback returns for this prop
 */
public final class Output<T> extends Dependency<T> {
  private final boolean allowDuplicate;

  private Output(Object componentId, Prop<T> prop, boolean many, boolean allowDuplicate) {
    super(componentId, prop, many);
    this.allowDuplicate = allowDuplicate;
    if (hasWildcard(Wildcard.ALLSMALLER)) {
      throw new IllegalArgumentException("an Output cannot use ALLSMALLER");
    }
  }

  /**
   * The typed prop of the component with this id (a string, or a map for pattern matching with
   * MATCH).
   */
  public static <T> Output<T> of(Object componentId, Prop<T> prop) {
    return new Output<>(componentId, prop, false, false);
  }

  /** A prop by its wire name; the callback may return any JSON-able value or component for it. */
  public static Output<Object> of(Object componentId, String property) {
    return of(componentId, Prop.any(property));
  }

  /**
   * The prop of every component matching a pattern id with {@code ALL}: the callback returns one
   * value each.
   */
  public static <T> Output<List<T>> all(Object idPattern, Prop<T> prop) {
    return new Output<>(idPattern, Prop.listOf(prop), true, false);
  }

  /** {@link #all(Object, Prop)} by the prop's wire name. */
  public static Output<List<Object>> all(Object idPattern, String property) {
    return all(idPattern, Prop.any(property));
  }

  /**
   * This output, which other callbacks may set too (Dash's {@code allow_duplicate}). Needs {@code
   * preventInitialCall(true)} or {@code initialDuplicate()} on the callback, as in Dash.
   */
  public Output<T> allowDuplicate() {
    return new Output<>(componentId(), prop(), many(), true);
  }

  /**
   * This output, set by returning an {@link Update}: a new value ({@code Update.of(v)}), Dash's
   * {@code no_update} ({@code Update.noUpdate()}) or a {@link Patch} ({@code Update.patch(p)}),
   * each checked by javac against the prop.
   */
  @SuppressWarnings("unchecked")
  public Output<Update<T>> orNoUpdate() {
    // An output's prop is only named on the wire, never decoded, so the same prop serves the
    // Update-typed output.
    return new Output<>(componentId(), (Prop<Update<T>>) (Prop<?>) prop(), many(), allowDuplicate);
  }

  /** Whether other callbacks may set this prop too. */
  public boolean allowsDuplicate() {
    return allowDuplicate;
  }
}
