// dash4j: tells the socket door's SharedWorker when this page goes away. The renderer says so only when the app
// unmounts, never when its tab closes, so with other tabs of the app open the worker (and the server) would never
// learn that this page's calls should stop. The renderer itself is not touched: this only watches the worker it
// creates, notes its renderer id from its first message, and says "disconnect" for it when the page is hidden for
// good. A page restored from the back/forward cache reloads, since its socket calls were stopped.
// With background callbacks it also hands the worker this page load's token (the data-page attribute of the jobs
// script), which the worker presents when it registers the page, and notes the renderer id once the socket holds it
// (window.__dash4jRenderer), so background requests can name the socket their job's news is pushed to.
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
        var jobs = document.querySelector('script[data-page]');
        if (jobs) {
          message = Object.assign({}, message,
            {payload: Object.assign({}, message.payload, {pageToken: jobs.getAttribute('data-page')})});
        }
      }
      return transfer === undefined ? post(message) : post(message, transfer);
    };
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
})();
