package io.dash4j.model;

/**
 * How a stream's stop reaches the other processes of a cluster: a page's run of a stream may be on
 * another node than the call that stops it (a cancel input, or the stream triggered again), since
 * any node may serve either call. The runtime sets the relay ({@link AppModel#streamStops}); each
 * node hands what it hears to {@link AppModel#stopStream}. Without a cluster nothing is relayed.
 */
@FunctionalInterface
public interface StreamStops {
  /** Relays nothing: the process is the whole app. */
  StreamStops LOCAL = (stream, page, keepRun) -> {};

  /**
   * Tells every process to stop {@code page}'s run of {@code stream}, except the run {@code
   * keepRun} (the one just started; null for a cancel).
   */
  void stopElsewhere(String stream, String page, String keepRun);
}
