// dash4j: tells the socket door's SharedWorker when this page goes away. The renderer says so only when the app
// unmounts, never when its tab closes, so with other tabs of the app open the worker (and the server) would never
// learn that this page's calls should stop. The renderer itself is not touched: this only watches the worker it
// creates, notes its renderer id from its first message, and says "disconnect" for it when the page is hidden for
// good. A page restored from the back/forward cache reloads, since its socket calls were stopped.
// With background callbacks it also hands the worker this page load's token (the data-page attribute of the jobs
// script), which the worker presents when it registers the page, and notes the renderer id once the socket holds it
// (window.__dash4jRenderer), so background requests can name the socket their job's news is pushed to.
// Broadcasts: it tells the worker the path the page shows (location.pathname) when it connects and whenever it
// changes (history.pushState/replaceState, as dcc.Location does, and popstate); the server subscribes the page to that
// path's topics. It never names a topic. A topic's replay (a set_props_batch marked "replay") may arrive before the
// renderer has the components it is for (the layout, or a page's content, is still loading): those values are held
// here and handed to the renderer as their components appear (for at most 30 s); a live value for a component still
// missing replaces the held one.
(function () {
  var NativeSharedWorker = window.SharedWorker;
  if (!NativeSharedWorker) {
    return;
  }
  window.SharedWorker = function (url, options) {
    var worker = new NativeSharedWorker(url, options);
    var port = worker.port;
    var post = port.postMessage.bind(port);
    var rendererId = null;
    var path = window.location.pathname;
    port.postMessage = function (message, transfer) {
      if (message && message.type === 'connect') {
        rendererId = message.rendererId;
        var jobs = document.querySelector('script[data-page]');
        var extra = {path: path};
        if (jobs) {
          extra.pageToken = jobs.getAttribute('data-page');
        }
        message = Object.assign({}, message, {payload: Object.assign({}, message.payload, extra)});
      }
      return transfer === undefined ? post(message) : post(message, transfer);
    };
    watchPath(function () {
      if (window.location.pathname !== path) {
        path = window.location.pathname;
        replays.clear(); // what was held was for the page shown before
        if (rendererId) {
          post({type: 'dash4j_path', rendererId: rendererId, payload: {path: path}});
        }
      }
    });
    var replays = holdReplays(port, function () { return rendererId; });
    port.addEventListener('message', function (event) {
      var m = event.data;
      if (m && m.type === 'connected' && m.rendererId === rendererId) {
        window.__dash4jRenderer = rendererId;
      } else if (m && m.type === 'disconnected') {
        window.__dash4jRenderer = null;
      }
    });
    window.addEventListener('pagehide', function () {
      if (rendererId) {
        post({type: 'disconnect', rendererId: rendererId});
      }
    });
    window.addEventListener('pageshow', function (event) {
      if (event.persisted) {
        window.location.reload();
      }
    });
    return worker;
  };
  window.SharedWorker.prototype = NativeSharedWorker.prototype;

  function watchPath(changed) {
    ['pushState', 'replaceState'].forEach(function (name) {
      var original = window.history[name];
      window.history[name] = function () {
        var result = original.apply(this, arguments);
        changed();
        return result;
      };
    });
    window.addEventListener('popstate', changed);
  }

  // Sits between the worker's port and the renderer's handler (port.onmessage, which the renderer sets).
  function holdReplays(port, rendererIdOf) {
    var APPENDS = ['extendData', 'prependData'];
    var HOLD_MS = 30000;
    var nativeOnMessage = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
    var deliver = null;
    var held = [];      // {componentId, props}: replayed values whose component is not in the layout yet
    var holdUntil = 0;
    var timer = null;

    function inLayout(componentId) {
      var api = window.dash_component_api;
      if (!api || !api.getLayout) {
        return false;
      }
      try {
        return api.getLayout(componentId.charAt(0) === '{' ? JSON.parse(componentId) : componentId) !== undefined;
      } catch (e) {
        return false;
      }
    }

    function hold(update) {
      var entry = held.find(function (h) { return h.componentId === update.componentId; });
      if (!entry) {
        entry = {componentId: update.componentId, props: {}};
        held.push(entry);
      }
      Object.keys(update.props).forEach(function (prop) {
        if (APPENDS.indexOf(prop) < 0) {
          entry.props[prop] = update.props[prop];
        }
      });
    }

    function release() {
      clearTimeout(timer);
      timer = null;
      var ready = [];
      var waiting = [];
      held.forEach(function (h) { (inLayout(h.componentId) ? ready : waiting).push(h); });
      held = Date.now() < holdUntil ? waiting : [];
      if (ready.length && deliver) {
        deliver.call(port, {data: {type: 'set_props_batch', rendererId: rendererIdOf(), payload: ready}});
      }
      if (held.length) {
        timer = setTimeout(release, 100);
      }
    }

    function receive(event) {
      var m = event.data;
      if (m && m.type === 'set_props_batch' && m.replay) {
        holdUntil = Date.now() + HOLD_MS;
        m.payload.forEach(hold);
        release();
        return;
      }
      if (m && (m.type === 'set_props' || m.type === 'set_props_batch') && Date.now() < holdUntil) {
        release(); // held values are older: they go first
        (m.type === 'set_props' ? [m.payload] : m.payload).forEach(function (update) {
          if (!inLayout(update.componentId)) {
            hold(update);
          }
        });
        if (held.length && !timer) {
          timer = setTimeout(release, 100);
        }
      }
      if (deliver) {
        deliver.call(port, event);
      }
    }

    Object.defineProperty(port, 'onmessage', {
      configurable: true,
      get: function () { return deliver; },
      set: function (handler) {
        deliver = handler;
        nativeOnMessage.set.call(port, handler ? receive : null);
      }
    });
    return {clear: function () { held = []; holdUntil = 0; }};
  }
})();
