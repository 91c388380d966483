/**
 * The app as the runtime reads it: {@link io.dash4j.model.AppModel} and the frozen {@link
 * io.dash4j.model.CallbackSpec}s of server and clientside callbacks, with their output keys and
 * {@code _dash-dependencies} entries worked out in one place.
 *
 * <p>Filled by {@code io.dash4j.DashApp}, read by {@code io.dash4j.runtime}. Imports the app API's
 * lower packages ({@code callback}, {@code layout}, {@code pages}, {@code websocket}, {@code
 * broadcast}) and {@code protocol}; never {@code io.dash4j} itself, Vert.x or the runtime. Apps do
 * not use it.
 */
package io.dash4j.model;
