package io.dash4j.layout;

/**
 * A Java value that travels as another JSON value: the generated enums of {@code oneOf} props,
 * whose Java names ({@code LINES_MARKERS}) differ from their wire values ({@code "lines+markers"}).
 */
public interface WireValue {
  /** The JSON value sent to the browser. */
  Object wire();
}
