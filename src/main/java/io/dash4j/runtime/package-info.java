/**
 * The runtime: dash4j on Eclipse Vert.x, one package per concern. It reads the app through {@code
 * io.dash4j.model} and speaks the wire of {@code io.dash4j.protocol}; the app API never imports it
 * ({@code DashApp.run()} finds it through {@link java.util.ServiceLoader}).
 *
 * <ul>
 *   <li>{@code launch}: how a server starts (the jar's launcher, its JSON settings, {@code
 *       app.run()}, embedding) and the main verticle that wires the rooms below;
 *   <li>{@code http}: the HTTP door (routes, component suites, assets, the index page, api
 *       endpoints);
 *   <li>{@code socket}: the socket door (the SockJS event-bus bridge, renderer-id claims, hooks, a
 *       call's page end);
 *   <li>{@code topics}: broadcast topics (one event-bus publish per topic, the replay table, the
 *       fan-out to a door's subscribed pages);
 *   <li>{@code exec}: the callback runtime (callback verticles, the invoker, the user-code
 *       executors, error pages);
 *   <li>{@code wire}: what crosses the event bus (codecs, the caller's headers, replies, Vert.x
 *       JSON to plain Java);
 *   <li>{@code jobs}: background callbacks (the job stores, the verticles at the door, the pool of
 *       job workers, signed handles);
 *   <li>{@code cluster}: what holds across the nodes of a cluster (renderer-id claims, the check
 *       that every node runs the same app).
 * </ul>
 *
 * <p>Dependencies point one way: {@code launch} → {@code http} → {@code socket}/{@code exec} →
 * {@code topics}/{@code wire}, with {@code exec} → {@code socket} for pushes to a page; never the
 * app's generated component classes.
 */
package io.dash4j.runtime;
