package io.dash4j.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} on a free loopback port, for tests of the Redis job store: no
 * snapshots, and an append-only file only when asked ({@link #persistent()}), so a restart on the
 * same port keeps or forgets the data as a test needs. Stop it with {@link #stop()}.
 *
 * <pre>{@code
 * static RedisServer redis = RedisServer.start();
 * config.jobs().store(JobsConfig.Store.REDIS).redisUrl(redis.url());
 * }</pre>
 */
public final class RedisServer {
  private static final Duration READY = Duration.ofSeconds(10);

  private final int port;
  private final Path dir;
  private final boolean appendOnly;
  private Process process;

  private RedisServer(int port, Path dir, boolean appendOnly) {
    this.port = port;
    this.dir = dir;
    this.appendOnly = appendOnly;
  }

  /** Starts a server that keeps nothing on disk; returns once it answers {@code PING}. */
  public static RedisServer start() throws IOException {
    return start(false);
  }

  /**
   * Starts a server with an append-only file in a temporary directory (fsync on every write), so
   * {@link #kill()} and {@link #restart()} lose no acknowledged write.
   */
  public static RedisServer persistent() throws IOException {
    return start(true);
  }

  private static RedisServer start(boolean appendOnly) throws IOException {
    var server =
        new RedisServer(Ports.free(), Files.createTempDirectory("dash4j-redis-"), appendOnly);
    server.launch();
    return server;
  }

  /** {@code redis://127.0.0.1:<port>/0}. */
  public String url() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  /** The port it listens on, the same across restarts. */
  public int port() {
    return port;
  }

  /** Whether the process runs. */
  public synchronized boolean running() {
    return process != null && process.isAlive();
  }

  /** Stops it with SIGTERM and waits until it has exited. */
  public synchronized void stop() {
    end(false);
  }

  /** Kills it with SIGKILL ({@code kill -9}): no shutdown, connections reset at once. */
  public synchronized void kill() {
    end(true);
  }

  /** Starts it again on the same port, after a stop or a kill; returns once it answers. */
  public synchronized void restart() throws IOException {
    end(false);
    launch();
  }

  private void launch() throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "redis-server",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--dir",
                dir.toString(),
                "--logfile",
                dir.resolve("redis.log").toString()));
    if (appendOnly) {
      command.addAll(List.of("--appendonly", "yes", "--appendfsync", "always"));
    } else {
      command.addAll(List.of("--appendonly", "no"));
    }
    process =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    awaitPong();
  }

  private void end(boolean forcibly) {
    if (process == null) {
      return;
    }
    // By PID: Process.destroy sends SIGTERM, destroyForcibly SIGKILL, on Unix.
    ProcessHandle handle = process.toHandle();
    if (forcibly) {
      handle.destroyForcibly();
    } else {
      handle.destroy();
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        handle.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  private void awaitPong() throws IOException {
    Instant deadline = Instant.now().plus(READY);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException(
            "redis-server exited with "
                + process.exitValue()
                + "; see "
                + dir.resolve("redis.log"));
      }
      if (pong()) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for redis-server", e);
      }
    }
    end(true);
    throw new IOException("redis-server did not answer PING on port " + port + " within " + READY);
  }

  /** Sends an inline {@code PING}; true when it answers {@code +PONG}. */
  private boolean pong() {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] answer = new byte[7];
      int read = in.readNBytes(answer, 0, answer.length);
      return new String(answer, 0, read, StandardCharsets.US_ASCII).equals("+PONG\r\n");
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "redis-server on " + url();
  }
}
