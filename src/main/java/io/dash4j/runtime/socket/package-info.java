/**
 * The socket door: Vert.x's SockJS event-bus bridge and its gatekeeper ({@link
 * io.dash4j.runtime.socket.SocketDoor}), renderer-id claims, the app's connect and message hooks,
 * and {@link io.dash4j.runtime.socket.SocketCall}, the page end of a callback that came over the
 * socket (pushes, {@code get_props}, page gone). See {@code docs/socket-door.md}.
 *
 * <p>May import {@code wire}, {@code cluster} (claims and calls across nodes), {@code topics}, the
 * model, the protocol, the app API's {@code websocket} package and Vert.x (core, web); never {@code
 * exec} or {@code http}.
 */
package io.dash4j.runtime.socket;
