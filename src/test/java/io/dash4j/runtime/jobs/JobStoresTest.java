package io.dash4j.runtime.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Html;
import io.dash4j.model.ModelAccess;
import org.junit.jupiter.api.Test;

/**
 * The default namespace of an app's jobs: shared by the processes of one app, never by two apps on
 * one Redis, even with the same title.
 */
class JobStoresTest {
  private static DashApp app(String output) {
    var app = Dash.create(config -> config.title("Sales report"));
    app.callback(
        Output.of(output, Html.Div.CHILDREN),
        Input.of("run", Html.Button.N_CLICKS),
        n -> "done",
        o -> o.background(true));
    return app;
  }

  private static String namespace(DashApp app) {
    return JobStores.defaultNamespace(app.config(), ModelAccess.of(app));
  }

  @Test
  void theProcessesOfOneAppShareANamespaceAndAnotherAppGetsItsOwn() {
    assertThat(namespace(app("result"))).isEqualTo(namespace(app("result")));
    assertThat(namespace(app("result"))).isNotEqualTo(namespace(app("other")));
    assertThat(namespace(app("result"))).startsWith("Sales-report-").matches("[A-Za-z0-9._-]+");
  }
}
