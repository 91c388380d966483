/**
 * The layout model: {@link io.dash4j.layout.Component} trees and typed {@link
 * io.dash4j.layout.Prop}s.
 *
 * <p>User-facing; imports nothing but the JDK.
 */
package io.dash4j.layout;
