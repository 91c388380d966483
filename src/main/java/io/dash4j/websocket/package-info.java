/**
 * The socket door, as an app sees it: a running callback's {@link io.dash4j.websocket.Websocket}
 * handle (push props, read props, notice that its page went away) and the hooks that admit or
 * refuse sockets and their messages.
 *
 * <p>Turn it on per callback ({@code options -> options.websocket(true)}) or for every callback
 * ({@code config.websocketCallbacks(true)}); the page then talks to the event bus through Vert.x's
 * SockJS bridge, and HTTP stays the fallback for browsers without a SharedWorker.
 */
package io.dash4j.websocket;
