/**
 * The example gallery that {@code ./run gallery} starts with {@code conf/config.json}: apps written
 * against the public API only. It lives outside the library jar, in a source folder of its own
 * compiled with the tests.
 */
package io.dash4j.gallery;
