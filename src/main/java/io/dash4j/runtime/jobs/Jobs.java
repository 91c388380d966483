package io.dash4j.runtime.jobs;

import io.dash4j.DashConfig;
import io.dash4j.JobsConfig;
import io.dash4j.model.AppModel;
import io.dash4j.model.CancelCallbackSpec;
import io.dash4j.model.ServerCallbackSpec;
import io.dash4j.runtime.exec.CallbackInvoker;
import io.dash4j.runtime.exec.UserCodeExecutor;
import io.dash4j.runtime.socket.PageTokens;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.logging.Logger;

/**
 * The background-callback room of one process: its job store, the verticles that serve the
 * background and cancel callbacks at the HTTP door, the pool of job workers, and the sweep that
 * requeues jobs whose worker stopped renewing, and the pusher that brings jobs' news to pages
 * connected by socket. {@link #pageToken()} mints the token each index page carries, which binds a
 * page load to its jobs.
 */
public final class Jobs {
  private static final Logger LOG = Logger.getLogger(Jobs.class.getName());

  private final Vertx vertx;
  private final DashConfig config;
  private final AppModel model;
  private final JobStore store;
  private final Handles handles;
  private final ExecutorService jobThreads;
  private final List<String> deployments = new ArrayList<>();
  private long sweepTimer = -1;

  private Jobs(Vertx vertx, DashConfig config, AppModel model, JobStore store, Handles handles) {
    this.vertx = vertx;
    this.config = config;
    this.model = model;
    this.store = store;
    this.handles = handles;
    this.jobThreads = UserCodeExecutor.create(Math.max(1, config.jobs().poolSize()), "dash4j-job-");
  }

  /**
   * Starts the room when the app has background callbacks; null when it has none.
   *
   * @param door the HTTP door's context, where the callbacks' consumers live
   * @param userCode where {@code cacheBy} suppliers run
   * @param web whether this process serves the page's requests (the background and cancel
   *     callbacks)
   * @param workers whether this process runs jobs ({@code jobs.poolSize} of them at a time)
   * @throws IllegalStateException when production mode has no secret to sign handles with
   */
  public static Future<Jobs> startIfNeeded(
      Vertx vertx,
      DashConfig config,
      AppModel model,
      Context door,
      ExecutorService userCode,
      boolean web,
      boolean workers) {
    if (!model.hasBackgroundCallbacks()) {
      return Future.succeededFuture(null);
    }
    Handles handles;
    try {
      // a worker-only process signs and checks no handle
      handles =
          web
              ? new Handles(secret(config), previousSecrets(config.jobs()), Clock.systemUTC())
              : null;
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    var store = JobStores.create(vertx, config, model);
    var jobs = new Jobs(vertx, config, model, store, handles);
    return store.start().compose(v -> jobs.deploy(door, userCode, web, workers)).map(jobs);
  }

  private Future<?> deploy(Context door, ExecutorService userCode, boolean web, boolean workers) {
    var verticles = new ArrayList<Future<String>>();
    var answers = new HashMap<String, JobAnswers>();
    for (ServerCallbackSpec callback : web ? model.callbacks() : List.<ServerCallbackSpec>of()) {
      if (callback.isBackground()) {
        var callbackAnswers =
            new JobAnswers(
                callback, new CallbackInvoker(callback, model, config.debug()), config.debug());
        answers.put(callback.outputKey(), callbackAnswers);
        verticles.add(
            vertx.deployVerticle(
                new BackgroundVerticle(
                    callback, callbackAnswers, config, store, handles, door, userCode)));
      }
    }
    for (var cancel : web ? model.cancelCallbacks() : List.<CancelCallbackSpec>of()) {
      verticles.add(vertx.deployVerticle(new CancelVerticle(cancel, model, store, handles, door)));
    }
    if (web && config.jobs().push()) {
      new JobPusher(vertx, door, store, answers, config).start();
    }
    var pool = new JobWorkers(store);
    String process = UUID.randomUUID().toString().substring(0, 8);
    int poolSize = workers ? config.jobs().poolSize() : 0;
    for (int i = 0; i < poolSize; i++) {
      verticles.add(
          vertx.deployVerticle(
              new JobWorkerVerticle(store, pool, model, config, jobThreads, process + "-" + i),
              new DeploymentOptions()));
    }
    if (poolSize > 0) {
      long every = Math.max(50, config.jobs().lease().toMillis() / 6);
      sweepTimer = vertx.setPeriodic(every, t -> store.requeueExpired(100));
    }
    return Future.all(verticles).onSuccess(all -> all.<String>list().forEach(deployments::add));
  }

  /** The page tokens of this process's index pages, minted and checked with the jobs' secret. */
  public PageTokens pageTokens() {
    return new PageTokens() {
      @Override
      public String mint() {
        return handles.pageToken();
      }

      @Override
      public String pageIdOf(String token) {
        try {
          return handles.pageId(token);
        } catch (HandleRefused e) {
          return null;
        }
      }
    };
  }

  /** Stops the workers and closes the store. */
  public Future<?> stop() {
    vertx.cancelTimer(sweepTimer);
    var undeployed = new ArrayList<Future<?>>();
    // when the whole Vert.x instance closes it undeploys these itself, maybe first
    deployments.stream()
        .filter(vertx.deploymentIDs()::contains)
        .forEach(id -> undeployed.add(vertx.undeploy(id)));
    jobThreads.shutdownNow();
    return Future.join(undeployed).eventually(store::close);
  }

  private static byte[] secret(DashConfig config) {
    String configured = config.jobs().secret();
    if (configured == null) {
      configured = System.getenv("DASH4J_JOBS_SECRET");
    }
    if (configured != null) {
      return Handles.secretFrom(configured);
    }
    if (!config.debug()) {
      throw new IllegalStateException(
          "config needs jobs.secret (base64, 32+ bytes) for background callbacks");
    }
    LOG.warning(
        "jobs.secret is not set: background job handles are signed with a random key, so they "
            + "do not survive a restart and other processes cannot verify them (debug mode only)");
    var random = new byte[32];
    new SecureRandom().nextBytes(random);
    return random;
  }

  private static List<byte[]> previousSecrets(JobsConfig jobs) {
    return jobs.previousSecrets().stream().map(Handles::secretFrom).toList();
  }
}
