// dash4j: binds this page load to its background jobs. The server minted a page token into this script's data-page
// attribute; every callback request of this page carries it as the X-Dash4j-Page header, so the job and cache handles
// the server hands out work only for the page that started the job. The renderer is not touched: it calls the global
// fetch for _dash-update-component (its config.fetch cannot carry headers), and this wraps that fetch. Once the page's
// socket holds (ws-page.js notes its renderer id), requests also name it in X-Dash4j-Renderer: a job's progress,
// setProps and result are then pushed there as they happen, and polls only end the job.
(function () {
  var script = document.currentScript;
  var token = script && script.getAttribute('data-page');
  var nativeFetch = window.fetch;
  if (!token || !nativeFetch) {
    return;
  }
  window.fetch = function (input, init) {
    var url = typeof input === 'string' ? input : (input && input.url) || '';
    if (url.split('?')[0].slice(-'_dash-update-component'.length) === '_dash-update-component') {
      var options = Object.assign({}, init || {});
      var headers = new Headers(options.headers || (typeof input !== 'string' && input.headers) || {});
      headers.set('X-Dash4j-Page', token);
      if (window.__dash4jRenderer) {
        headers.set('X-Dash4j-Renderer', window.__dash4jRenderer);
      }
      options.headers = headers;
      return nativeFetch.call(this, input, options);
    }
    return nativeFetch.apply(this, arguments);
  };
})();
