package io.dash4j.broadcast;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dash4j.Dash;
import io.dash4j.pages.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Topics are declared by the app, once, under a name an address can carry. */
class TopicDeclarationTest {
  @Test
  void aNameDeclaredTwiceIsRefused() {
    var app = Dash.create();
    app.topic("prices");
    assertThatThrownBy(() -> app.topic("prices"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prices is declared twice");
  }

  @Test
  void malformedNamesAreRefused() {
    var app = Dash.create();
    for (String name : new String[] {"", "a b", ".hidden", "x/y", "*", "a".repeat(101)}) {
      assertThatThrownBy(() -> app.topic(name)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> app.topic(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTopicOfAnotherAppCannotBeSubscribedTo() {
    var app = Dash.create();
    var foreign = Dash.create().topic("prices");
    app.topic("prices");
    assertThatThrownBy(() -> app.subscribe(foreign))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not declared by this app");
    assertThatThrownBy(() -> app.registerPage(Page.at("/p").subscribe(foreign)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void publishingBeforeTheAppRunsIsFineButBadInputIsRefusedAtOnce() {
    var topic = Dash.create().topic("ticks");
    assertThatCode(() -> topic.publish("clock", "children", "now")).doesNotThrowAnyException();
    assertThatCode(() -> topic.publish(Map.of("type", "dot", "index", 1), Map.of("x", 1)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> topic.publish("", Map.of("x", 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> topic.publish("clock", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> topic.publish("clock", "children", new Object()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
