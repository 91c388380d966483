'use strict';
// dash4j's SharedWorker for the socket door. The stock Dash renderer talks to it with the page<->worker messages of
// Dash's websocket protocol (the page⇄worker messages of dash-renderer's websocket support); it talks to Vert.x's SockJS event-bus bridge. One socket
// serves every tab of the app in this browser. SockJS picks WebSocket first and falls back to HTTP streaming or
// polling where WebSocket is blocked.
//
// Bridge frames used: register/unregister dash4j.renderer.<rendererId> (pushes and get_props requests for a tab;
// the register frame carries the page's token when it has one, and the path it shows, dash4j-path);
// send to dash4j.page.path with dash4j-renderer and dash4j-path headers when a page moves to another path (the
// server re-subscribes it to that path's broadcast topics);
// send to dash4j.callback.<output> with a replyAddress (a callback request); send to a received replyAddress (a
// get_props answer, or a job push's acknowledgement); ping. The server's bodies arrive as JSON text.

var params = new URL(self.location.href).searchParams;
importScripts(params.get('sockjs'));

var HEARTBEAT_MS = Number(params.get('heartbeat')) || 30000;
var MAX_RETRIES = 10;
var FIRST_RETRY_MS = 1000;
var MAX_RETRY_MS = 30000;
var RENDERER = 'dash4j.renderer.';

// rendererId -> {port, registered, connected, pageToken, path, waiting}: registered once its register frame is sent,
// connected once the server confirms it; waiting holds the tab's frames until then
var tabs = new Map();
var calls = new Map();   // reply address -> {rendererId, requestId}: callback requests awaiting their answer
var sock = null;
var open = false;
var serverUrl = null;
var inactivityTimeout = 300000;
var lastActivity = Date.now();
var lastPing = Date.now();
var retries = 0;
var retryTimer = null;
var ticker = null;
var closeFrame = null;   // the code and reason the server announced before it closed
var idleClosed = false;  // the last close was for inactivity: reopen on demand
var closedByUs = false;  // this worker closed the socket itself (inactivity, no pages left): not retried
var me = Math.random().toString(36).slice(2, 10);
var seq = 0;

function toTab(rendererId, message) {
  var tab = tabs.get(rendererId);
  if (tab) {
    tab.port.postMessage(message);
  }
}

function everyTab(message) {
  tabs.forEach(function (tab) { tab.port.postMessage(message); });
}

function activity() {
  lastActivity = Date.now();
}

// A tab's frames go out once the server has confirmed its registration: the door admits a frame only for a page its
// socket holds, and in a cluster the claim completes after frames sent right behind the register frame are judged.
// A frame refused that way would come back as an error naming no call. Until then the frames wait with their tab (a
// socket that closes drops them: the tab hears "disconnected" and settles its calls).
function sendFor(tab, frame) {
  if (open && tab.connected) {
    sock.send(JSON.stringify(frame));
  } else {
    tab.waiting.push(frame);
    connect();
  }
}

function register(rendererId) {
  var tab = tabs.get(rendererId);
  if (open && tab && !tab.registered) {
    tab.registered = true;
    var frame = {type: 'register', address: RENDERER + rendererId, headers: {}};
    if (tab.pageToken) {
      frame.headers['dash4j-page'] = tab.pageToken; // binds the page load: its jobs push here
    }
    if (tab.path) {
      frame.headers['dash4j-path'] = tab.path; // the server subscribes the page to this path's topics
    }
    sock.send(JSON.stringify(frame));
  }
}

function connect() {
  if (sock || !serverUrl) {
    return;
  }
  clearTimeout(retryTimer);
  retryTimer = null;
  idleClosed = false;
  sock = new SockJS(serverUrl);
  sock.onopen = onOpen;
  sock.onmessage = function (event) { onFrame(JSON.parse(event.data)); };
  sock.onclose = onClose;
}

function onOpen() {
  open = true;
  retries = 0;
  activity();
  lastPing = Date.now();
  tabs.forEach(function (tab, rendererId) { register(rendererId); });
  ticker = setInterval(tick, Math.min(1000, HEARTBEAT_MS));
}

// Pings the bridge (it closes sockets silent for too long) and closes an idle socket. A callback awaiting its
// answer counts as activity, so a long callback is never cut off by the inactivity timeout.
function tick() {
  var now = Date.now();
  if (inactivityTimeout > 0 && calls.size === 0 && now - lastActivity >= inactivityTimeout) {
    idleClosed = true;
    closedByUs = true;
    sock.close(4001, 'Inactivity timeout');
    return;
  }
  if (now - lastPing >= HEARTBEAT_MS) {
    lastPing = now;
    sock.send('{"type":"ping"}');
  }
}

function onClose(event) {
  var code = closeFrame ? closeFrame.code : event.code;
  var reason = closeFrame ? closeFrame.reason : event.reason;
  var idle = idleClosed;
  var ours = closedByUs;
  closedByUs = false;
  closeFrame = null;
  open = false;
  sock = null;
  clearInterval(ticker);
  calls.clear();
  tabs.forEach(function (tab) { tab.registered = false; tab.connected = false; tab.waiting = []; });
  // Each tab settles its pending socket callbacks as prevent_update, and restarts its persistent callbacks once it
  // hears "connected" again.
  everyTab({type: 'disconnected', rendererId: '', payload: {reason: reason || ('closed (' + code + ')')}});
  // Not retried: a close this worker made (inactivity, no pages left), and a refusal with 4001 by a hook. Any other
  // close is, 1000 included: a Vert.x server that stops or restarts closes its WebSockets cleanly with 1000.
  if (ours) {
    if (!idle && tabs.size > 0) {
      connect(); // a page came (a reload) while the socket we closed for want of pages was closing
    }
  } else if (code !== 4001 && tabs.size > 0 && retries < MAX_RETRIES) {
    var delay = Math.min(FIRST_RETRY_MS * Math.pow(2, retries++) + Math.random() * 1000, MAX_RETRY_MS);
    retryTimer = setTimeout(connect, delay);
  }
}

function parse(body) {
  return typeof body === 'string' ? JSON.parse(body) : body;
}

function onFrame(frame) {
  if (frame.type === 'close') {
    closeFrame = {code: frame.code, reason: frame.reason};
  } else if (frame.type === 'rec' && calls.has(frame.address)) {
    activity();
    answer(frame.address, parse(frame.body));
  } else if (frame.type === 'rec' && frame.address.indexOf(RENDERER) === 0) {
    activity();
    fromServer(frame.address.substring(RENDERER.length), parse(frame.body), frame.replyAddress);
  } else if (frame.type === 'err' && calls.has(frame.address)) {
    answer(frame.address, {status: frame.failureCode || 500, message: frame.message || 'Callback failed'});
  } else if (frame.type === 'err' && frame.address) {
    // the late failure of a call already settled: the door answered it when its node left the cluster
  } else if (frame.type === 'err') {
    everyTab({type: 'error', rendererId: '', payload: {message: frame.body || frame.message, code: frame.failureCode}});
  }
}

function answer(replyAddress, reply) {
  var call = calls.get(replyAddress);
  calls.delete(replyAddress);
  var payload = reply.status === 200 ? {status: 'ok', data: reply.body}
      : reply.status === 204 ? {status: 'prevent_update'}
      : {status: 'error', message: reply.message || ('Callback failed (' + reply.status + ')')};
  toTab(call.rendererId, {type: 'callback_response', rendererId: call.rendererId, requestId: call.requestId,
    payload: payload});
}

function fromServer(rendererId, message, replyAddress) {
  if (message.type === 'registered') {
    var tab = tabs.get(rendererId);
    if (tab) {
      tab.connected = true;
      var frames = tab.waiting;
      tab.waiting = [];
      frames.forEach(function (frame) { sock.send(JSON.stringify(frame)); });
      toTab(rendererId, {type: 'connected', rendererId: rendererId});
    }
  } else if (message.job && replyAddress) {
    // a background job's news: acknowledged once handed to the tab; a tab that is gone says no, and the job's polls
    // deliver it instead
    var there = tabs.has(rendererId);
    toTab(rendererId, {type: message.type, rendererId: rendererId, payload: message.payload});
    if (open) {
      sock.send(JSON.stringify({type: 'send', address: replyAddress, body: {ok: there}}));
    }
  } else if (message.type === 'set_props' || message.type === 'set_props_batch') {
    var push = {type: message.type, rendererId: rendererId, payload: message.payload};
    if (message.replay) {
      push.replay = true; // a topic's latest values: the page holds them until their components are there
    }
    toTab(rendererId, push);
  } else if (message.type === 'get_props_request') {
    toTab(rendererId, {type: 'get_props_request', rendererId: rendererId, requestId: replyAddress,
      payload: message.payload});
  }
}

function forget(rendererId) {
  if (!tabs.delete(rendererId)) {
    return;
  }
  if (open) {
    sock.send(JSON.stringify({type: 'unregister', address: RENDERER + rendererId}));
  }
  if (tabs.size === 0 && sock) {
    closedByUs = true;
    sock.close(1000, 'No pages left');
  }
}

self.onconnect = function (event) {
  var port = event.ports[0];
  port.onmessage = function (e) {
    var m = e.data;
    if (m.type === 'connect') {
      tabs.set(m.rendererId, {port: port, registered: false, connected: false, pageToken: m.payload.pageToken,
        path: m.payload.path, waiting: []});
      serverUrl = m.payload.serverUrl.replace(/^ws/, 'http'); // SockJS wants the http(s) URL
      if (typeof m.payload.inactivityTimeout === 'number') {
        inactivityTimeout = m.payload.inactivityTimeout;
      }
      if (open) {
        register(m.rendererId);
      } else {
        connect();
      }
    } else if (m.type === 'callback_request') {
      var caller = tabs.get(m.rendererId);
      if (!caller) {
        return; // posted as its page went away (an interval's last tick): no one would read the answer
      }
      activity();
      var replyAddress = 'r.' + me + '.' + (++seq); // the bridge refuses reply addresses over 36 characters
      calls.set(replyAddress, {rendererId: m.rendererId, requestId: m.requestId});
      sendFor(caller, {type: 'send', address: 'dash4j.callback.' + m.payload.output, body: m.payload,
        headers: {'dash4j-renderer': m.rendererId}, replyAddress: replyAddress});
    } else if (m.type === 'get_props_response') {
      activity();
      if (open) {
        sock.send(JSON.stringify({type: 'send', address: m.requestId, body: m.payload}));
      }
    } else if (m.type === 'dash4j_path') {
      var tab = tabs.get(m.rendererId);
      if (tab) {
        tab.path = m.payload.path; // a registration still to come carries it
        if (tab.registered) {
          sendFor(tab, {type: 'send', address: 'dash4j.page.path', body: {},
            headers: {'dash4j-renderer': m.rendererId, 'dash4j-path': tab.path}});
        }
      }
    } else if (m.type === 'disconnect') {
      forget(m.rendererId);
    } else if (m.type === 'tab_visible') {
      activity();
      if (idleClosed) {
        connect();
      }
    }
  };
  port.start();
};
