package io.dash4j.callback;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Dash's {@code Patch}: a partial update of an output prop, applied by the browser to the value it
 * already holds, so a callback can change one trace of a figure without sending the whole figure
 * again.
 *
 * <pre>{@code
 * app.callback(Output.of("chart", Graph.FIGURE), Input.of("add", Button.N_CLICKS), n -> Patch.create()
 *     .at("layout", "title", "text").assign("Clicked " + n + " times")
 *     .at("data", 0, "y").append(n));
 * }</pre>
 *
 * <p>Operations are recorded in order and applied in that order by the renderer. A location is a
 * path of {@code String} keys and {@code Integer} indices into the prop value; negative indices
 * count from the end, resolved in the browser. The operations and their params are those of the
 * renderer ({@code dash-renderer/src/actions/patch.ts}) and of Python's {@code dash/_patch.py}.
 *
 * <p>A Patch is a read-only {@code Map} whose entries are the wire form {@code
 * {"__dash_patch_update": "__dash_patch_update", "operations": [...]}}, so it can be returned for
 * an output typed as a map (figures, dicts) and passed to {@link CallbackContext#setProps}. A Patch
 * is a Map; for an output typed as another type, use the untyped {@code Output.of(id, "prop")}.
 *
 * <p>Because a Patch is a Map, {@link #clear()} and {@link #remove(Object)} keep their Map meaning
 * (they throw); record Clear and Remove on the root value with {@code at().clear()} and {@code
 * at().remove(value)}.
 */
public final class Patch extends AbstractMap<String, Object> {
  /**
   * The key (and value) that marks a patch on the wire; the renderer detects a patch by this key
   * alone.
   */
  public static final String MARKER = "__dash_patch_update";

  private final List<Map<String, Object>> operations = new ArrayList<>();
  // Built once: the operations entry is a live read-only view, so the map always shows what was
  // recorded.
  private final Map<String, Object> wire;

  private Patch() {
    var map = new LinkedHashMap<String, Object>();
    map.put(MARKER, MARKER);
    map.put("operations", Collections.unmodifiableList(operations));
    wire = Collections.unmodifiableMap(map);
  }

  /** Starts an empty patch. */
  public static Patch create() {
    return new Patch();
  }

  /**
   * Whether a value is a patch on the wire: a Map holding {@value #MARKER}, the test of Dash and
   * its renderer.
   */
  public static boolean isPatch(Object value) {
    return value instanceof Map<?, ?> map && map.containsKey(MARKER);
  }

  /**
   * The location at a path of {@code String} keys and {@code Integer} indices (negative ones count
   * from the end); no path is the prop value itself.
   *
   * @throws IllegalArgumentException if an element is neither a String nor an Integer
   */
  public Location at(Object... path) {
    return new Location(List.of(), path);
  }

  /**
   * The recorded operations, in order, each {@code {"operation", "location", "params"}}; read-only.
   */
  public List<Map<String, Object>> operations() {
    return Collections.unmodifiableList(operations);
  }

  /** Records Append on the prop value itself: adds the value at the end of the list. */
  public Patch append(Object value) {
    return at().append(value);
  }

  /** Records Prepend on the prop value itself: adds the value at the start of the list. */
  public Patch prepend(Object value) {
    return at().prepend(value);
  }

  /** Records Insert on the prop value itself: adds the value at the index of the list. */
  public Patch insert(int index, Object value) {
    return at().insert(index, value);
  }

  /** Records Extend on the prop value itself: adds all the values at the end of the list. */
  public Patch extend(Collection<?> values) {
    return at().extend(values);
  }

  /** Records Merge on the prop value itself: a shallow merge of the entries into the object. */
  public Patch merge(Map<String, ?> entries) {
    return at().merge(entries);
  }

  /** Records Add on the prop value itself: adds the number. */
  public Patch add(Number value) {
    return at().add(value);
  }

  /** Records Add on the prop value itself: appends the text to the string. */
  public Patch add(String value) {
    return at().add(value);
  }

  /** Records Sub on the prop value itself: subtracts the number. */
  public Patch sub(Number value) {
    return at().sub(value);
  }

  /** Records Mul on the prop value itself: multiplies by the number. */
  public Patch mul(Number value) {
    return at().mul(value);
  }

  /** Records Div on the prop value itself: divides by the number. */
  public Patch div(Number value) {
    return at().div(value);
  }

  /** Records Reverse on the prop value itself: reverses the list. */
  public Patch reverse() {
    return at().reverse();
  }

  /** The wire form: the marker and the operations. */
  @Override
  public Set<Entry<String, Object>> entrySet() {
    return wire.entrySet();
  }

  /** Always throws: a Patch records operations through {@link #at}, not by putting entries. */
  @Override
  public Object put(String key, Object value) {
    throw new UnsupportedOperationException(
        "a Patch is read-only as a Map; record operations with at(...)");
  }

  /**
   * Always throws: a Patch is read-only as a Map; to record Remove on the root value use {@code
   * at().remove(v)}.
   */
  @Override
  public Object remove(Object key) {
    throw new UnsupportedOperationException(
        "a Patch is read-only as a Map; to remove an item from the root list use at().remove(value)");
  }

  /**
   * Always throws: a Patch is read-only as a Map; to record Clear on the root value use {@code
   * at().clear()}.
   */
  @Override
  public void clear() {
    throw new UnsupportedOperationException(
        "a Patch is read-only as a Map; to empty the root value use at().clear()");
  }

  private Patch record(String operation, List<Object> location, Map<String, Object> params) {
    var op = new LinkedHashMap<String, Object>();
    op.put("operation", operation);
    op.put("location", location);
    op.put("params", Collections.unmodifiableMap(params));
    operations.add(Collections.unmodifiableMap(op));
    return this;
  }

  // A LinkedHashMap rather than Map.of: null is a value Dash can assign, append or remove.
  private static Map<String, Object> value(Object value) {
    var params = new LinkedHashMap<String, Object>();
    params.put("value", value);
    return params;
  }

  /**
   * A place in the prop value; each operation records itself there and returns the Patch, so calls
   * chain.
   */
  public final class Location {
    private final List<Object> path;

    private Location(List<Object> parent, Object[] more) {
      if (more == null) {
        throw new IllegalArgumentException(
            "a Patch location holds String keys and Integer indices, not null");
      }
      var full = new ArrayList<Object>(parent);
      for (Object element : more) {
        if (!(element instanceof String) && !(element instanceof Integer)) {
          throw new IllegalArgumentException(
              "a Patch location holds String keys and Integer indices, not "
                  + (element == null ? "null" : element.getClass().getName() + " " + element));
        }
        full.add(element);
      }
      path = List.copyOf(full);
    }

    /** The location further down this one's path. */
    public Location at(Object... path) {
      return new Location(this.path, path);
    }

    /** This location's path of keys and indices; empty for the prop value itself. */
    public List<Object> path() {
      return path;
    }

    /** Records Assign: the value at this location becomes the given one. */
    public Patch assign(Object value) {
      return record("Assign", path, value(value));
    }

    /** Records Merge: a shallow merge of the entries into the object at this location. */
    public Patch merge(Map<String, ?> entries) {
      return record("Merge", path, value(Objects.requireNonNull(entries, "entries")));
    }

    /** Records Extend: adds all the values at the end of the list at this location. */
    public Patch extend(Collection<?> values) {
      return record("Extend", path, value(Objects.requireNonNull(values, "values")));
    }

    /**
     * Records Delete: removes the key or index at this location from its parent.
     *
     * @throws IllegalStateException at the prop value itself, which has no parent to delete it from
     */
    public Patch delete() {
      // The renderer's dissocPath on an empty path changes nothing, and Python's `del patch[k]`
      // always has a key.
      if (path.isEmpty()) {
        throw new IllegalStateException("Delete needs a key or index: use at(key).delete()");
      }
      return record("Delete", path, new LinkedHashMap<>());
    }

    /**
     * Records Insert: adds the value at the index (negative counts from the end) of the list at
     * this location.
     */
    public Patch insert(int index, Object value) {
      var params = new LinkedHashMap<String, Object>();
      params.put("index", index);
      params.put("value", value);
      return record("Insert", path, params);
    }

    /** Records Append: adds the value at the end of the list at this location. */
    public Patch append(Object value) {
      return record("Append", path, value(value));
    }

    /** Records Prepend: adds the value at the start of the list at this location. */
    public Patch prepend(Object value) {
      return record("Prepend", path, value(value));
    }

    /** Records Add: adds the number to the number at this location. */
    public Patch add(Number value) {
      return record("Add", path, value(Objects.requireNonNull(value, "value")));
    }

    /** Records Add: appends the text to the string at this location (the renderer's {@code +}). */
    public Patch add(String value) {
      return record("Add", path, value(Objects.requireNonNull(value, "value")));
    }

    /** Records Sub: subtracts the number from the number at this location. */
    public Patch sub(Number value) {
      return record("Sub", path, value(Objects.requireNonNull(value, "value")));
    }

    /** Records Mul: multiplies the number at this location. */
    public Patch mul(Number value) {
      return record("Mul", path, value(Objects.requireNonNull(value, "value")));
    }

    /** Records Div: divides the number at this location. */
    public Patch div(Number value) {
      return record("Div", path, value(Objects.requireNonNull(value, "value")));
    }

    /**
     * Records Clear: the list, object or string at this location becomes empty, keeping its type.
     */
    public Patch clear() {
      return record("Clear", path, new LinkedHashMap<>());
    }

    /** Records Reverse: reverses the list at this location. */
    public Patch reverse() {
      return record("Reverse", path, new LinkedHashMap<>());
    }

    /**
     * Records Remove: filters every item equal (deeply) to the value out of the list at this
     * location.
     */
    public Patch remove(Object value) {
      return record("Remove", path, value(value));
    }

    /** Shows the path, for debugging. */
    @Override
    public String toString() {
      return "Patch.Location" + path;
    }
  }
}
