package io.dash4j.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.XmlConfigBuilder;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code conf/cluster.xml}, the configuration for nodes on one machine, as Hazelcast reads it: its
 * nodes meet even when the first ports are taken, as they are when another cluster runs on the same
 * machine (a second app, or a second test class in the other fork).
 */
class ClusterConfigIT {
  private static final int FIRST_PORT = 5701;
  private static final int TAKEN = 3;

  @Test
  void nodesOnOneMachineMeetWhenTheFirstPortsAreTakenByOthers() throws Exception {
    List<ServerSocket> others = takeFreePortsAmong(FIRST_PORT, TAKEN);
    List<HazelcastInstance> nodes = new ArrayList<>();
    try {
      var config =
          new XmlConfigBuilder(Files.newInputStream(Path.of("conf", "cluster.xml")))
              .build()
              .setClusterName("config-test-" + UUID.randomUUID());
      for (int i = 0; i < 2; i++) {
        nodes.add(Hazelcast.newHazelcastInstance(config));
      }
      for (HazelcastInstance node : nodes) {
        assertThat(node.getCluster().getLocalMember().getAddress().getPort())
            .as("the node bound a port past the taken ones")
            .isGreaterThanOrEqualTo(FIRST_PORT + TAKEN);
      }
      // the second node joins as it starts, through the tcp-ip member list (127.0.0.1 on each port)
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (nodes.get(1).getCluster().getMembers().size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(nodes.get(1).getCluster().getMembers())
          .as("the second node found the first")
          .hasSize(2);
    } finally {
      nodes.forEach(HazelcastInstance::shutdown);
      for (ServerSocket other : others) {
        other.close();
      }
    }
  }

  /**
   * Binds those of the {@code count} ports from {@code first} that are free, each answering any
   * connection by closing it, as a member of another cluster turns a join away; the ones already
   * bound are taken anyway.
   */
  private static List<ServerSocket> takeFreePortsAmong(int first, int count) {
    List<ServerSocket> taken = new ArrayList<>();
    for (int port = first; port < first + count; port++) {
      ServerSocket socket;
      try {
        socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
      } catch (IOException alreadyBound) {
        continue;
      }
      taken.add(socket);
      Thread refuser = new Thread(() -> refuseEveryConnection(socket), "refuses port " + port);
      refuser.setDaemon(true);
      refuser.start();
    }
    return taken;
  }

  private static void refuseEveryConnection(ServerSocket socket) {
    while (!socket.isClosed()) {
      try (Socket ignored = socket.accept()) {
        // closed at once
      } catch (IOException closed) {
        return;
      }
    }
  }
}
