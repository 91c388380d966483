package io.dash4j.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Local TCP ports for servers a test starts itself (a child JVM, a server restarted on the same
 * port).
 */
public final class Ports {
  /** The lowest port handed out: above the well-known services and Hazelcast's 5701–5720. */
  private static final int LOWEST = 20_000;

  /** The first port of the range Linux takes ports from when none is asked for. */
  private static final int EPHEMERAL_START = ephemeralStart();

  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private Ports() {}

  /**
   * A port free at the time of the call, and unlikely to be taken before the test's server binds
   * it, seconds later in a child JVM: it lies below the ephemeral range, where the system picks the
   * ports of outgoing connections and of servers bound to port 0 (a browser, the other test fork's
   * nodes), which took a port the system had picked here before a node could bind it. Never the
   * same twice in one JVM.
   */
  public static int free() {
    var random = ThreadLocalRandom.current();
    for (int tries = 0; tries < 200; tries++) {
      int port = LOWEST + random.nextInt(EPHEMERAL_START - LOWEST);
      if (bindable(port) && HANDED_OUT.add(port)) {
        return port;
      }
    }
    throw new IllegalStateException(
        "no free port between " + LOWEST + " and " + EPHEMERAL_START + " after 200 tries");
  }

  private static boolean bindable(int port) {
    try (var socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  private static int ephemeralStart() {
    try {
      String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
      int start = Integer.parseInt(range.split("\\s+")[0]);
      return start > LOWEST + 1_000 ? start : 32_768;
    } catch (IOException | RuntimeException unreadable) {
      return 32_768; // Linux's default
    }
  }
}
