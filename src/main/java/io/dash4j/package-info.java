/**
 * The front door of dash4j: {@link io.dash4j.Dash}, {@link io.dash4j.DashApp}, {@link
 * io.dash4j.DashConfig}, {@link io.dash4j.DashApplication} and {@link io.dash4j.RunningApp}.
 *
 * <p>User-facing; imports the app API's packages and {@code io.dash4j.model}, never Vert.x or the
 * runtime. {@link io.dash4j.DashApp#run()} finds the runtime through {@link io.dash4j.DashRuntime}
 * and {@link java.util.ServiceLoader}.
 */
package io.dash4j;
