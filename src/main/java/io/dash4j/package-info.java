/**
 * The front door of dash4j: {@link io.dash4j.Dash}, {@link io.dash4j.DashApp} and {@link io.dash4j.DashConfig}.
 *
 * <p>User-facing; imports no Vert.x type. {@link io.dash4j.DashApp#run()} starts the Vert.x runtime of
 * {@code io.dash4j.server} behind the scenes.
 */
package io.dash4j;
