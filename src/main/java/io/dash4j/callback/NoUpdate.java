package io.dash4j.callback;

/**
 * Dash's {@code no_update}: returned for an output (or inside a multi-output list) it leaves that
 * prop as it is. It fits outputs typed {@code Object}; an output of any type says it with {@code
 * Update.noUpdate()} once declared {@link Output#orNoUpdate()}.
 */
public enum NoUpdate {
  /** Leave this output unchanged. */
  NO_UPDATE
}
