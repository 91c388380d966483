package io.dash4j.runtime.socket;

import java.util.HashMap;
import java.util.Map;

/**
 * The socket calls one socket has running, by the reply address its page will hear the answer at,
 * and by page: the door lets a callback request run only within {@code DashConfig}'s limits per
 * socket and per page. A slot is taken when the door admits the request and given back once the
 * answer has been written to the socket, so a page that sends without reading cannot start more
 * calls than the limits either.
 */
final class CallSlots {
  private final int perSocket;
  private final int perPage;
  private final Map<String, String> pageByReplyAddress = new HashMap<>(); // guarded by this
  private final Map<String, Integer> runningByPage = new HashMap<>(); // guarded by this

  CallSlots(int perSocket, int perPage) {
    this.perSocket = perSocket;
    this.perPage = perPage;
  }

  /**
   * Takes a slot for the call of {@code rendererId} answered at {@code replyAddress}: null if
   * taken, else why not.
   */
  synchronized String take(String replyAddress, String rendererId) {
    if (pageByReplyAddress.size() >= perSocket) {
      return "Too many callbacks running on this socket (at most " + perSocket + ")";
    }
    if (runningByPage.getOrDefault(rendererId, 0) >= perPage) {
      return "Too many callbacks running on this page (at most " + perPage + ")";
    }
    pageByReplyAddress.put(replyAddress, rendererId);
    runningByPage.merge(rendererId, 1, Integer::sum);
    return null;
  }

  /** Whether a running call is answered at {@code replyAddress}. */
  synchronized boolean holds(String replyAddress) {
    return pageByReplyAddress.containsKey(replyAddress);
  }

  /** The call answered at {@code replyAddress} is over. */
  synchronized void release(String replyAddress) {
    String rendererId = pageByReplyAddress.remove(replyAddress);
    if (rendererId != null) {
      runningByPage.computeIfPresent(rendererId, (id, running) -> running > 1 ? running - 1 : null);
    }
  }
}
