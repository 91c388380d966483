/**
 * The Dash wire, in one place: the update request record, the caller a door stamps, the JSON
 * encoder, callback key strings ({@code id.prop}, {@code ..a.x...b.y..}, {@code @hash}) and
 * fingerprints.
 *
 * <p>Imports only the JDK and {@code io.dash4j.layout} (components and wire values it encodes): no
 * Vert.x, no callback classes, no model. The runtime parses JSON into its records ({@code
 * io.dash4j.runtime.wire}).
 */
package io.dash4j.protocol;
