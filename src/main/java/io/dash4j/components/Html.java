package io.dash4j.components;

import io.dash4j.layout.Component;
import io.dash4j.layout.Prop;
import java.util.Map;

/**
 * The {@code dash_html_components} elements: {@code div(h1("Title"), p("text")).id("main")}.
 *
 * <p>A hand-written subset until the generated set arrives; every element is an {@link Element} with the props all
 * html components share.
 */
public final class Html {
  /** The namespace the dash-html-components bundle registers in the browser. */
  public static final String NAMESPACE = "dash_html_components";

  /** The element's children: components, strings, numbers, or a list of them. */
  public static final Prop<Object> CHILDREN = Prop.any("children");
  /** How many times the element was clicked. */
  public static final Prop<Integer> N_CLICKS = Prop.integer("n_clicks");
  /** Inline CSS, as a map of camelCase property to value. */
  public static final Prop<Map<String, Object>> STYLE = Prop.map("style");
  /** The CSS class names. */
  public static final Prop<String> CLASS_NAME = Prop.string("className");
  /** Whether the element is hidden. */
  public static final Prop<Boolean> HIDDEN = Prop.bool("hidden");

  private Html() {}

  /** An html element; the props every element of dash-html-components has. */
  public static final class Element extends Component {
    Element(String type, Object[] children) {
      super(NAMESPACE, type);
      if (children.length > 0) {
        prop(CHILDREN.name(), childrenOf(children));
      }
    }

    /** The element's id. */
    public Element id(Object id) {
      prop("id", id);
      return this;
    }

    /** Sets the children. */
    public Element children(Object... children) {
      prop(CHILDREN.name(), childrenOf(children));
      return this;
    }

    /** Inline CSS. */
    public Element style(Map<String, ?> style) {
      prop(STYLE.name(), style);
      return this;
    }

    /** CSS class names. */
    public Element className(String className) {
      prop(CLASS_NAME.name(), className);
      return this;
    }

    /** The click count the element starts with. */
    public Element nClicks(int clicks) {
      prop(N_CLICKS.name(), clicks);
      return this;
    }

    /** Hides the element. */
    public Element hidden(boolean hidden) {
      prop(HIDDEN.name(), hidden);
      return this;
    }

    /** Sets any other attribute by its Dash prop name ({@code href}, {@code title}, {@code data-*}, ...). */
    public Element attr(String name, Object value) {
      prop(name, value);
      return this;
    }
  }

  /** Any element by its dash-html-components type name, e.g. {@code element("Abbr", "HTML")}. */
  public static Element element(String type, Object... children) {
    return new Element(type, children);
  }

  /** {@code <div>}. */
  public static Element div(Object... children) {
    return element("Div", children);
  }

  /** {@code <h1>}. */
  public static Element h1(Object... children) {
    return element("H1", children);
  }

  /** {@code <h2>}. */
  public static Element h2(Object... children) {
    return element("H2", children);
  }

  /** {@code <h3>}. */
  public static Element h3(Object... children) {
    return element("H3", children);
  }

  /** {@code <p>}. */
  public static Element p(Object... children) {
    return element("P", children);
  }

  /** {@code <span>}. */
  public static Element span(Object... children) {
    return element("Span", children);
  }

  /** {@code <button>}. */
  public static Element button(Object... children) {
    return element("Button", children);
  }

  /** {@code <label>}. */
  public static Element label(Object... children) {
    return element("Label", children);
  }

  /** {@code <pre>}. */
  public static Element pre(Object... children) {
    return element("Pre", children);
  }

  /** {@code <code>}. */
  public static Element code(Object... children) {
    return element("Code", children);
  }

  /** {@code <a>}. */
  public static Element a(Object... children) {
    return element("A", children);
  }

  /** {@code <ul>}. */
  public static Element ul(Object... children) {
    return element("Ul", children);
  }

  /** {@code <li>}. */
  public static Element li(Object... children) {
    return element("Li", children);
  }

  /** {@code <section>}. */
  public static Element section(Object... children) {
    return element("Section", children);
  }

  /** {@code <hr>}. */
  public static Element hr() {
    return element("Hr");
  }
}
