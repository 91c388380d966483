/**
 * Broadcast topics at run time ({@link io.dash4j.runtime.topics.Broadcasts}): a topic's publishes
 * as one event-bus publish on {@code dash4j.topic.<name>}, consumed by each verticle with a socket
 * door, which keeps the topic's latest values for replay and offers each publish to the pages
 * subscribed to it. See {@code docs/streams-and-broadcasts.md} §3.
 *
 * <p>May import the model, the protocol, {@code wire} and Vert.x core; never the doors ({@code
 * socket}, {@code http}), {@code exec} or {@code launch}: the socket door hands it each page's end
 * as a {@link io.dash4j.runtime.topics.Broadcasts.Subscriber}.
 */
package io.dash4j.runtime.topics;
