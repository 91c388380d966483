package io.dash4j.runtime.jobs;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded store's map as one locked step sees it, at one instant {@link #now}: the keys of
 * §3.6 of the design ({@code job:<id>}, {@code ev:<id>}, {@code ready}, {@code leases}, {@code
 * cache:<key>}) read and written as JSON.
 *
 * <p>The start request, large and read only by a claim and a pushed result, sits beside its record
 * ({@code req:<id>}) so the many small steps (polls, emits, renewals) do not decode and encode it.
 *
 * <p>A record carries its own expiry ({@code exp}, epoch millis) because an {@link AsyncMap} cannot
 * tell an entry's remaining time, while Redis's {@code HSET} keeps a hash's: every rewrite puts the
 * record back with what remains, and its updates list lives exactly as long.
 */
final class JobMap {
  static final String READY = "ready";
  static final String LEASES = "leases";

  private final AsyncMap<String, String> map;
  final long now;

  JobMap(AsyncMap<String, String> map, long now) {
    this.map = map;
    this.now = now;
  }

  /** The record, or null when it is absent or expired (a map may remove expired entries late). */
  Future<JsonObject> job(String id) {
    return map.get(jobKey(id))
        .map(
            text -> {
              if (text == null) {
                return null;
              }
              JsonObject job = new JsonObject(text);
              return job.getLong("exp") > now ? job : null;
            });
  }

  /** Writes the record back, keeping its expiry. */
  Future<Void> putJob(String id, JsonObject job) {
    return map.put(jobKey(id), job.encode(), remaining(job));
  }

  /** Writes the record back to live {@code ttlMillis} from now, its request and updates too. */
  Future<Void> expireJob(String id, JsonObject job, long ttlMillis) {
    job.put("exp", now + ttlMillis);
    return putJob(id, job)
        .compose(v -> keepAsLong(eventsKey(id), job))
        .compose(v -> keepAsLong(requestKey(id), job));
  }

  private Future<Void> keepAsLong(String key, JsonObject job) {
    return map.get(key)
        .compose(
            value ->
                value == null ? Future.succeededFuture() : map.put(key, value, remaining(job)));
  }

  /** The job's start request as stored, or null. */
  Future<String> request(String id) {
    return map.get(requestKey(id));
  }

  /** Stores the job's start request, to live as long as its record. */
  Future<Void> putRequest(String id, JsonObject job, String request) {
    return map.put(requestKey(id), request, remaining(job));
  }

  /** The job's pending updates, oldest first. */
  Future<JsonArray> events(String id) {
    return map.get(eventsKey(id)).map(JobMap::array);
  }

  /** Appends updates to the job's list, which expires with the record. */
  Future<Void> appendEvents(String id, JsonObject job, List<String> updates) {
    if (updates.isEmpty()) {
      return Future.succeededFuture();
    }
    return events(id)
        .compose(
            events -> {
              updates.forEach(events::add);
              return map.put(eventsKey(id), events.encode(), remaining(job));
            });
  }

  /** Replaces the job's pending updates, which expire with the record. */
  Future<Void> putEvents(String id, JsonObject job, JsonArray events) {
    return events.isEmpty()
        ? clearEvents(id)
        : map.put(eventsKey(id), events.encode(), remaining(job));
  }

  Future<Void> clearEvents(String id) {
    return map.remove(eventsKey(id)).mapEmpty();
  }

  /** Queued ids, the next to claim first. */
  Future<JsonArray> ready() {
    return map.get(READY).map(JobMap::array);
  }

  Future<Void> ready(JsonArray ids) {
    return map.put(READY, ids.encode());
  }

  /** Running job id → lease deadline (epoch millis). */
  Future<JsonObject> leases() {
    return map.get(LEASES).map(text -> text == null ? new JsonObject() : new JsonObject(text));
  }

  Future<Void> leases(JsonObject deadlines) {
    return map.put(LEASES, deadlines.encode());
  }

  Future<String> cached(String cacheKey) {
    return map.get(cacheKey(cacheKey));
  }

  /** Caches a value; {@code ttlMillis} 0: no expiry. */
  Future<Void> cache(String cacheKey, String value, long ttlMillis) {
    return ttlMillis > 0
        ? map.put(cacheKey(cacheKey), value, ttlMillis)
        : map.put(cacheKey(cacheKey), value);
  }

  private long remaining(JsonObject job) {
    // job() hands out only records that have not expired at `now`, and new expiries lie ahead.
    return Math.max(1, job.getLong("exp") - now);
  }

  /** A JSON array of strings as a list. */
  static List<String> strings(JsonArray array) {
    List<String> strings = new ArrayList<>(array.size());
    array.forEach(value -> strings.add((String) value));
    return strings;
  }

  private static JsonArray array(String text) {
    return text == null ? new JsonArray() : new JsonArray(text);
  }

  private static String jobKey(String id) {
    return "job:" + id;
  }

  private static String requestKey(String id) {
    return "req:" + id;
  }

  private static String eventsKey(String id) {
    return "ev:" + id;
  }

  private static String cacheKey(String key) {
    return "cache:" + key;
  }
}
