// A stand-in for the `prop-types` package that records what a component declares instead of validating it.
// Component bundles build their `propTypes` from `window.PropTypes` (or from a copy of prop-types they inlined, see
// browser-sandbox.mjs); when they get this recorder, every validator they create is a function that carries a
// description of itself, in the format of Dash's metadata.json (react-docgen's): {name: 'string'},
// {name: 'enum', value: [...]}, {name: 'arrayOf', value: <type>}, {name: 'shape', value: {field: <type>}} ...
//
// Validators stay callable and always pass: code that composes validators by calling them (custom validators
// wrapping PropTypes.string, say) keeps working while the bundle loads.

// descriptor of every validator this module made; a WeakMap, so it works across vm realms
const described = new WeakMap();

/** A JSON-safe copy of a value from the sandbox (enum members, mostly). */
function plain(value) {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value;
  if (value === undefined) return null;
  try {
    return JSON.parse(JSON.stringify(value)) ?? null;
  } catch {
    return String(value);
  }
}

function validator(descriptor) {
  const check = () => null; // "valid": the recorder never rejects anything
  described.set(check, descriptor);
  const required = () => null;
  described.set(required, { ...descriptor, required: true });
  check.isRequired = required;
  return check;
}

/**
 * The type a validator stands for. Validators this recorder did not make are hand-written functions: react-docgen
 * calls those 'custom'. In a shape's fields `required` is kept (Dash shows it per field); elsewhere it belongs to
 * the prop, not the type, and is dropped.
 */
export function describe(checker, { keepRequired = false } = {}) {
  const descriptor = described.get(checker);
  if (!descriptor) return typeof checker === 'function' ? { name: 'custom' } : { name: 'any' };
  const { required, ...type } = descriptor;
  return keepRequired ? { ...type, required: Boolean(required) } : type;
}

/** Whether a prop's validator was marked `.isRequired`. */
export function isRequired(checker) {
  return Boolean(described.get(checker)?.required);
}

function shapeOf(fields) {
  const value = {};
  for (const key of Object.keys(fields || {})) value[key] = describe(fields[key], { keepRequired: true });
  return value;
}

const PRIMITIVES = ['any', 'array', 'bigint', 'bool', 'func', 'number', 'object', 'string', 'symbol', 'node',
  'element', 'elementType'];

/** A fresh recording PropTypes object, shaped like the real package's export. */
export function createRecorder() {
  const pt = {};
  for (const name of PRIMITIVES) pt[name] = validator({ name });
  Object.assign(pt, {
    oneOf: (values) => validator({ name: 'enum', value: Array.from(values || [], plain) }),
    oneOfType: (types) => validator({ name: 'union', value: Array.from(types || [], (t) => describe(t)) }),
    arrayOf: (type) => validator({ name: 'arrayOf', value: describe(type) }),
    objectOf: (type) => validator({ name: 'objectOf', value: describe(type) }),
    shape: (fields) => validator({ name: 'shape', value: shapeOf(fields) }),
    exact: (fields) => validator({ name: 'exact', value: shapeOf(fields) }),
    instanceOf: (cls) => validator({ name: 'instanceOf', value: typeof cls?.name === 'string' ? cls.name : null }),
    checkPropTypes: () => {},
    resetWarningCache: () => {},
  });
  // defineProperty, not assignment: the sandbox traps assignments of `PropTypes` (see browser-sandbox.mjs)
  Object.defineProperty(pt, 'PropTypes', { value: pt, enumerable: false });
  return pt;
}
