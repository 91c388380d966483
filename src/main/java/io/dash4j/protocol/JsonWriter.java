package io.dash4j.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import io.dash4j.layout.Component;
import io.dash4j.layout.WireValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;

/**
 * The one JSON encoder of dash4j (Dash's {@code to_json}): compact, components as {@code {"props",
 * "type", "namespace"}}, NaN and infinities as null, dates as ISO strings.
 */
public final class JsonWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonWriter() {}

  /** Thrown for a value JSON cannot carry, such as an arbitrary Java object. */
  public static final class UnserializableValue extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnserializableValue(Object value) {
      super(
          "cannot send a "
              + value.getClass().getName()
              + " to the browser: use components, strings, numbers,"
              + " booleans, lists, maps or null");
    }
  }

  /** Encodes a value as compact JSON text. */
  public static String toJson(Object value) {
    var out = new StringWriter();
    try (var generator = FACTORY.createGenerator(out)) {
      write(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Encodes a value as UTF-8 JSON bytes. */
  public static byte[] toBytes(Object value) {
    var out = new ByteArrayOutputStream(256);
    try (var generator = FACTORY.createGenerator(out)) {
      write(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Encodes a value for a {@code <script>} element: {@code <}, {@code >} and {@code /} are escaped
   * as Dash does, so no string can close the element.
   */
  public static String toScriptJson(Object value) {
    var out = new StringWriter();
    try (var generator = FACTORY.createGenerator(out)) {
      generator.setCharacterEscapes(ScriptEscapes.INSTANCE);
      write(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator out, Object value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof CharSequence text) {
      out.writeString(text.toString());
    } else if (value instanceof Boolean bool) {
      out.writeBoolean(bool);
    } else if (value instanceof Number number) {
      writeNumber(out, number);
    } else if (value instanceof Component component) {
      out.writeStartObject();
      out.writeFieldName("props");
      write(out, component.props());
      out.writeStringField("type", component.type());
      out.writeStringField("namespace", component.namespace());
      out.writeEndObject();
    } else if (value instanceof Map<?, ?> map) {
      out.writeStartObject();
      for (var entry : map.entrySet()) {
        out.writeFieldName(String.valueOf(entry.getKey()));
        write(out, entry.getValue());
      }
      out.writeEndObject();
    } else if (value instanceof Collection<?> list) {
      out.writeStartArray();
      for (Object item : list) {
        write(out, item);
      }
      out.writeEndArray();
    } else if (value.getClass().isArray()) {
      out.writeStartArray();
      for (int i = 0, n = Array.getLength(value); i < n; i++) {
        write(out, Array.get(value, i));
      }
      out.writeEndArray();
    } else if (value instanceof WireValue wireValue) {
      write(out, wireValue.wire());
    } else if (value instanceof Enum<?> constant) {
      out.writeString(constant.name());
    } else if (value instanceof TemporalAccessor || value instanceof Character) {
      out.writeString(value.toString());
    } else {
      throw new UnserializableValue(value);
    }
  }

  private static void writeNumber(JsonGenerator out, Number number) throws IOException {
    if (number instanceof Integer
        || number instanceof Long
        || number instanceof Short
        || number instanceof Byte) {
      out.writeNumber(number.longValue());
    } else if (number instanceof BigDecimal decimal) {
      out.writeNumber(decimal);
    } else if (number instanceof BigInteger integer) {
      out.writeNumber(integer);
    } else {
      double d = number.doubleValue();
      // plotly's encoder sends NaN and infinities as null; JSON has no other spelling for them
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        out.writeNull();
      } else {
        out.writeNumber(d);
      }
    }
  }

  private static final class ScriptEscapes extends CharacterEscapes {
    static final ScriptEscapes INSTANCE = new ScriptEscapes();
    private static final long serialVersionUID = 1L;
    private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

    private ScriptEscapes() {
      escapes['<'] = ESCAPE_CUSTOM;
      escapes['>'] = ESCAPE_CUSTOM;
      escapes['/'] = ESCAPE_CUSTOM;
      escapes['&'] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return new SerializedString(String.format("\\u%04x", ch));
    }
  }
}
