package io.dash4j.model;

import io.dash4j.broadcast.Topic;
import io.dash4j.pages.Page;
import io.dash4j.pages.Pages;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The topics an app declared, and which of them every page subscribes to; a page of a multi-page
 * app adds its own ({@link Page#topics()}). Topics are only ever declared by the app, never created
 * by a page.
 */
public final class Topics {
  private final Map<String, TopicSpec> declared = new LinkedHashMap<>(); // guarded by this
  private final Set<String> everyPage = new LinkedHashSet<>(); // guarded by this

  /**
   * Declares a topic.
   *
   * @throws IllegalArgumentException when the name is taken or malformed
   */
  public synchronized TopicSpec declare(String name) {
    var topic = new TopicSpec(name);
    if (declared.putIfAbsent(name, topic) != null) {
      throw new IllegalArgumentException("the topic " + name + " is declared twice");
    }
    return topic;
  }

  /**
   * Subscribes every page of the app to {@code topic}.
   *
   * @throws IllegalArgumentException when this app did not declare it
   */
  public synchronized void subscribeEveryPage(Topic topic) {
    requireDeclared(topic, "app.subscribe");
    everyPage.add(topic.name());
  }

  /**
   * Checks that this app declared {@code topic} (a topic of another app would never be published to
   * here).
   */
  public synchronized void requireDeclared(Topic topic, String where) {
    if (topic == null || declared.get(topic.name()) != topic) {
      throw new IllegalArgumentException(
          where + ": " + topic + " was not declared by this app (app.topic(name))");
    }
  }

  /** Whether the app declared any topic. */
  public synchronized boolean isEmpty() {
    return declared.isEmpty();
  }

  /** The declared topics, in order. */
  public synchronized List<TopicSpec> all() {
    return List.copyOf(declared.values());
  }

  /**
   * The names of the topics a page at {@code pathname} (as the browser shows it, under {@code
   * prefix}) subscribes to: every page's, and those of the app's page at that path; only every
   * page's when no page is there.
   */
  public Set<String> at(Pages pages, String pathname, String prefix) {
    Set<String> names;
    synchronized (this) {
      names = new LinkedHashSet<>(everyPage);
    }
    Page page = pathname == null ? null : pages.pageAt(Pages.stripPrefix(pathname, prefix));
    if (page != null) {
      page.topics().forEach(topic -> names.add(topic.name()));
    }
    synchronized (this) {
      names.retainAll(declared.keySet());
    }
    return names;
  }
}
