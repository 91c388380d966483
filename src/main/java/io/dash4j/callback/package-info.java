/**
 * Callbacks: {@link io.dash4j.callback.Output}, {@link io.dash4j.callback.Input}, {@link io.dash4j.callback.State},
 * the {@link io.dash4j.callback.CallbackContext}, and the signals {@link io.dash4j.callback.PreventUpdate} and
 * {@link io.dash4j.callback.NoUpdate}.
 *
 * <p>User-facing; imports only the JDK and {@code io.dash4j.layout}.
 */
package io.dash4j.callback;
