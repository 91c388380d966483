package io.dash4j.runtime.socket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The socket calls one socket has running, by the reply address its page will hear the answer at,
 * and by page: the door lets a callback request run only within {@code DashConfig}'s limits per
 * socket and per page. A slot is taken when the door admits the request and given back once the
 * answer has been written to the socket, so a page that sends without reading cannot start more
 * calls than the limits either. In a cluster each call also holds its watch ({@code RemoteCalls}),
 * and is answered once: by its callback, or by the door when the node running it is gone.
 */
final class CallSlots {
  /** What {@link #answer} returns for a call not running, or answered already. */
  static final long NOT_RUNNING = -1;

  private static final class Running {
    final String rendererId;
    long watch; // RemoteCalls' number, 0 when not watched
    boolean answered;

    Running(String rendererId) {
      this.rendererId = rendererId;
    }
  }

  private final int perSocket;
  private final int perPage;
  private final Map<String, Running> byReplyAddress = new HashMap<>(); // guarded by this
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
    if (byReplyAddress.size() >= perSocket) {
      return "Too many callbacks running on this socket (at most " + perSocket + ")";
    }
    if (runningByPage.getOrDefault(rendererId, 0) >= perPage) {
      return "Too many callbacks running on this page (at most " + perPage + ")";
    }
    byReplyAddress.put(replyAddress, new Running(rendererId));
    runningByPage.merge(rendererId, 1, Integer::sum);
    return null;
  }

  /** Notes the watch of the call answered at {@code replyAddress}, to settle when it ends. */
  synchronized void watched(String replyAddress, long watch) {
    Running call = byReplyAddress.get(replyAddress);
    if (call != null) {
      call.watch = watch;
    }
  }

  /** Whether a running call is answered at {@code replyAddress}. */
  synchronized boolean holds(String replyAddress) {
    return byReplyAddress.containsKey(replyAddress);
  }

  /**
   * Marks the call answered at {@code replyAddress} answered: its watch (0 when none), or {@link
   * #NOT_RUNNING} when it is not running or was answered before, and must not be answered again.
   */
  synchronized long answer(String replyAddress) {
    Running call = byReplyAddress.get(replyAddress);
    if (call == null || call.answered) {
      return NOT_RUNNING;
    }
    call.answered = true;
    return call.watch;
  }

  /** The call answered at {@code replyAddress} is over. */
  synchronized void release(String replyAddress) {
    Running call = byReplyAddress.remove(replyAddress);
    if (call != null) {
      runningByPage.computeIfPresent(
          call.rendererId, (id, running) -> running > 1 ? running - 1 : null);
    }
  }

  /** The watches of the calls still running, for a socket that closed. */
  synchronized List<Long> watches() {
    var watches = new ArrayList<Long>();
    byReplyAddress.values().forEach(call -> watches.add(call.watch));
    return watches;
  }
}
