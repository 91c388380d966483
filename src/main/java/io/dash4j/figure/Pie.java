package io.dash4j.figure;

import java.util.List;

/**
 * A pie trace ({@code type: "pie"}), like Python's {@code go.Pie} and {@code px.pie}; a {@link
 * #hole} makes it a donut.
 */
public final class Pie extends Trace<Pie> {

  private Pie() {
    super("pie");
  }

  /** A slice per label, sized by its value ({@code labels}, {@code values}). */
  public static Pie of(List<?> labels, List<? extends Number> values) {
    return new Pie().set("labels", labels).set("values", values);
  }

  /** A slice per label, sized by its value ({@code labels}, {@code values}). */
  public static Pie of(List<?> labels, double[] values) {
    return new Pie().set("labels", labels).set("values", values);
  }

  /** A slice per label, sized by its value ({@code labels}, {@code values}). */
  public static Pie of(List<?> labels, int[] values) {
    return new Pie().set("labels", labels).set("values", values);
  }

  /** The fraction of the radius cut out of the middle, 0 to 1 ({@code hole}). */
  public Pie hole(double hole) {
    return set("hole", hole);
  }

  /** A colour per slice, in label order ({@code marker.colors}). */
  public Pie colors(List<String> colors) {
    return set("marker.colors", colors);
  }
}
