// A node:vm context that looks enough like a browser page running dash-renderer for a component bundle to load:
// window/self/globalThis, a small DOM, React, ReactDOM, the recording PropTypes and window.dash_component_api.
// Bundles only define their components while loading (they render nothing), so the stubs need to survive module
// initialisation, not rendering: style-loader inserting <style> tags, webpack reading document.currentScript for
// its public path, feature detection. Timers never fire, so nothing runs after the scripts return and the run is
// deterministic.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

const require = createRequire(import.meta.url);

// Evaluated INSIDE the context (via its source text), so that every object the bundles see - elements, arrays,
// errors - belongs to the page's realm, as in a browser.
function installBrowserStubs(g, { location, userAgent }) {
  const noop = () => {};
  let timerIds = 0;
  const nextTimerId = () => ++timerIds;

  class EventTargetStub {
    addEventListener() {}
    removeEventListener() {}
    dispatchEvent() { return true; }
  }

  class NodeStub extends EventTargetStub {
    constructor(nodeName) {
      super();
      this.nodeName = nodeName;
      this.childNodes = [];
      this.parentNode = null;
      this.textContent = '';
    }
    get firstChild() { return this.childNodes[0] || null; }
    get lastChild() { return this.childNodes[this.childNodes.length - 1] || null; }
    get nextSibling() {
      const siblings = this.parentNode ? this.parentNode.childNodes : [];
      return siblings[siblings.indexOf(this) + 1] || null;
    }
    appendChild(child) { return this.insertBefore(child, null); }
    insertBefore(child, before) {
      if (child.parentNode) child.parentNode.removeChild(child);
      const at = before ? this.childNodes.indexOf(before) : -1;
      if (at < 0) this.childNodes.push(child); else this.childNodes.splice(at, 0, child);
      child.parentNode = this;
      return child;
    }
    removeChild(child) {
      const at = this.childNodes.indexOf(child);
      if (at >= 0) this.childNodes.splice(at, 1);
      child.parentNode = null;
      return child;
    }
    remove() { if (this.parentNode) this.parentNode.removeChild(this); }
    contains(other) { return other === this || this.childNodes.some((c) => c.contains && c.contains(other)); }
    cloneNode() { return new this.constructor(this.nodeName); }
  }

  class ElementStub extends NodeStub {
    constructor(tagName) {
      super(String(tagName).toUpperCase());
      this.tagName = this.nodeName;
      this.nodeType = 1;
      this.attributes = {};
      this.style = {};
      this.dataset = {};
      this.className = '';
      this.innerHTML = '';
      this.classList = { add: noop, remove: noop, toggle: noop, contains: () => false };
      // style-loader writes CSS into <style>.styleSheet / sheet on old browsers; give it something inert
      this.sheet = { cssRules: [], insertRule: () => 0, deleteRule: noop };
    }
    get children() { return this.childNodes.filter((c) => c.nodeType === 1); }
    setAttribute(name, value) { this.attributes[name] = String(value); }
    getAttribute(name) { return Object.prototype.hasOwnProperty.call(this.attributes, name) ? this.attributes[name] : null; }
    hasAttribute(name) { return Object.prototype.hasOwnProperty.call(this.attributes, name); }
    removeAttribute(name) { delete this.attributes[name]; }
    getElementsByTagName() { return []; }
    getElementsByClassName() { return []; }
    querySelector() { return null; }
    querySelectorAll() { return []; }
    getBoundingClientRect() { return { x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0 }; }
    getClientRects() { return []; }
    focus() {}
    blur() {}
    click() {}
  }

  class TextStub extends NodeStub {
    constructor(text) {
      super('#text');
      this.nodeType = 3;
      this.textContent = this.data = this.nodeValue = String(text);
    }
  }

  class DocumentStub extends NodeStub {
    constructor() {
      super('#document');
      this.nodeType = 9;
      this.documentElement = this.appendChild(new ElementStub('html'));
      this.head = this.documentElement.appendChild(new ElementStub('head'));
      this.body = this.documentElement.appendChild(new ElementStub('body'));
      this.currentScript = null;
      this.readyState = 'complete';
      this.cookie = '';
      this.title = '';
      this.visibilityState = 'visible';
      this.hidden = false;
      this.location = g.location;
    }
    createElement(tag) { return new ElementStub(tag); }
    createElementNS(_ns, tag) { return new ElementStub(tag); }
    createTextNode(text) { return new TextStub(text); }
    createComment(text) { return new TextStub(text); }
    createDocumentFragment() { return new ElementStub('#fragment'); }
    createEvent() { return { initEvent: noop, initCustomEvent: noop }; }
    createRange() {
      return { setStart: noop, setEnd: noop, selectNodeContents: noop, getBoundingClientRect: () => ({}) };
    }
    getElementById() { return null; }
    getElementsByTagName(tag) {
      const name = String(tag).toUpperCase();
      return [this.documentElement, this.head, this.body].filter((e) => e.tagName === name);
    }
    getElementsByClassName() { return []; }
    querySelector(selector) { return selector === 'head' ? this.head : selector === 'body' ? this.body : null; }
    querySelectorAll() { return []; }
    hasFocus() { return false; }
  }

  g.window = g;
  g.self = g;
  g.top = g;
  g.parent = g;
  g.location = { ...location, assign: noop, replace: noop, reload: noop, toString: () => location.href };
  g.document = new DocumentStub();
  g.navigator = { userAgent, language: 'en-US', languages: ['en-US'], platform: 'Linux x86_64', onLine: true,
    clipboard: { writeText: () => Promise.resolve(), readText: () => Promise.resolve('') } };
  g.history = { length: 1, state: null, pushState: noop, replaceState: noop, back: noop, forward: noop, go: noop };
  g.screen = { width: 1280, height: 800, availWidth: 1280, availHeight: 800 };
  g.innerWidth = 1280;
  g.innerHeight = 800;
  g.devicePixelRatio = 1;
  g.addEventListener = noop;
  g.removeEventListener = noop;
  g.dispatchEvent = () => true;
  g.setTimeout = nextTimerId;
  g.setInterval = nextTimerId;
  g.setImmediate = nextTimerId;
  g.clearTimeout = noop;
  g.clearInterval = noop;
  g.clearImmediate = noop;
  g.requestAnimationFrame = nextTimerId;
  g.cancelAnimationFrame = noop;
  g.requestIdleCallback = nextTimerId;
  g.cancelIdleCallback = noop;
  g.queueMicrotask = noop;
  g.getComputedStyle = () => ({ getPropertyValue: () => '' });
  g.matchMedia = (query) => ({ matches: false, media: query, addListener: noop, removeListener: noop,
    addEventListener: noop, removeEventListener: noop });
  g.scrollTo = noop;
  g.alert = noop;
  g.confirm = () => false;
  g.open = () => null;
  g.fetch = () => new Promise(noop); // never settles: nothing may depend on the network while loading
  const storage = () => {
    const data = new Map();
    return { getItem: (k) => (data.has(k) ? data.get(k) : null), setItem: (k, v) => data.set(k, String(v)),
      removeItem: (k) => data.delete(k), clear: () => data.clear(), key: () => null, get length() { return data.size; } };
  };
  g.localStorage = storage();
  g.sessionStorage = storage();
  const inertClass = (name) => ({ [name]: class { constructor() {} observe() {} unobserve() {} disconnect() {}
    takeRecords() { return []; } } })[name];
  g.MutationObserver = inertClass('MutationObserver');
  g.ResizeObserver = inertClass('ResizeObserver');
  g.IntersectionObserver = inertClass('IntersectionObserver');
  g.Worker = inertClass('Worker');
  g.XMLHttpRequest = class XMLHttpRequest { open() {} send() {} setRequestHeader() {} abort() {}
    addEventListener() {} };
  g.WebSocket = class WebSocket { send() {} close() {} addEventListener() {} };
  g.EventTarget = EventTargetStub;
  g.Node = NodeStub;
  g.Element = g.HTMLElement = ElementStub;
  // Distinct classes, so `x instanceof HTMLIFrameElement` (style-loader) is false for the <head> we hand out.
  for (const name of ['SVGElement', 'HTMLAnchorElement', 'HTMLButtonElement', 'HTMLCanvasElement', 'HTMLDivElement',
    'HTMLFormElement', 'HTMLIFrameElement', 'HTMLImageElement', 'HTMLInputElement', 'HTMLLinkElement',
    'HTMLScriptElement', 'HTMLSelectElement', 'HTMLStyleElement', 'HTMLTextAreaElement', 'HTMLVideoElement']) {
    g[name] = { [name]: class extends ElementStub {} }[name];
  }
  g.Text = TextStub;
  g.Document = g.HTMLDocument = DocumentStub;
  g.Event = g.CustomEvent = class Event { constructor(type, init) { this.type = type; this.detail = init?.detail; } };
  g.Image = class Image extends ElementStub { constructor() { super('img'); } };
  g.Blob = class Blob { constructor(parts) { this.size = 0; this.parts = parts; } };
  g.File = class File extends g.Blob {};
  g.FileReader = class FileReader { readAsDataURL() {} readAsText() {} addEventListener() {} };
  g.FormData = class FormData { append() {} };
  g.CSS = { supports: () => false, escape: (s) => String(s) };
  g.performance = { now: () => 0, mark: noop, measure: noop, getEntriesByName: () => [] };
  g.crypto = { getRandomValues: (a) => a, randomUUID: () => '00000000-0000-4000-8000-000000000000' };
  g.dash_clientside = {};
}

// Also evaluated inside the context. Bundles that inline their own copy of prop-types (instead of using the
// window.PropTypes external) get validators we cannot read. Every prop-types build, development or production
// shim, ends its factory with `ReactPropTypes.PropTypes = ReactPropTypes`: an assignment to a property the object
// does not have yet, so a setter on Object.prototype sees it. There the copy is overwritten with the recorder's
// validators before the factory returns it, and the components built from it record like the others. (Side
// effect, harmless for loading: `'PropTypes' in anyObject` is true on this page.)
function propTypesTrap(recorder) {
  const looksLikePropTypes = (v) => v && typeof v === 'object'
    && ['arrayOf', 'oneOf', 'oneOfType', 'shape', 'checkPropTypes'].every((k) => k in v);
  Object.defineProperty(Object.prototype, 'PropTypes', {
    configurable: true,
    get() { return undefined; },
    set(value) {
      if (value === this && looksLikePropTypes(value)) {
        for (const key of Object.keys(recorder)) value[key] = recorder[key];
      }
      Object.defineProperty(this, 'PropTypes', { value, writable: true, configurable: true, enumerable: true });
    },
  });
}

// What dash-renderer 3.4.1 puts on window.dash_component_api (build/dash_renderer.dev.js, src/dashApi.ts):
// ExternalWrapper, DashContext, useDashContext, getLayout, stringifyId and devtool. Components reach for it while
// loading only to keep references; harmless values do.
function installDashComponentApi(g) {
  const React = g.React;
  const context = React && React.createContext ? React.createContext({}) : {};
  const dashContext = {
    componentPath: [],
    isLoading: () => false,
    useLoading: () => false,
    useSelector: () => undefined,
    useStore: () => ({ getState: () => ({}) }),
    useDispatch: () => () => {},
  };
  g.dash_component_api = Object.assign(g.dash_component_api || {}, {
    ExternalWrapper: () => null,
    DashContext: context,
    useDashContext: () => dashContext,
    getLayout: () => undefined,
    stringifyId: (id) => (id && typeof id === 'object' ? JSON.stringify(id) : String(id)),
    devtool: {
      DevtoolContext: React && React.createContext ? React.createContext({}) : {},
      useDevtool: () => ({}),
      useDevtoolMenuButtonClassName: () => '',
    },
  });
}

function reactDomStub(g) {
  const noop = () => {};
  g.ReactDOM = {
    version: g.React && g.React.version,
    createPortal: () => null,
    findDOMNode: () => null,
    flushSync: (fn) => (fn ? fn() : undefined),
    render: noop,
    hydrate: noop,
    unmountComponentAtNode: () => false,
    unstable_batchedUpdates: (fn, a) => fn(a),
    createRoot: () => ({ render: noop, unmount: noop }),
    hydrateRoot: () => ({ render: noop, unmount: noop }),
  };
}

function reactStub(g) {
  const component = function Component() {};
  const identity = (x) => x;
  g.React = {
    version: '18.3.1',
    Component: component,
    PureComponent: component,
    Fragment: 'Fragment',
    Suspense: 'Suspense',
    StrictMode: 'StrictMode',
    createElement: () => null,
    cloneElement: () => null,
    isValidElement: () => false,
    createContext: (value) => ({ Provider: 'Provider', Consumer: 'Consumer', _currentValue: value }),
    createRef: () => ({ current: null }),
    forwardRef: (render) => ({ $$typeof: Symbol.for('react.forward_ref'), render }),
    memo: (type) => ({ $$typeof: Symbol.for('react.memo'), type }),
    lazy: (load) => ({ $$typeof: Symbol.for('react.lazy'), load }),
    Children: { map: () => [], forEach: () => {}, count: () => 0, toArray: () => [], only: identity },
    useState: (v) => [v, () => {}], useEffect: () => {}, useLayoutEffect: () => {}, useMemo: (f) => f(),
    useCallback: identity, useRef: (v) => ({ current: v }), useContext: (c) => c && c._currentValue,
    useReducer: (r, s) => [s, () => {}], useId: () => 'id', useImperativeHandle: () => {},
    useTransition: () => [false, (f) => f()], useDeferredValue: identity, useSyncExternalStore: (s, g2) => g2(),
  };
}

/**
 * A fresh page: `run(code, url)` evaluates a script as if loaded from `url` (document.currentScript.src), and
 * `global` is the page's window.
 * @param {{recorder: object, href?: string, warn?: (msg: string) => void}} options
 */
export function createBrowserSandbox({ recorder, href = 'http://localhost:8050/', warn = () => {} }) {
  // Web APIs that are Node globals rather than ECMAScript built-ins: a vm context lacks them unless given.
  const context = vm.createContext({ console: quietConsole(), URL, URLSearchParams, TextEncoder, TextDecoder,
    AbortController, atob, btoa, structuredClone });
  const run = (code, filename) => vm.runInContext(code, context, { filename });
  const userAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

  const url = new URL(href);
  const location = { href: url.href, origin: url.origin, protocol: url.protocol, host: url.host,
    hostname: url.hostname, port: url.port, pathname: url.pathname, search: url.search, hash: url.hash };
  run(`(${installBrowserStubs})(globalThis, ${JSON.stringify({ location, userAgent })});`, 'dash4j:browser-stubs');
  run(`(${propTypesTrap})`, 'dash4j:proptypes-trap')(recorder);
  context.PropTypes = recorder;
  try {
    // The real React, so bundles calling React.createContext/memo/forwardRef/lazy at load time get real objects.
    // react's package.json "exports" hides umd/ from require.resolve; find the package, then the file
    const umd = join(dirname(require.resolve('react/package.json')), 'umd', 'react.development.js');
    run(readFileSync(umd, 'utf8'), umd);
    if (!context.React || !context.React.createElement) throw new Error('the UMD did not define window.React');
  } catch (error) {
    warn(`React UMD could not load (${error.message}); using a stub`);
    run(`(${reactStub})(globalThis)`, 'dash4j:react-stub');
  }
  run(`(${reactDomStub})(globalThis)`, 'dash4j:react-dom-stub');
  run(`(${installDashComponentApi})(globalThis)`, 'dash4j:dash-component-api');

  return {
    global: context,
    /** Evaluates a script of the page; `src` (resolved against the page) is document.currentScript.src meanwhile. */
    runScript(code, src, filename = src) {
      src = new URL(src, href).href;
      context.document.currentScript = run(
        `(function (src) { const s = document.createElement('script'); s.src = src; s.setAttribute('src', src);
          return s; })`, 'dash4j:current-script')(src);
      try {
        return run(code, filename);
      } finally {
        context.document.currentScript = null;
      }
    },
  };
}

/** Bundles log warnings while loading (React's dev checks, deprecations): not our output. */
function quietConsole() {
  const noop = () => {};
  return { log: noop, info: noop, warn: noop, error: noop, debug: noop, trace: noop, group: noop,
    groupCollapsed: noop, groupEnd: noop, time: noop, timeEnd: noop, table: noop, assert: noop };
}
