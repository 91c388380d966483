/** The example gallery that {@code conf/config.json} starts: apps written against the public API only. */
package io.dash4j.gallery;
