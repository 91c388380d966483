package io.dash4j.protocol;

import java.util.Set;

/**
 * The props whose pushes add to what the page has instead of replacing it: {@code dcc.Graph}'s
 * {@code extendData} and {@code prependData} ({@code [update, traceIndices, maxPoints]}). The one
 * list of them: a slow page's queue merges two such pushes instead of keeping the later, and a
 * topic never replays them to a page that subscribes late (one stray point of a walk is no state).
 */
public final class AppendProps {
  private static final Set<String> NAMES = Set.of("extendData", "prependData");

  private AppendProps() {}

  /** Whether pushes of {@code prop} append. */
  public static boolean appends(String prop) {
    return NAMES.contains(prop);
  }

  /** Whether pushes of {@code prop} add their points before those the page has. */
  public static boolean prepends(String prop) {
    return "prependData".equals(prop);
  }
}
