// Java names for Dash names: classes, factories, setters, constants, enum constants. One place, so the generated
// API is predictable: n_clicks -> nClicks() / N_CLICKS, DatePickerRange -> datePickerRange(), "lines+markers" ->
// LINES_MARKERS.

const KEYWORDS = new Set(('abstract assert boolean break byte case catch char class const continue default do double '
  + 'else enum extends final finally float for goto if implements import instanceof int interface long native new '
  + 'package private protected public return short static strictfp super switch synchronized this throw throws '
  + 'transient try void volatile while true false null var yield record sealed permits _').split(' '));

// Simple names the generated code refers to: a nested class with one of these names would shadow it.
const TAKEN_CLASS_NAMES = new Set(['Object', 'String', 'Number', 'Boolean', 'Integer', 'List', 'Map', 'Component',
  'Prop', 'WireValue', 'Override', 'Enum', 'Class']);

// Component methods a prop setter must not collide with (same name, zero or one argument of another meaning).
const TAKEN_METHODS = new Set(['prop', 'props', 'namespace', 'descendants', 'toString', 'equals', 'hashCode',
  'getClass', 'notify', 'notifyAll', 'wait', 'clone', 'finalize']);

function words(name) {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

// The callback classes apps import beside `import static io.dash4j.components.Dcc.*` (and Html.*): a static import
// on demand brings in a facade's nested classes too, so a component class of one of these names would make
// `Input` ambiguous next to `import io.dash4j.callback.*`.
const CALLBACK_CLASS_NAMES = new Set(['Input', 'Output', 'State', 'Outputs', 'Patch', 'Update', 'Results']);

/**
 * A nested class name for a component: its React name, with the facade's name in front where the bare name would
 * clash under static imports (dcc.Input -> DccInput, as Dash.jl writes dcc_input; html.Output -> HtmlOutput; and the
 * components a package lists as `prefixed` in components.json, because another package has them too), and
 * `Element` behind where it would shadow a type the generated code uses (html.Object -> ObjectElement).
 */
export function className(component, pkg = { javaClass: '', prefixed: [] }) {
  if (pkg.javaClass && (CALLBACK_CLASS_NAMES.has(component) || pkg.prefixed.includes(component))) {
    return `${pkg.javaClass}${component}`;
  }
  return TAKEN_CLASS_NAMES.has(component) ? `${component}Element` : component;
}

/**
 * lowerCamel factory name: DatePickerRange -> datePickerRange, H1 -> h1; with the facade's name in front for the
 * components a package lists as `prefixed` (html.Link -> htmlLink), whose factories would be ambiguous under static
 * imports of two facades. A class prefixed only for a callback name keeps its factory (dcc.Input -> input): methods
 * and types never clash.
 */
export function factoryName(component, pkg = { javaClass: '', prefixed: [] }) {
  const name = pkg.prefixed.includes(component) ? className(component, pkg) : className(component);
  const lower = name.charAt(0).toLowerCase() + name.slice(1);
  return KEYWORDS.has(lower) ? `${lower}Element` : lower;
}

/** The fluent setter of a prop: n_clicks -> nClicks, className -> className. */
export function setterName(prop) {
  const parts = words(prop);
  let name = parts.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1)
    : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  if (/^[0-9]/.test(name)) name = `p${name}`;
  if (KEYWORDS.has(name) || TAKEN_METHODS.has(name)) name = `${name}Prop`;
  return name;
}

/** The typed constant of a prop: n_clicks -> N_CLICKS, className -> CLASS_NAME. */
export function constantName(prop) {
  const name = words(prop).map((w) => w.toUpperCase()).join('_');
  return /^[0-9]/.test(name) ? `P_${name}` : name;
}

/** The enum type of a oneOf prop: type -> Type, persistence_type -> PersistenceType. */
export function enumTypeName(prop) {
  const name = words(prop).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return TAKEN_CLASS_NAMES.has(name) ? `${name}Value` : name;
}

/** Enum constants for wire values, unique within the enum: "lines+markers" -> LINES_MARKERS, "" -> EMPTY. */
export function enumConstants(values) {
  const used = new Set();
  return values.map((value) => {
    let name = words(String(value)).map((w) => w.toUpperCase()).join('_') || 'EMPTY';
    if (/^[0-9]/.test(name)) name = `V_${name}`;
    if (KEYWORDS.has(name.toLowerCase()) && name === name.toLowerCase()) name = `${name}_`;
    let unique = name;
    for (let i = 2; used.has(unique); i++) unique = `${name}_${i}`;
    used.add(unique);
    return unique;
  });
}
