package io.dash4j.components;

import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.layout.Component;
import io.dash4j.layout.Prop;
import io.dash4j.protocol.JsonWriter;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every generated component, of every package, serializes to the component JSON the renderer reads
 * ({@code {"props", "type", "namespace"}}), and every fluent setter writes the prop its constant
 * names.
 */
class GeneratedComponentsTest {
  private static final List<Class<?>> PACKAGES =
      List.of(Html.class, Dcc.class, DashTable.class, Cyto.class);
  private static final String COMPONENTS = "META-INF/dash4j/components.json";

  @TestFactory
  Stream<DynamicTest> everyComponentSerializesWithEveryProp() {
    return components()
        .map(type -> DynamicTest.dynamicTest(type.getName(), () -> checkComponent(type)));
  }

  @Test
  void everyPackageHasTheComponentsItsBundleRegisters() {
    assertThat(componentNames(Html.class))
        .contains("Div", "Button", "H1", "Table", "Img")
        .hasSizeGreaterThan(100);
    assertThat(componentNames(Dcc.class))
        .contains(
            "Input",
            "Dropdown",
            "Graph",
            "Slider",
            "RangeSlider",
            "Checklist",
            "RadioItems",
            "DatePickerSingle",
            "DatePickerRange",
            "Markdown",
            "Tabs",
            "Tab",
            "Store",
            "Interval",
            "Location",
            "Link",
            "Loading",
            "Upload",
            "Download",
            "Textarea",
            "Clipboard",
            "ConfirmDialog",
            "ConfirmDialogProvider",
            "Tooltip",
            "Geolocation");
    assertThat(componentNames(DashTable.class)).contains("DataTable");
    assertThat(componentNames(Cyto.class)).contains("Cytoscape");
  }

  @Test
  void childrenPropsAreGeneratedForComponentValuedProps() throws Exception {
    try (var in = getClass().getClassLoader().getResourceAsStream(COMPONENTS)) {
      var table = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      var dcc = table.getJsonObject("dash_core_components").getJsonObject("childrenProps");
      // dcc 4.5.0 declares these props as nodes; Dropdown's options are `any` there (it renders
      // labels itself)
      assertThat(dcc.getJsonArray("Tab").getList()).containsExactly("label");
      assertThat(dcc.getJsonArray("Loading").getList()).containsExactly("custom_spinner");
      assertThat(dcc.getJsonArray("Clipboard").getList()).containsExactly("copied_children");
      assertThat(dcc.containsKey("Dropdown")).isFalse();
    }
  }

  private static Stream<Class<?>> components() {
    return PACKAGES.stream()
        .flatMap(p -> Stream.of(p.getDeclaredClasses()))
        .filter(Component.class::isAssignableFrom);
  }

  private static List<String> componentNames(Class<?> facade) {
    var names = new ArrayList<String>();
    for (Class<?> type : facade.getDeclaredClasses()) {
      if (Component.class.isAssignableFrom(type)) {
        names.add(newComponent(type).type());
      }
    }
    return names;
  }

  private static Component newComponent(Class<?> type) {
    try {
      return (Component) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(type + " has no public no-argument constructor", e);
    }
  }

  private static void checkComponent(Class<?> type) throws Exception {
    Component component = newComponent(type);
    String namespace = (String) type.getEnclosingClass().getField("NAMESPACE").get(null);
    var expected = new JsonObject();
    for (Field field : type.getFields()) {
      if (!Modifier.isStatic(field.getModifiers()) || field.getType() != Prop.class) {
        continue;
      }
      Prop<?> prop = (Prop<?>) field.get(null);
      Method setter = setterFor(type, prop);
      // a value of its own per prop, so a setter that writes another prop's value, or a changed
      // one, shows
      Object value =
          setter.isVarArgs()
              ? new Object[] {prop.name() + "-text"}
              : sampleFor(prop.name(), setter.getParameterTypes()[0]);
      Object returned = setter.invoke(component, new Object[] {value});
      assertThat(returned)
          .as("%s.%s is fluent", type.getSimpleName(), setter.getName())
          .isSameAs(component);
      expected.put(prop.name(), asJson(setter.isVarArgs() ? prop.name() + "-text" : value));
    }
    var json = new JsonObject(JsonWriter.toJson(component));
    assertThat(json.getString("type")).isEqualTo(component.type());
    assertThat(json.getString("namespace")).isEqualTo(namespace);
    assertThat(json.getJsonObject("props"))
        .as("%s's props", type.getSimpleName())
        .isEqualTo(expected);
  }

  /** A value as the renderer reads it. */
  private static Object asJson(Object value) {
    return new JsonObject(JsonWriter.toJson(Map.of("v", value))).getValue("v");
  }

  /**
   * The fluent setter that writes this prop: the one method whose call sets exactly prop.name().
   */
  private static Method setterFor(Class<?> type, Prop<?> prop) throws Exception {
    for (Method method : type.getDeclaredMethods()) {
      if (method.getParameterCount() != 1
          || method.getReturnType() != type
          || Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      Component probe = newComponent(type);
      Object arg = method.isVarArgs() ? new Object[] {"x"} : sample(method.getParameterTypes()[0]);
      method.invoke(probe, arg);
      if (probe.props().containsKey(prop.name())) {
        return method;
      }
    }
    throw new AssertionError(type.getSimpleName() + " has no setter for " + prop.name());
  }

  /** {@link #sample} but distinct for each prop where the type allows it. */
  private static Object sampleFor(String prop, Class<?> type) {
    if (type == String.class) {
      return prop + "-value";
    } else if (type == Number.class || type == Integer.class) {
      return prop.length();
    } else if (type == List.class) {
      return List.of(prop);
    } else if (type == Map.class) {
      return Map.of("k", prop);
    } else if (type == Component.class) {
      return Html.div(prop);
    } else if (type.isArray()) {
      return new Object[] {prop};
    }
    return sample(type);
  }

  private static Object sample(Class<?> type) {
    if (type == String.class) {
      return "x";
    } else if (type == Number.class || type == Integer.class) {
      return 1;
    } else if (type == Boolean.class) {
      return true;
    } else if (type == List.class) {
      return List.of("a");
    } else if (type == Map.class) {
      return Map.of("k", "v");
    } else if (type == Component.class) {
      return Html.div("inner");
    } else if (type.isEnum()) {
      return type.getEnumConstants()[0];
    } else if (type.isArray()) {
      return new Object[] {"x"};
    }
    return "any";
  }
}
