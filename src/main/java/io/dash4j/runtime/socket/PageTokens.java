package io.dash4j.runtime.socket;

/**
 * The tokens that bind a page load to what the server keeps for it: every index response carries a
 * fresh one, the page sends it with its background requests and on its socket's registration, and
 * the server trusts a page id only from a token it signed.
 */
public interface PageTokens {
  /** A fresh token for one index response. */
  String mint();

  /** The page id inside {@code token}, or null when the token is missing, malformed or forged. */
  String pageIdOf(String token);
}
