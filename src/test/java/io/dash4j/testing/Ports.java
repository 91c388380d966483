package io.dash4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * Local TCP ports for servers a test starts itself (a child JVM, a server restarted on the same
 * port).
 */
public final class Ports {
  private Ports() {}

  /**
   * A port free at the time of the call: the system picks it, and the probe socket is closed before
   * it returns.
   */
  public static int free() {
    try (var socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
