/**
 * The HTTP door: {@link io.dash4j.runtime.http.DashRoutes}, the whole Dash HTTP protocol on one
 * screen, with the component suites, the assets folder, the index page, hot-reload hashes and api
 * endpoints. A callback request is parsed once here and handed to its callback verticle by an
 * event-bus request.
 *
 * <p>May import {@code socket} (to mount the socket door and serve its worker), {@code exec} (error
 * pages), {@code wire}, the model, the protocol and Vert.x (core, web).
 */
package io.dash4j.runtime.http;
