// dash4j: tells the socket door's SharedWorker when this page goes away. The renderer says so only when the app
// unmounts, never when its tab closes, so with other tabs of the app open the worker (and the server) would never
// learn that this page's calls should stop. The renderer itself is not touched: this only watches the worker it
// creates, notes its renderer id from its first message, and says "disconnect" for it when the page is hidden for
// good. A page restored from the back/forward cache reloads, since its socket calls were stopped.
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
    port.postMessage = function (message, transfer) {
      if (message && message.type === 'connect') {
        rendererId = message.rendererId;
      }
      return transfer === undefined ? post(message) : post(message, transfer);
    };
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
})();
