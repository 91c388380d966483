package io.dash4j.runtime.launch;

import io.dash4j.JobsConfig;
import io.dash4j.runtime.launch.ServerSettings.InvalidConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The launcher config's {@code "jobs"} object: the background-callback settings, each checked and
 * reported as one line naming the key ({@code jobs.poolSize must be ...}).
 *
 * <pre>{@code
 * "jobs": {"store": "redis", "redis": {"url": "redis://10.0.0.5:6379/0"}, "poolSize": 8,
 *          "secret": "<base64 of 32+ bytes>"}
 * }</pre>
 */
final class JobsSettings {
  private static final Map<String, BiConsumer<JobsConfig, Object>> KEYS =
      Map.ofEntries(
          Map.entry("store", (c, v) -> c.store(store(v))),
          Map.entry("namespace", (c, v) -> c.namespace(text("namespace", v))),
          Map.entry("poolSize", (c, v) -> c.poolSize(whole("poolSize", v))),
          Map.entry("secret", (c, v) -> c.secret(text("secret", v))),
          Map.entry("previousSecrets", (c, v) -> c.previousSecrets(texts("previousSecrets", v))),
          Map.entry("leaseMillis", (c, v) -> c.lease(millis("leaseMillis", v))),
          Map.entry("maxAttempts", (c, v) -> c.maxAttempts(whole("maxAttempts", v))),
          Map.entry("claimPollMillis", (c, v) -> c.claimPoll(millis("claimPollMillis", v))),
          Map.entry("resultTtlMillis", (c, v) -> c.resultTtl(millis("resultTtlMillis", v))),
          Map.entry("maxJobAgeMillis", (c, v) -> c.maxJobAge(millis("maxJobAgeMillis", v))),
          Map.entry("cacheTtlMillis", (c, v) -> c.cacheTtl(millis("cacheTtlMillis", v))),
          Map.entry("cancelGraceMillis", (c, v) -> c.cancelGrace(millis("cancelGraceMillis", v))),
          Map.entry("push", (c, v) -> c.push(bool("push", v))),
          Map.entry(
              "pushAckTimeoutMillis",
              (c, v) -> c.pushAckTimeout(millis("pushAckTimeoutMillis", v))),
          Map.entry(
              "storeTimeoutMillis", (c, v) -> c.storeTimeout(millis("storeTimeoutMillis", v))),
          Map.entry(
              "storeOutageGraceMillis",
              (c, v) -> c.storeOutageGrace(millis("storeOutageGraceMillis", v))),
          Map.entry("redis", JobsSettings::redis));

  private static final Map<String, BiConsumer<JobsConfig, Object>> REDIS_KEYS =
      Map.of(
          "url", (c, v) -> c.redisUrl(text("redis.url", v)),
          "poolSize", (c, v) -> c.redisPoolSize(whole("redis.poolSize", v)),
          "maxPoolWaiting", (c, v) -> c.redisMaxPoolWaiting(whole("redis.maxPoolWaiting", v)));

  private JobsSettings() {}

  /** Applies {@code "jobs"} onto the app's settings. */
  static void apply(Object jobs, JobsConfig config) {
    applyAll("jobs", jobs, KEYS, config);
  }

  private static void redis(JobsConfig config, Object redis) {
    applyAll("jobs.redis", redis, REDIS_KEYS, config);
  }

  private static void applyAll(
      String name, Object value, Map<String, BiConsumer<JobsConfig, Object>> keys, JobsConfig c) {
    if (!(value instanceof JsonObject json)) {
      throw new InvalidConfig("config \"" + name + "\" must be an object");
    }
    for (String key : json.fieldNames()) {
      var setter = keys.get(key);
      if (setter == null) {
        throw new InvalidConfig(
            "unknown config key '"
                + name
                + "."
                + key
                + "' (known: "
                + String.join(", ", new TreeSet<>(keys.keySet()))
                + ")");
      }
      try {
        setter.accept(c, json.getValue(key));
      } catch (IllegalArgumentException e) {
        throw new InvalidConfig("invalid config: " + e.getMessage());
      }
    }
  }

  private static JobsConfig.Store store(Object value) {
    String name = text("store", value);
    if (!Set.of("embedded", "redis").contains(name)) {
      throw new InvalidConfig("config \"jobs.store\" must be \"embedded\" or \"redis\"");
    }
    return JobsConfig.Store.valueOf(name.toUpperCase(Locale.ROOT));
  }

  private static String text(String key, Object value) {
    if (!(value instanceof String text)) {
      throw new InvalidConfig("config \"jobs." + key + "\" must be a string");
    }
    return text;
  }

  private static String[] texts(String key, Object value) {
    if (!(value instanceof JsonArray array) || !array.stream().allMatch(String.class::isInstance)) {
      throw new InvalidConfig("config \"jobs." + key + "\" must be a list of strings");
    }
    return array.stream().map(String.class::cast).toArray(String[]::new);
  }

  private static int whole(String key, Object value) {
    if (!(value instanceof Number number) || number.doubleValue() != number.intValue()) {
      throw new InvalidConfig("config \"jobs." + key + "\" must be a whole number");
    }
    return number.intValue();
  }

  private static Duration millis(String key, Object value) {
    if (!(value instanceof Number number) || number.doubleValue() != number.longValue()) {
      throw new InvalidConfig("config \"jobs." + key + "\" must be a whole number of ms");
    }
    return Duration.ofMillis(number.longValue());
  }

  private static boolean bool(String key, Object value) {
    if (!(value instanceof Boolean bool)) {
      throw new InvalidConfig("config \"jobs." + key + "\" must be true or false");
    }
    return bool;
  }
}
