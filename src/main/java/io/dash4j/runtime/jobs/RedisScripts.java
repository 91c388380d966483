package io.dash4j.runtime.jobs;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The Redis store's Lua scripts, one per transition (design §3.5), read from the resources {@code
 * io/dash4j/runtime/jobs/<name>.lua}: loaded with {@code SCRIPT LOAD}, run with {@code EVALSHA}. A
 * {@code NOSCRIPT} answer (Redis restarted, or its script cache flushed) reloads them all and runs
 * the script once more.
 */
final class RedisScripts {
  /** The store's scripts, each named after its resource. */
  enum Script {
    CREATE("create"),
    CLAIM("claim"),
    RENEW("renew"),
    EMIT("emit"),
    COMPLETE("complete"),
    TAKE("take"),
    CANCEL("cancel"),
    REQUEUE("requeue"),
    MARK_PUSH("markpush"),
    COMMIT_PUSH("commitpush"),
    ABORT_PUSH("abortpush");

    private final String resource;

    Script(String name) {
      this.resource = name + ".lua";
    }
  }

  /**
   * Whether the push in flight on job hash {@code key} (its {@code infl}, {@code inflx} fields, or
   * nil) awaits its acknowledgement at {@code t}; one whose ack did not come in time is forgotten
   * and the job made poll-only, as {@code EmbeddedPushes.awaitingAck}.
   */
  private static final String PUSH_PRELUDE =
      "local function awaitingAck(key, infl, inflx, t)"
          + " if not infl then return false end"
          + " if tonumber(inflx) > t then return true end"
          + " redis.call('HDEL', key, 'infl', 'inflx', 'infn', 'inflr')"
          + " redis.call('HSET', key, 'push', '') return false end\n";

  /**
   * Put ahead of every script: time is Redis's own clock, so leases do not depend on the callers'
   * clocks (allowed in a script that writes: Redis ≥ 5 replicates scripts by their effects).
   */
  private static final String PRELUDE =
      "local function now() local t = redis.call('TIME')"
          + " return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) end\n"
          + PUSH_PRELUDE;

  private final RedisAPI api;
  private final Map<Script, String> sources = new EnumMap<>(Script.class);
  private final Map<Script, String> shas = new EnumMap<>(Script.class);

  RedisScripts(RedisAPI api) {
    this.api = api;
    for (Script script : Script.values()) {
      String source = PRELUDE + resource(script.resource);
      sources.put(script, source);
      // Redis names a script by the SHA-1 of its text, so calls need no answer from a load first.
      shas.put(script, sha1(source));
    }
  }

  /** Loads every script into Redis's script cache. */
  Future<Void> loadAll() {
    List<Future<Response>> loaded = new ArrayList<>();
    sources.values().forEach(source -> loaded.add(api.script(List.of("LOAD", source))));
    return Future.all(loaded).mapEmpty();
  }

  /** Runs {@code script} with its keys and arguments; its answer, null for Redis's nil. */
  Future<Response> run(Script script, List<String> keys, List<String> args) {
    List<String> command = new ArrayList<>(2 + keys.size() + args.size());
    command.add(shas.get(script));
    command.add(Integer.toString(keys.size()));
    command.addAll(keys);
    command.addAll(args);
    return api.evalsha(command)
        .recover(
            failure ->
                noScript(failure)
                    ? loadAll().compose(v -> api.evalsha(command))
                    : Future.failedFuture(failure));
  }

  private static boolean noScript(Throwable failure) {
    String message = failure.getMessage();
    return message != null && message.startsWith("NOSCRIPT");
  }

  private static String resource(String name) {
    try (InputStream in = RedisScripts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing script resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha1(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }
}
