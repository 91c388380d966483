package io.dash4j.jobs;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Html;
import io.dash4j.testing.ServedApp;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pool of job workers: with {@code jobs.poolSize(1)} jobs started together run one after the
 * other, queued in the store, and no more threads run jobs than the pool has workers; two pages
 * that start the same callback each get their own result.
 */
class JobPoolIT {
  static final AtomicInteger running = new AtomicInteger();
  static final AtomicInteger mostAtOnce = new AtomicInteger();

  @RegisterExtension static final ServedApp server = ServedApp.of(JobPoolIT::app);

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.config().jobs().poolSize(1);
    app.layout(div(button("Go").id("go"), div().id("result")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("go", Html.Button.N_CLICKS),
        clicks -> {
          int now = running.incrementAndGet();
          mostAtOnce.accumulateAndGet(now, Math::max);
          try {
            Thread.sleep(300);
          } finally {
            running.decrementAndGet();
          }
          return "job " + clicks + " on " + Thread.currentThread().getName();
        },
        options -> options.background(true));
    return app;
  }

  @Test
  void aSaturatedPoolQueuesJobsAndRunsThemOneByOne() throws Exception {
    var started = new ArrayList<String[]>();
    for (int clicks = 1; clicks <= 3; clicks++) {
      // each from its own page load: two pages' runs of one callback are separate jobs
      String token = BackgroundProtocolIT.pageToken(server);
      var body = BackgroundProtocolIT.click("go", "result", clicks);
      var first = BackgroundProtocolIT.send(server, "", token, body);
      assertThat(first.statusCode()).isEqualTo(200);
      var handles = new JsonObject(first.body());
      started.add(
          new String[] {
            token, handles.getString("cacheKey"), handles.getString("job"), body.encode()
          });
    }
    List<String> results = new ArrayList<>();
    for (String[] job : started) {
      var end =
          BackgroundProtocolIT.pollToEnd(
              server,
              job[0],
              new JsonObject().put("cacheKey", job[1]).put("job", job[2]),
              new JsonObject(job[3]));
      assertThat(end.statusCode()).isEqualTo(200);
      results.add(
          new JsonObject(end.body())
              .getJsonObject("response")
              .getJsonObject("result")
              .getString("children"));
    }
    // every page got the result of its own click, all three ran, never two at once
    assertThat(results.get(0)).startsWith("job 1 on ");
    assertThat(results.get(1)).startsWith("job 2 on ");
    assertThat(results.get(2)).startsWith("job 3 on ");
    assertThat(mostAtOnce).hasValue(1);
    // a pool of one thread ran them all
    assertThat(results.stream().map(r -> r.substring(r.indexOf(" on "))))
        .containsOnly(results.get(0).substring(results.get(0).indexOf(" on ")));
  }
}
