/**
 * How a server starts: {@link io.dash4j.runtime.launch.DashLauncher} (the jar's {@code Main-Class},
 * {@code java -jar dash4j.jar -conf conf/config.json}) and its JSON settings, {@link
 * io.dash4j.runtime.launch.DashVerticleFactory} for Vert.x's own command line ({@code
 * io.vertx.core.Launcher run dash4j:<app class>}, what {@code vertx run} runs), {@link
 * io.dash4j.runtime.launch.DashServer} for {@code app.run()}, tests and embedding, and {@link
 * io.dash4j.runtime.launch.DashVerticle}, the main verticle that deploys the callback verticles and
 * mounts the doors.
 *
 * <p>May import every other runtime package, the model, the app API and Vert.x (core, web,
 * launcher).
 */
package io.dash4j.runtime.launch;
