/**
 * Multi-page apps: {@link io.dash4j.pages.Page}s in a {@link io.dash4j.pages.Pages} registry, shown
 * in {@link io.dash4j.pages.Pages#container()}.
 *
 * <p>User-facing; imports only the JDK and dash4j's user-facing packages.
 */
package io.dash4j.pages;
