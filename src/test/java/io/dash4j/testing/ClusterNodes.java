package io.dash4j.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * dash4j nodes in child JVMs, joined by Hazelcast on loopback as a user starts them ({@code
 * -cluster -cluster-host 127.0.0.1}, the launcher, {@code conf/cluster.xml}), in a cluster of their
 * own: the conf's settings under a cluster name no other test uses. Each node's stderr goes to
 * {@code <dir>/<name>.err}.
 */
public final class ClusterNodes implements AutoCloseable {
  private final Path dir;
  private final Path hazelcast;
  private final List<String> java;
  private final List<Process> processes;

  private ClusterNodes(Path dir, Path hazelcast, List<String> java, List<Process> processes) {
    this.dir = dir;
    this.hazelcast = hazelcast;
    this.java = java;
    this.processes = processes;
  }

  /** A new cluster whose files live in {@code dir}. */
  public static ClusterNodes in(Path dir) throws IOException {
    Path cluster = dir.resolve("cluster.xml");
    Files.writeString(
        cluster,
        Files.readString(Path.of("conf", "cluster.xml"))
            .replace(
                "<cluster-name>dash4j</cluster-name>",
                "<cluster-name>test-" + UUID.randomUUID() + "</cluster-name>"));
    return new ClusterNodes(
        dir,
        cluster,
        List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()),
        new ArrayList<>());
  }

  /**
   * The same cluster (closed with this), its next nodes started by {@code java} and pinned to the
   * cores {@code cpus} (taskset's list), as the benchmarks run servers.
   */
  public ClusterNodes pinned(String java, String cpus) {
    return new ClusterNodes(dir, hazelcast, List.of("taskset", "-c", cpus, java), processes);
  }

  /** Starts a node with this launcher config (inline JSON); it joins the cluster as it starts. */
  public Process launch(String name, String config) throws IOException {
    var command = new ArrayList<>(java);
    command.addAll(
        List.of(
            "-Dvertx.hazelcast.config=" + hazelcast,
            "-cp",
            System.getProperty("java.class.path"),
            "io.dash4j.runtime.launch.DashLauncher",
            "-conf",
            config,
            "-cluster",
            "-cluster-host",
            "127.0.0.1"));
    var process = Launched.start(command, log(name));
    processes.add(process);
    return process;
  }

  /** The node's stderr. */
  public Path log(String name) {
    return dir.resolve(name + ".err");
  }

  /**
   * Waits until the node's stderr says {@code text} (a node joining beside a loaded test run may
   * take a minute), failing early if it exits.
   */
  public void awaitLog(String name, Process node, String text) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      String log = Files.readString(log(name));
      if (log.contains(text)) {
        return;
      }
      if (!node.isAlive()) {
        throw new AssertionError(name + " exited with " + node.exitValue() + ": " + log);
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        name + " did not log \"" + text + "\": " + Files.readString(log(name)));
  }

  /** Kills the node as a crash would ({@code kill -9}) and waits until it is gone. */
  public static void kill(Process node) throws Exception {
    new ProcessBuilder("kill", "-9", Long.toString(node.pid())).start().waitFor();
    node.onExit().get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    for (Process process : processes) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
