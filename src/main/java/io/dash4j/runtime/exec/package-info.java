/**
 * The callback runtime: one {@link io.dash4j.runtime.exec.CallbackVerticle} per server callback on
 * {@code dash4j.callback.<output key>}, the invoker that checks a request against the callback's
 * spec and runs the user code off the event loop (a pool of platform threads, overflowing to
 * virtual threads on JDK 21+; on JDK 24+ virtual threads carried by the loop, which leave it
 * whenever they block, {@link io.dash4j.runtime.exec.LoopCarrier}; on the loop itself only for
 * callbacks the app declared non-blocking), the one deadline sweep per Vert.x instance, the
 * callback context, and error pages.
 *
 * <p>May import {@code socket} (a socket call's page end), {@code wire}, {@code cluster} (a call's
 * receipt to a door on another node), the model, the protocol, the app API's {@code callback} and
 * {@code websocket} packages and Vert.x core.
 */
package io.dash4j.runtime.exec;
