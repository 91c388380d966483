package io.dash4j.layout;

import java.util.Objects;

/**
 * One prop of one component in the page, typed like the prop: what Dash writes {@code
 * "clock.children"}. Made by {@link Prop#of(Object)}, e.g. {@code Html.Div.CHILDREN.of("clock")}.
 *
 * @param componentId a string id, or a map for a pattern-matching id
 * @param prop the prop
 * @param <T> the Java type of the prop's value
 */
public record PropId<T>(Object componentId, Prop<T> prop) {
  /** Checks that both parts are given. */
  public PropId {
    Objects.requireNonNull(componentId, "componentId");
    Objects.requireNonNull(prop, "prop");
  }
}
