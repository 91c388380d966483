/**
 * Broadcasts as an app sees them: a {@link io.dash4j.broadcast.Topic} the app declares ({@code
 * app.topic(name)}), publishes to from any thread, and subscribes pages to ({@code
 * app.subscribe(topic)}, {@code Page.subscribe(topic)}). See {@code docs/streams-and-broadcasts.md}
 * §3.
 *
 * <p>User-facing; imports only the JDK.
 */
package io.dash4j.broadcast;
