package io.dash4j.model;

import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.CallbackDeclaration;
import io.dash4j.callback.Input;
import io.dash4j.callback.StreamDeclaration;
import io.dash4j.callback.StreamOptions.Cancel;
import io.dash4j.model.CallbackSpec.AppDefaults;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Stream callbacks as the app's model holds them: each is a persistent socket callback without
 * outputs whose function runs the stream ({@link StreamRuns}), so the renderer's entry for it shows
 * no loading state and needs no answer. Each cancel input gets one cancel callback, shared by every
 * stream it cancels, as Dash does for background callbacks' cancel inputs: when the input changes
 * to a value other than a stream's, that stream's run on the same page stops.
 */
final class Streams {
  /** A stream a cancel input stops, unless the input's value is {@code keepValue}. */
  private record Target(StreamRuns runs, Object keepValue) {}

  // cancel input "id.prop" -> the streams it stops
  private final Map<String, List<Target>> cancels = new ConcurrentHashMap<>();
  // "stream-<n>", in the order the app declared them -> its runs
  private final Map<String, StreamRuns> byId = new ConcurrentHashMap<>();
  private volatile StreamStops relay = StreamStops.LOCAL;

  /** How stops reach the other processes of the app. */
  void relay(StreamStops relay) {
    this.relay = relay;
  }

  /** Stops {@code page}'s run of {@code stream} here, unless it is {@code keepRun}. */
  void stopFromElsewhere(String stream, String page, String keepRun) {
    StreamRuns runs = byId.get(stream);
    if (runs != null) {
      runs.stopFromElsewhere(page, keepRun);
    }
  }

  /**
   * Registers the stream's callback, and the cancel callbacks of inputs seen for the first time.
   */
  void add(
      StreamDeclaration stream,
      String callSite,
      AppDefaults defaults,
      Consumer<ServerCallbackSpec> register) {
    String id = "stream-" + byId.size();
    var runs = new StreamRuns(id, stream, () -> relay);
    byId.put(id, runs);
    var options = stream.options();
    register.accept(
        new ServerCallbackSpec(
            new CallbackDeclaration(
                List.of(),
                false,
                stream.arguments(),
                runs::run,
                CallbackDeclaration.options(
                    o ->
                        o.websocket(true)
                            .persistent(true)
                            .preventInitialCall(options.preventsInitialCall())
                            .hidden(options.isHidden()))),
            callSite,
            defaults));
    for (Cancel cancel : options.cancels()) {
      String key = CallbackSpec.propId(cancel.input());
      boolean first = !cancels.containsKey(key);
      var targets = cancels.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
      targets.add(new Target(runs, cancel.value()));
      if (first) {
        register.accept(cancelCallback(cancel.input(), targets, callSite, defaults));
      }
    }
  }

  private ServerCallbackSpec cancelCallback(
      Input<?> input, List<Target> targets, String callSite, AppDefaults defaults) {
    return new ServerCallbackSpec(
        new CallbackDeclaration(
            List.of(),
            false,
            List.of(input),
            args -> {
              var context = CallbackContext.current();
              for (Target target : targets) {
                if (!sameValue(args.get(0), target.keepValue())) {
                  target.runs().stop(context);
                }
              }
              return null;
            },
            CallbackDeclaration.options(
                o -> o.websocket(true).persistent(true).preventInitialCall(true).hidden(true))),
        callSite,
        defaults);
  }

  /** Equal values, numbers by value: the page's {@code 0} may decode as a long or a double. */
  private static boolean sameValue(Object value, Object keep) {
    if (value instanceof Number a && keep instanceof Number b) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    return Objects.equals(value, keep);
  }
}
