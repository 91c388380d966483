/**
 * The Dash wire: request records, the JSON encoder, callback key strings and fingerprints, in one place.
 *
 * <p>Runtime side: may import Vert.x core (buffers, JSON parsing), never Vert.x Web.
 */
package io.dash4j.protocol;
