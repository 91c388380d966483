package io.dash4j.layout;

import java.util.List;

/**
 * The wildcards of pattern-matching ids (Dash's {@code MATCH}, {@code ALL}, {@code ALLSMALLER}),
 * used as values in a map id: {@code Map.of("type", "todo", "index", MATCH)}.
 */
public enum Wildcard implements WireValue {
  /** The component whose id matches the triggering one in this key; one value per call. */
  MATCH,
  /** Every component matching the pattern; the callback gets a list. */
  ALL,
  /**
   * Every matching component whose value for this key is smaller than the triggering one's; a list.
   */
  ALLSMALLER;

  /** Dash writes wildcards as one-element arrays: {@code ["MATCH"]}. */
  @Override
  public Object wire() {
    return List.of(name());
  }
}
