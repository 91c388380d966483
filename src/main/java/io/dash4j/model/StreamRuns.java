package io.dash4j.model;

import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.PreventUpdate;
import io.dash4j.callback.StreamDeclaration;
import io.dash4j.callback.StreamStopped;
import io.dash4j.websocket.PageGone;
import io.dash4j.websocket.Websocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The runs of one stream, one per page at most: what its callback function does when the page
 * triggers it. A new trigger stops the page's running run first; a run's end, however it comes,
 * resets the page ({@link StreamRun}). Runs are known by the page's renderer id while they run, so
 * nothing stays behind a run that ended. A call over HTTP has no page to know it by: it runs on its
 * own.
 */
final class StreamRuns {
  private final String id;
  private final StreamDeclaration stream;
  private final Supplier<StreamStops> relay;
  private final Map<String, StreamRun> byPage = new ConcurrentHashMap<>();

  /**
   * @param id the stream's name among the app's streams, the same in every process of the app
   * @param relay how a stop reaches the other processes
   */
  StreamRuns(String id, StreamDeclaration stream, Supplier<StreamStops> relay) {
    this.id = id;
    this.stream = stream;
    this.relay = relay;
  }

  /** The stream's callback function: runs the stream for the calling page. */
  Object run(List<Object> arguments) throws Exception {
    var context = CallbackContext.current();
    String page = pageOf(context);
    var run = new StreamRun(stream, context);
    if (page != null) {
      StreamRun previous = byPage.put(page, run);
      if (previous != null) {
        previous.stop(context);
      }
      relay.get().stopElsewhere(id, page, run.id());
    }
    try {
      stream.function().run(arguments, run);
    } catch (StreamStopped | PageGone | PreventUpdate quietEnd) {
      // stopped, or nothing more to say: the reset follows
    } catch (InterruptedException interrupted) {
      if (!run.isStopped()) {
        throw interrupted;
      }
    } catch (Exception error) {
      if (run.isStopped()) {
        return null; // a stopped stream's failure to stop cleanly is not news
      }
      if (stream.options().onError() == null) {
        throw error;
      }
      stream.options().onError().handle(error, run);
    } finally {
      if (page != null) {
        byPage.remove(page, run);
      }
      run.end();
    }
    return null;
  }

  /** Stops the page's run, if one runs; the resets go through {@code by}, a call of that page. */
  void stop(CallbackContext by) {
    String page = pageOf(by);
    if (page == null) {
      return;
    }
    StreamRun run = byPage.remove(page);
    if (run != null) {
      run.stop(by);
    }
    relay.get().stopElsewhere(id, page, null);
  }

  /**
   * Stops {@code page}'s run here, unless it is {@code keepRun}: another process stopped it. The
   * run's own call resets the page, should the run not end by itself. Blocks up to a second.
   */
  void stopFromElsewhere(String page, String keepRun) {
    StreamRun run = byPage.get(page);
    if (run != null && !run.id().equals(keepRun) && byPage.remove(page, run)) {
      run.stop(run.context());
    }
  }

  private static String pageOf(CallbackContext context) {
    Websocket socket = context.websocket();
    return socket == null ? null : socket.rendererId();
  }
}
