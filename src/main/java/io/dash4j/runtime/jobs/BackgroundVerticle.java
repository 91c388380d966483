package io.dash4j.runtime.jobs;

import io.dash4j.DashConfig;
import io.dash4j.model.CallbackSpec;
import io.dash4j.model.ServerCallbackSpec;
import io.dash4j.protocol.BackgroundQuery;
import io.dash4j.protocol.CacheKeys;
import io.dash4j.protocol.CallbackKeys;
import io.dash4j.protocol.UpdateRequest;
import io.dash4j.runtime.exec.CallbackInvoker;
import io.dash4j.runtime.jobs.JobStore.NewJob;
import io.dash4j.runtime.socket.SocketDoor;
import io.dash4j.runtime.wire.CallbackReply;
import io.dash4j.runtime.wire.UpdateRequests;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Serves one background callback at its {@code dash4j.callback.<output key>} address, as the stock
 * renderer polls for it: a first request starts a job (or answers from the cache) and gets signed
 * {@code cacheKey} and {@code job} handles; each poll with them takes the job's progress, side
 * updates and, once it ended, its result. Nothing here runs user code but the {@code cacheBy}
 * suppliers, which run on a user-code thread; the job itself runs on a {@link JobWorkerVerticle}.
 *
 * <p>Every handle is verified before the store is touched, and the store checks again that the job
 * belongs to this page and this callback: a forged, foreign or expired handle gets a 4xx and
 * changes nothing.
 */
public final class BackgroundVerticle extends JobDoorVerticle {
  static final String PAGE_HEADER = "x-dash4j-page";

  /**
   * The renderer id of the page's socket, once connected: where the job's updates are pushed. Only
   * a hint: the socket door delivers a push only to a socket registered with this job's page token.
   */
  static final String RENDERER_HEADER = "x-dash4j-renderer";

  private final ServerCallbackSpec callback;
  private final CallbackInvoker invoker;
  private final JobStore store;
  private final Handles handles;
  private final ExecutorService userCode;
  private final JobAnswers answers;
  private final long maxJobAgeMillis;
  private final long cacheTouchMillis;
  private final boolean push;
  private static final int MAX_OUTAGES_TRACKED = 10_000;
  private static final byte[] STILL_RUNNING = "{\"multi\":true}".getBytes(StandardCharsets.UTF_8);
  private final long outageGraceMillis;
  // on the door's context only: jobs whose polls failed, since when
  private final Map<String, Long> outages = new HashMap<>();

  /**
   * @param answers the callback's answers, shared with the pusher
   * @param door the HTTP door's context: where the consumer is registered and answers leave from
   * @param userCode where the {@code cacheBy} suppliers run
   */
  BackgroundVerticle(
      ServerCallbackSpec callback,
      JobAnswers answers,
      DashConfig config,
      JobStore store,
      Handles handles,
      Context door,
      ExecutorService userCode) {
    super(callback.outputKey(), door);
    this.callback = callback;
    this.invoker = answers.invoker();
    this.store = store;
    this.handles = handles;
    this.userCode = userCode;
    this.answers = answers;
    this.maxJobAgeMillis = config.jobs().maxJobAge().toMillis();
    this.outageGraceMillis = config.jobs().storeOutageGrace().toMillis();
    this.push = config.jobs().push();
    var expire = callback.options().cacheExpire();
    this.cacheTouchMillis =
        expire != null ? expire.toMillis() : config.jobs().cacheTtl().toMillis();
  }

  @Override
  Future<CallbackReply> handle(UpdateRequest request) {
    var query = BackgroundQuery.parse(rawQuery(request.caller().path()));
    String pageId = pageId(handles, request);
    return query.isPoll() ? poll(request, query, pageId) : start(request, query, pageId);
  }

  private Future<CallbackReply> poll(UpdateRequest request, BackgroundQuery query, String pageId) {
    String key = callback.outputKey();
    String jobId = handles.verifyJob(query.job(), pageId, key);
    if (!jobId.equals(handles.verifyCache(query.cacheKey(), pageId, key))) {
      throw new HandleRefused(400, Handles.INVALID);
    }
    var outputs = invoker.outputsOf(request); // a poll's values are null: never decoded
    return store
        .take(jobId, pageId, key)
        .map(
            taken -> {
              outages.remove(jobId);
              return answers.poll(taken, outputs);
            })
        .recover(failed -> outage(jobId));
  }

  /**
   * A poll while the store cannot be reached: the page keeps polling (an answer without a result)
   * for {@code storeOutageGrace} from this job's first failed poll, so a store that comes back soon
   * (a Redis restart) costs the page nothing; after that it gets the 503.
   */
  private Future<CallbackReply> outage(String jobId) {
    long now = System.currentTimeMillis();
    if (outages.size() >= MAX_OUTAGES_TRACKED) {
      outages.clear(); // bounded: at worst a job waits its grace again
    }
    long since = outages.computeIfAbsent(jobId, id -> now);
    if (now - since > outageGraceMillis) {
      return Future.succeededFuture(CallbackReply.error(503, STORE_AWAY));
    }
    return Future.succeededFuture(CallbackReply.ok(STILL_RUNNING));
  }

  private Future<CallbackReply> start(UpdateRequest request, BackgroundQuery query, String pageId) {
    String key = callback.outputKey();
    var oldJobs = new ArrayList<String>();
    for (String handle : query.oldJobs()) {
      oldJobs.add(handles.verifyJob(handle, pageId, key));
    }
    var decoded = invoker.decode(request);
    String outHash = CacheKeys.outputsHash(request.outputs());
    // A newer run of the same callback for the same outputs supersedes the old one; a run for
    // another MATCH id (other outputs) is left alone (plotly/dash #2751).
    var superseded = new ArrayList<Future<?>>();
    for (String old : oldJobs) {
      superseded.add(store.cancel(old, pageId, Set.of(key), outHash));
    }
    return Future.all(superseded)
        .compose(v -> cacheKey(request))
        .compose(
            cacheKey -> {
              if (cacheKey == null) {
                return create(request, pageId, null, outHash);
              }
              return store
                  .cached(cacheKey, cacheTouchMillis)
                  .compose(
                      hit ->
                          hit != null
                              ? Future.succeededFuture(answers.cacheHit(hit, decoded.outputs()))
                              : create(request, pageId, cacheKey, outHash));
            });
  }

  private Future<CallbackReply> create(
      UpdateRequest request, String pageId, String cacheKey, String outHash) {
    String jobId = Handles.newJobId();
    String key = callback.outputKey();
    var job =
        new NewJob(
            jobId,
            key,
            pageId,
            cacheKey,
            UpdateRequests.toStoredJson(request),
            push ? pushTarget(request) : null,
            outHash);
    var expires = Instant.now().plusMillis(maxJobAgeMillis);
    return store
        .create(job)
        .map(
            created ->
                answers.started(
                    handles.cacheHandle(jobId, pageId, key, expires),
                    handles.jobHandle(jobId, pageId, key, expires)));
  }

  /** The renderer id the page says its socket registered, when it is one; else null. */
  private static String pushTarget(UpdateRequest request) {
    var ids = request.caller().headers(RENDERER_HEADER);
    return ids.size() == 1 && SocketDoor.isRendererId(ids.get(0)) ? ids.get(0) : null;
  }

  /** The cache key of this call, or null when the callback does not cache. */
  private Future<String> cacheKey(UpdateRequest request) {
    var suppliers = callback.options().cacheBy();
    if (suppliers.isEmpty()) {
      return Future.succeededFuture(null);
    }
    var args = invoker.wireArguments(request);
    int[] ignored = callback.options().cacheArgsToIgnore();
    var kept = new ArrayList<Object>();
    for (int i = 0; i < args.size(); i++) {
      if (!contains(ignored, i)) {
        kept.add(args.get(i));
      }
    }
    List<String> triggered =
        callback.options().isCacheIgnoreTriggered() ? null : request.changedPropIds();
    Promise<String> key = Promise.promise();
    Context here = vertx.getOrCreateContext();
    userCode.execute(
        () -> {
          try {
            var values = new ArrayList<Object>(suppliers.size());
            for (Supplier<?> supplier : suppliers) {
              values.add(supplier.get());
            }
            String cacheKey =
                CacheKeys.of(callback.outputKey(), callback.callSite(), kept, triggered, values);
            here.runOnContext(v -> key.complete(cacheKey));
          } catch (RuntimeException e) {
            here.runOnContext(v -> key.fail(e));
          }
        });
    return key.future();
  }

  private static boolean contains(int[] positions, int i) {
    for (int p : positions) {
      if (p == i) {
        return true;
      }
    }
    return false;
  }

  /** The {@code cancel} entries of the first answer: each exactly as the renderer compares it. */
  static List<Map<String, Object>> cancelEntries(ServerCallbackSpec callback) {
    return callback.options().cancel().stream().map(CallbackSpec::wireEntry).toList();
  }

  /** {@code "<stringified id>.<prop>"} of each progress output, in order. */
  static List<String> progressKeys(ServerCallbackSpec callback) {
    var keys = new ArrayList<String>();
    callback
        .options()
        .progress()
        .forEach(o -> keys.add(CallbackKeys.propId(o.componentId(), o.property())));
    return keys;
  }
}
