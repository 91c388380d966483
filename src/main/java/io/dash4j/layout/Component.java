package io.dash4j.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A node of a Dash layout: a React component type in a JavaScript namespace, with the props given
 * to it.
 *
 * <p>Only props that were set are sent to the browser (Dash never sends defaults it does not mean).
 * Typed component classes extend this and add one fluent method per prop; this class alone is
 * enough for any third-party component: {@code new Component("dash_bio", "Ideogram").prop("id",
 * "ideo")}.
 */
public class Component {
  private final String namespace;
  private final String type;
  private final Map<String, Object> props = new LinkedHashMap<>();

  /**
   * Creates a component.
   *
   * @param namespace the global the component bundle registers in the browser, e.g. {@code
   *     dash_html_components}
   * @param type the React component name, e.g. {@code Div}
   */
  public Component(String namespace, String type) {
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.type = Objects.requireNonNull(type, "type");
  }

  /** The JavaScript namespace of the component's bundle. */
  public String namespace() {
    return namespace;
  }

  /** The React component name. */
  public String type() {
    return type;
  }

  /** The props set on this component, in the order they were set. */
  public Map<String, Object> props() {
    return Collections.unmodifiableMap(props);
  }

  /** The value of one prop, or null when it was not set. */
  public Object prop(String name) {
    return props.get(name);
  }

  /** Sets a prop by its wire name; an explicit null is sent as null. */
  public Component prop(String name, Object value) {
    props.put(name, value);
    return this;
  }

  /** Sets a typed prop. */
  public <T> Component prop(Prop<T> prop, T value) {
    return prop(prop.name(), value);
  }

  /** The component's id: a string, a map for pattern-matching ids, or null. */
  public Object id() {
    return props.get("id");
  }

  /**
   * Normalises children given as varargs: one child stays itself; several become a list.
   *
   * @param children components, strings, numbers or nulls
   */
  protected static Object childrenOf(Object... children) {
    if (children.length == 1) {
      return children[0];
    }
    return new ArrayList<>(Arrays.asList(children));
  }

  @Override
  public String toString() {
    return namespace + "." + type + props;
  }
}
