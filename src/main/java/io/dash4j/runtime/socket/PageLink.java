package io.dash4j.runtime.socket;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One page load as the socket calls of this process see it: whether it is gone, and what to wake or
 * stop when it goes. Every {@link SocketCall} of the page holds it, so a handle kept after its call
 * returned still learns that its page went away; a page has one link, however many calls it makes,
 * and the link is forgotten when the page goes ({@link SocketCalls}).
 */
final class PageLink {
  private final String rendererId;
  private volatile boolean gone;
  private final Set<Runnable> whenGone = ConcurrentHashMap.newKeySet();

  PageLink(String rendererId) {
    this.rendererId = rendererId;
  }

  /** A link to a page that has already gone: what a leave hook's handle holds. */
  static PageLink goneAlready(String rendererId) {
    var link = new PageLink(rendererId);
    link.gone = true;
    return link;
  }

  String rendererId() {
    return rendererId;
  }

  boolean isGone() {
    return gone;
  }

  /**
   * Runs {@code action} when the page goes, at once if it has gone already. Returns what forgets
   * the action, to run once it no longer matters (the call ended, the wait was answered): the
   * actions waiting are what is running or waiting now, never every call the page made.
   */
  Runnable whenGone(Runnable action) {
    whenGone.add(action);
    if (gone && whenGone.remove(action)) {
      action.run();
    }
    return () -> whenGone.remove(action);
  }

  /** The page went away: every waiting action runs once. */
  void markGone() {
    gone = true;
    for (Runnable action : whenGone) {
      if (whenGone.remove(action)) {
        action.run();
      }
    }
  }
}
