package io.dash4j.scenarios.background;

import io.dash4j.testing.Browser;
import java.util.List;

/**
 * Waits for texts a background job shows only briefly, such as one progress step, which polling the
 * DOM every 100 ms can miss on a busy machine: {@link Browser#recordTexts} sees every change in the
 * page itself, and these waits read that record. Start recording before the action whose texts a
 * test waits for; a new recording forgets the texts of the previous one.
 */
final class Shown {
  private Shown() {}

  /**
   * Waits until element {@code id} has shown {@code text} since recording began (dash: {@code
   * wait_for_text_to_equal} on a text that may be gone again by the next look).
   */
  static void waitFor(Browser browser, String id, String text) {
    try {
      browser.waitUntil(
          "#" + id + " to show \"" + text + "\"", () -> browser.recordedTexts(id).contains(text));
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage() + "; it showed " + browser.recordedTexts(id), e.getCause());
    }
  }

  /** The texts element {@code id} showed since recording began, in order. */
  static List<String> texts(Browser browser, String id) {
    return browser.recordedTexts(id);
  }
}
