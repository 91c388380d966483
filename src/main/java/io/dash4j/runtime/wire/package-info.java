/**
 * What crosses the event bus: update requests parsed from HTTP bodies and encoded for the clustered
 * bus, replies, the caller's headers, a codec that skips copies locally, and Vert.x JSON turned
 * into plain Java values.
 *
 * <p>May import the protocol and Vert.x core only.
 */
package io.dash4j.runtime.wire;
