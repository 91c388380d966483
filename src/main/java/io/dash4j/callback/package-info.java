/**
 * Callbacks: {@link io.dash4j.callback.Output}, {@link io.dash4j.callback.Input}, {@link
 * io.dash4j.callback.State}, the registration calls ({@link io.dash4j.callback.Callbacks}) with
 * their frozen {@link io.dash4j.callback.CallbackOptions}, the {@link
 * io.dash4j.callback.CallbackContext}, what callbacks return ({@link io.dash4j.callback.Results}
 * for typed outputs, {@link io.dash4j.callback.Update} for an output that may stay as it is, {@link
 * io.dash4j.callback.Patch}), and the signals {@link io.dash4j.callback.PreventUpdate} and {@link
 * io.dash4j.callback.NoUpdate}.
 *
 * <p>User-facing; imports only the JDK, {@code io.dash4j.layout} and {@code io.dash4j.websocket}.
 */
package io.dash4j.callback;
