/**
 * Typed components: {@link io.dash4j.components.Html} elements and {@link io.dash4j.components.Dcc}
 * core components.
 *
 * <p>User-facing; imports only the JDK and {@code io.dash4j.layout}.
 */
package io.dash4j.components;
