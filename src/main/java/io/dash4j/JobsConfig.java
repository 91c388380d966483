package io.dash4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings of background callbacks: where their jobs live, how many run at once in this process,
 * the secret their handles are signed with, and how long things last. Reach it with {@code
 * config.jobs()}; the launcher's JSON config overrides it under {@code "jobs"}.
 *
 * <pre>{@code
 * config.jobs().store(JobsConfig.Store.REDIS).redisUrl("redis://10.0.0.5:6379/0").poolSize(8);
 * }</pre>
 */
public final class JobsConfig {
  /** Where job state lives. */
  public enum Store {
    /** In the Vert.x instance's shared data: nothing to install; cluster-wide under a cluster. */
    EMBEDDED,
    /** In Redis, so workers in other processes share the queue and a dead worker loses nothing. */
    REDIS
  }

  private Store store = Store.EMBEDDED;
  private String namespace;
  private int poolSize = 4;
  private String secret;
  private final List<String> previousSecrets = new ArrayList<>();
  private Duration lease = Duration.ofSeconds(30);
  private int maxAttempts = 3;
  private Duration claimPoll = Duration.ofSeconds(1);
  private Duration resultTtl = Duration.ofMinutes(10);
  private Duration maxJobAge = Duration.ofDays(1);
  private Duration cacheTtl = Duration.ZERO;
  private Duration cancelGrace = Duration.ofSeconds(10);
  private boolean push = true;
  private Duration pushAckTimeout = Duration.ofSeconds(2);
  private Duration storeTimeout = Duration.ofSeconds(2);
  private Duration storeOutageGrace = Duration.ofSeconds(15);
  private String redisUrl = "redis://127.0.0.1:6379/0";
  private int redisPoolSize = 8;
  private int redisMaxPoolWaiting = 64;

  JobsConfig() {}

  /** Where job state lives (default embedded). */
  public JobsConfig store(Store store) {
    this.store = Objects.requireNonNull(store, "store");
    return this;
  }

  /** Where job state lives. */
  public Store store() {
    return store;
  }

  /**
   * The name the app's jobs are kept under; processes of one app share it (default: the app's title
   * and a digest of its background callbacks, so two apps on one Redis never meet). Letters,
   * digits, {@code . _ -}.
   */
  public JobsConfig namespace(String namespace) {
    if (namespace == null || !namespace.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException(
          "jobs namespace is 1 to 64 of letters, digits, '.', '_', '-': " + namespace);
    }
    this.namespace = namespace;
    return this;
  }

  /** The namespace set, or null for the default. */
  public String namespace() {
    return namespace;
  }

  /** Jobs this process runs at once (its worker verticles; default 4; 0: a node that runs none). */
  public JobsConfig poolSize(int workers) {
    if (workers < 0) {
      throw new IllegalArgumentException("jobs poolSize must be 0 or more");
    }
    this.poolSize = workers;
    return this;
  }

  /** Jobs this process runs at once. */
  public int poolSize() {
    return poolSize;
  }

  /**
   * The key job handles are signed with: base64 of 32 bytes or more. Required in production; in
   * debug mode a random one is made (handles then do not survive a restart).
   */
  public JobsConfig secret(String base64) {
    this.secret = base64;
    return this;
  }

  /** The signing key (base64), or null when unset. */
  public String secret() {
    return secret;
  }

  /** Keys still accepted for handles signed before a rotation. */
  public JobsConfig previousSecrets(String... base64) {
    previousSecrets.addAll(List.of(base64));
    return this;
  }

  /** Keys still accepted for handles signed before a rotation. */
  public List<String> previousSecrets() {
    return List.copyOf(previousSecrets);
  }

  /**
   * How long a worker holds a job without renewing (default 30 s): a job whose worker died runs
   * again after at most this long.
   */
  public JobsConfig lease(Duration lease) {
    this.lease = positive("lease", lease);
    return this;
  }

  /** How long a worker holds a job without renewing. */
  public Duration lease() {
    return lease;
  }

  /** How many times a job is claimed before it fails as "its worker stopped" (default 3). */
  public JobsConfig maxAttempts(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("jobs maxAttempts must be 1 or more");
    }
    this.maxAttempts = attempts;
    return this;
  }

  /** How many times a job is claimed at most. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** How often an idle worker looks for jobs it may not have been told of (default 1 s). */
  public JobsConfig claimPoll(Duration period) {
    this.claimPoll = positive("claimPoll", period);
    return this;
  }

  /** How often an idle worker looks for jobs. */
  public Duration claimPoll() {
    return claimPoll;
  }

  /** How long a finished job's result stays for its page to collect (default 10 min). */
  public JobsConfig resultTtl(Duration ttl) {
    this.resultTtl = positive("resultTtl", ttl);
    return this;
  }

  /** How long a finished job's result stays. */
  public Duration resultTtl() {
    return resultTtl;
  }

  /** How long an unfinished job and its handles live (default 1 day). */
  public JobsConfig maxJobAge(Duration age) {
    this.maxJobAge = positive("maxJobAge", age);
    return this;
  }

  /** How long an unfinished job and its handles live. */
  public Duration maxJobAge() {
    return maxJobAge;
  }

  /**
   * How long a cached result lives when its callback sets no {@code cacheExpire} (default zero: no
   * expiry).
   */
  public JobsConfig cacheTtl(Duration ttl) {
    if (ttl == null || ttl.isNegative()) {
      throw new IllegalArgumentException("jobs cacheTtl must be zero or positive");
    }
    this.cacheTtl = ttl;
    return this;
  }

  /** How long a cached result lives by default; zero for no expiry. */
  public Duration cacheTtl() {
    return cacheTtl;
  }

  /** After this long, a cancelled run that ignores interrupts is logged (default 10 s). */
  public JobsConfig cancelGrace(Duration grace) {
    this.cancelGrace = positive("cancelGrace", grace);
    return this;
  }

  /** After this long, a cancelled run that ignores interrupts is logged. */
  public Duration cancelGrace() {
    return cancelGrace;
  }

  /** Pushes progress, updates and results to pages connected by socket (default true). */
  public JobsConfig push(boolean push) {
    this.push = push;
    return this;
  }

  /** Whether jobs push to pages connected by socket. */
  public boolean push() {
    return push;
  }

  /** A push the page has not acknowledged by then falls back to polling (default 2 s). */
  public JobsConfig pushAckTimeout(Duration timeout) {
    this.pushAckTimeout = positive("pushAckTimeout", timeout);
    return this;
  }

  /** When an unacknowledged push falls back to polling. */
  public Duration pushAckTimeout() {
    return pushAckTimeout;
  }

  /** How long any one call to the job store may take (default 2 s). */
  public JobsConfig storeTimeout(Duration timeout) {
    this.storeTimeout = positive("storeTimeout", timeout);
    return this;
  }

  /** How long any one call to the job store may take. */
  public Duration storeTimeout() {
    return storeTimeout;
  }

  /**
   * How long polls keep a page waiting while the store cannot be reached before they answer 503
   * (default 15 s).
   */
  public JobsConfig storeOutageGrace(Duration grace) {
    this.storeOutageGrace = positive("storeOutageGrace", grace);
    return this;
  }

  /** How long polls keep a page waiting while the store is away. */
  public Duration storeOutageGrace() {
    return storeOutageGrace;
  }

  /** The Redis store's address, {@code redis://[:password@]host[:port][/db]}. */
  public JobsConfig redisUrl(String url) {
    if (url == null || !(url.startsWith("redis://") || url.startsWith("rediss://"))) {
      throw new IllegalArgumentException("jobs redis url starts with redis:// or rediss://");
    }
    this.redisUrl = url;
    return this;
  }

  /** The Redis store's address. */
  public String redisUrl() {
    return redisUrl;
  }

  /** Connections to Redis for commands (default 8). */
  public JobsConfig redisPoolSize(int connections) {
    if (connections < 1) {
      throw new IllegalArgumentException("jobs redis poolSize must be 1 or more");
    }
    this.redisPoolSize = connections;
    return this;
  }

  /** Connections to Redis for commands. */
  public int redisPoolSize() {
    return redisPoolSize;
  }

  /** Commands that may wait for a connection (default 64). */
  public JobsConfig redisMaxPoolWaiting(int commands) {
    if (commands < 0) {
      throw new IllegalArgumentException("jobs redis maxPoolWaiting must be 0 or more");
    }
    this.redisMaxPoolWaiting = commands;
    return this;
  }

  /** Commands that may wait for a connection. */
  public int redisMaxPoolWaiting() {
    return redisMaxPoolWaiting;
  }

  private static Duration positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("jobs " + name + " must be positive");
    }
    return value;
  }
}
