package io.dash4j.components;

import io.dash4j.layout.Component;
import io.dash4j.layout.Prop;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code dash_core_components} the gallery uses: {@code input("name").value("world")}.
 *
 * <p>A hand-written subset until the generated set arrives. Each component class holds its typed prop constants
 * ({@code Dcc.Input.VALUE}) for callbacks.
 */
public final class Dcc {
  /** The namespace the dash-core-components bundle registers in the browser. */
  public static final String NAMESPACE = "dash_core_components";

  private Dcc() {}

  /** A text or number field ({@code dcc.Input}). */
  public static final class Input extends Component {
    /** The field's value; numbers from {@code type="number"} arrive as their text. */
    public static final Prop<String> VALUE = Prop.string("value");
    /** Whether the value is sent only on Enter or blur. */
    public static final Prop<Boolean> DEBOUNCE = Prop.bool("debounce");

    Input(String id) {
      super(NAMESPACE, "Input");
      prop("id", id);
    }

    /** The initial value. */
    public Input value(Object value) {
      prop(VALUE.name(), value);
      return this;
    }

    /** The input type: {@code text}, {@code number}, {@code password}, ... */
    public Input type(String type) {
      prop("type", type);
      return this;
    }

    /** The placeholder text. */
    public Input placeholder(String placeholder) {
      prop("placeholder", placeholder);
      return this;
    }

    /** Sends the value only on Enter or blur. */
    public Input debounce(boolean debounce) {
      prop(DEBOUNCE.name(), debounce);
      return this;
    }
  }

  /** A Plotly chart ({@code dcc.Graph}). */
  public static final class Graph extends Component {
    /** The figure: {@code {"data": [traces], "layout": {...}}}. */
    public static final Prop<Map<String, Object>> FIGURE = Prop.map("figure");

    Graph(String id) {
      super(NAMESPACE, "Graph");
      prop("id", id);
    }

    /** The figure. */
    public Graph figure(Map<String, ?> figure) {
      prop(FIGURE.name(), figure);
      return this;
    }

    /** Inline CSS of the graph's container. */
    public Graph style(Map<String, ?> style) {
      prop("style", style);
      return this;
    }
  }

  /** A select box ({@code dcc.Dropdown}). */
  public static final class Dropdown extends Component {
    /** The selected value (a list when {@code multi}). */
    public static final Prop<Object> VALUE = Prop.any("value");

    Dropdown(String id) {
      super(NAMESPACE, "Dropdown");
      prop("id", id);
    }

    /** Options whose labels are their values. */
    public Dropdown options(String... values) {
      var options = new ArrayList<Map<String, Object>>();
      for (String value : values) {
        var option = new LinkedHashMap<String, Object>();
        option.put("label", value);
        option.put("value", value);
        options.add(option);
      }
      prop("options", options);
      return this;
    }

    /** Options as Dash takes them: {@code [{"label": ..., "value": ...}]}, or plain values. */
    public Dropdown options(List<?> options) {
      prop("options", options);
      return this;
    }

    /** The initial value. */
    public Dropdown value(Object value) {
      prop(VALUE.name(), value);
      return this;
    }

    /** Whether the selection may be cleared. */
    public Dropdown clearable(boolean clearable) {
      prop("clearable", clearable);
      return this;
    }
  }

  /** A range slider with one handle ({@code dcc.Slider}). */
  public static final class Slider extends Component {
    /** The selected value. */
    public static final Prop<Number> VALUE = Prop.number("value");

    Slider(String id, Number min, Number max) {
      super(NAMESPACE, "Slider");
      prop("id", id);
      prop("min", min);
      prop("max", max);
    }

    /** The step between values. */
    public Slider step(Number step) {
      prop("step", step);
      return this;
    }

    /** The initial value. */
    public Slider value(Number value) {
      prop(VALUE.name(), value);
      return this;
    }

    /** Labels under the track: value to label. */
    public Slider marks(Map<String, ?> marks) {
      prop("marks", marks);
      return this;
    }
  }

  /** Markdown text ({@code dcc.Markdown}). */
  public static final class Markdown extends Component {
    /** The markdown source. */
    public static final Prop<String> CHILDREN = Prop.string("children");

    Markdown(String text) {
      super(NAMESPACE, "Markdown");
      prop(CHILDREN.name(), text);
    }

    /** The component's id. */
    public Markdown id(String id) {
      prop("id", id);
      return this;
    }
  }

  /** A text input. */
  public static Input input(String id) {
    return new Input(id);
  }

  /** A chart. */
  public static Graph graph(String id) {
    return new Graph(id);
  }

  /** A select box. */
  public static Dropdown dropdown(String id) {
    return new Dropdown(id);
  }

  /** A slider from {@code min} to {@code max}. */
  public static Slider slider(String id, Number min, Number max) {
    return new Slider(id, min, max);
  }

  /** Markdown text. */
  public static Markdown markdown(String text) {
    return new Markdown(text);
  }
}
