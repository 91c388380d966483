package io.dash4j.runtime.jobs;

import io.dash4j.model.AppModel;
import io.dash4j.model.CancelCallbackSpec;
import io.dash4j.protocol.BackgroundQuery;
import io.dash4j.protocol.UpdateRequest;
import io.dash4j.runtime.wire.CallbackReply;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Serves the cancel callback of one cancel input: the renderer calls it when that input changes,
 * with a {@code cancelJob} handle for each job it cancels. Every handle must verify for this page
 * and one of the callbacks that list this input (else 400 and nothing is cancelled); each such job
 * is cancelled (its worker stops it at once) and the answer is 204, as Dash's {@code NoUpdate}.
 */
public final class CancelVerticle extends JobDoorVerticle {
  private final CancelCallbackSpec cancel;
  private final AppModel model;
  private final JobStore store;
  private final Handles handles;

  /**
   * @param door the HTTP door's context: where the consumer is registered and answers leave from
   */
  public CancelVerticle(
      CancelCallbackSpec cancel, AppModel model, JobStore store, Handles handles, Context door) {
    super(cancel.outputKey(), door);
    this.cancel = cancel;
    this.model = model;
    this.store = store;
    this.handles = handles;
  }

  @Override
  Future<CallbackReply> handle(UpdateRequest request) {
    var query = BackgroundQuery.parse(rawQuery(request.caller().path()));
    if (query.cancelJobs().isEmpty()) {
      return Future.succeededFuture(CallbackReply.noContent()); // no job was running
    }
    String pageId = pageId(handles, request);
    List<String> guarded = model.callbacksCancelledBy(cancel);
    var jobIds = new LinkedHashSet<String>();
    for (String handle : query.cancelJobs()) {
      String jobId = jobIdOf(handle, pageId, guarded);
      if (jobId != null) {
        jobIds.add(jobId);
      }
    }
    var cancels = new ArrayList<Future<?>>();
    Set<String> callbacks = Set.copyOf(guarded);
    for (String jobId : jobIds) {
      cancels.add(store.cancel(jobId, pageId, callbacks, null));
    }
    return Future.all(cancels).map(v -> CallbackReply.noContent());
  }

  /**
   * The job a handle names, if it verifies for one of the guarded callbacks; null when it expired
   * (the job is gone: nothing to cancel).
   *
   * @throws HandleRefused 400 when it verifies for none
   */
  private String jobIdOf(String handle, String pageId, List<String> guarded) {
    boolean expired = false;
    for (String callback : guarded) {
      try {
        return handles.verifyJob(handle, pageId, callback);
      } catch (HandleRefused refused) {
        expired |= refused.status() == 410;
      }
    }
    if (expired) {
      return null;
    }
    throw new HandleRefused(400, Handles.INVALID);
  }
}
