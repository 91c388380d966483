package io.dash4j.broadcast;

import java.util.Collections;
import java.util.Map;

/**
 * A broadcast: props pushed to every page subscribed to it, on every node of the app. The app
 * declares it ({@code app.topic("brownian")}) and says who subscribes: every page ({@code
 * app.subscribe(topic)}) or the pages of one path ({@code Page.at("/brownian").subscribe(topic)}).
 * A page can never subscribe itself to anything else.
 *
 * <pre>{@code
 * Topic walk = app.topic("brownian");
 * app.registerPage(Page.at("/brownian").subscribe(walk).layout(() -> graph("motion")));
 * // from any thread: a timer, a callback, another node
 * walk.publish("motion", Map.of("extendData", List.of(Map.of("y", List.of(List.of(y))), List.of(0), 500)));
 * walk.keep("motion", Map.of("figure", figureSoFar));   // what a page that comes later starts from
 * }</pre>
 *
 * <p>A page that subscribes late (a new tab, a navigation to the path) first gets the topic's
 * latest value of each component and prop published or kept, then what follows. Appends ({@code
 * extendData}, {@code prependData}) and {@code Patch} values reach the pages subscribed when they
 * are published and are never replayed: {@link #keep} a snapshot for the pages that come later. A
 * page that reads slowly gets the latest values, appends merged, under the socket's bound.
 *
 * <p>Before the app runs, nothing is pushed (no page is there), but what is published or kept is
 * kept for replay, so a ticker may start before {@code app.run()}.
 */
public interface Topic {
  /** The name the app declared it with; pushes travel on {@code dash4j.topic.<name>}. */
  String name();

  /**
   * Pushes props of a component to every page subscribed, and keeps them (appends aside) for pages
   * that subscribe later. Returns at once: one event-bus publish, whatever the number of pages.
   *
   * @param componentId a string id, or a map for a pattern-matching id
   * @param props prop name to new value (components, figures, {@code Patch} values allowed)
   * @throws IllegalArgumentException for an empty or malformed id, no props, or a value JSON cannot
   *     carry
   */
  void publish(Object componentId, Map<String, ?> props);

  /** One prop: {@code publish(componentId, Map.of(prop, value))}. */
  default void publish(Object componentId, String prop, Object value) {
    publish(componentId, Collections.singletonMap(prop, value));
  }

  /**
   * Keeps props for pages that subscribe later, without pushing them to the pages there now: a
   * snapshot (the figure with the walk so far) that the appends published since were drawn on.
   *
   * @throws IllegalArgumentException as {@link #publish(Object, Map)}
   */
  void keep(Object componentId, Map<String, ?> props);
}
