package io.dash4j.websocket;

import java.util.Map;

/**
 * A message a page sent over its socket, as a message hook sees it.
 *
 * @param type {@code callback_request} or {@code get_props_response}, as in Dash's protocol
 * @param rendererId the page that sent it (checked by the door; null for a {@code
 *     get_props_response})
 * @param payload the message's body: the callback request as over HTTP, or the props the page read
 */
public record WebsocketMessage(String type, String rendererId, Map<String, Object> payload) {}
