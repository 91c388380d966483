// Component metadata from the npm packages the browser runs: every component of each package with its props'
// types (as the bundle declares them in `propTypes`), descriptions where the sources have them, and Dash's
// children_props. The types come from running the package's own scripts in a browser-like sandbox with a
// recording PropTypes, so they are exactly what the pinned front end validates against - no Python package, no
// metadata.json, no build of the component library needed. Works for any Dash component package described by
//   {"npm", "namespace", "javaClass", "scripts": [...], "propTypes"?: "...", "sources"?: "..."}
// (paths relative to the package root); see webroot/components.json.
//
// usage: node codegen/extract.mjs <out.json>      (packages from webroot/components.json; prints a summary)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBrowserSandbox } from './browser-sandbox.mjs';
import { childrenProps } from './children-props.mjs';
import { createDocsLookup, withFieldDescriptions } from './docs.mjs';
import { createRecorder, describe, isRequired } from './proptypes-recorder.mjs';

const webroot = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(webroot, 'package.json'));

// Props a server never sets: the renderer's own plumbing, callbacks, private props.
const RENDERER_PROPS = new Set(['setProps', 'loading_state', 'componentPath', 'dashEvents']);
// `data-*` / `aria-*`: Dash's wildcard attributes, a family of props rather than one
const WILDCARD = /^([a-zA-Z][\w]*-)\*$/;

function packageRoot(npm) {
  return dirname(require.resolve(`${npm}/package.json`));
}

/** Code-unit order: stable across machines, unlike localeCompare. */
function byName(a, b) {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Runs the package's scripts (then its propTypes file) in a fresh page; returns window[namespace]. */
function loadNamespace(root, spec, warnings) {
  const sandbox = createBrowserSandbox({ recorder: createRecorder(), warn: (m) => warnings.push(m) });
  const files = [...spec.scripts, ...(spec.propTypes ? [spec.propTypes] : [])];
  for (const file of files) {
    const path = join(root, file);
    try {
      // the URL dash4j serves the file at, for bundles deriving their public path from document.currentScript
      sandbox.runScript(readFileSync(path, 'utf8'), `/_dash-component-suites/${spec.namespace}/${file}`, path);
    } catch (error) {
      // keep going: a bundle failing late may still have registered its components
      warnings.push(`${file}: ${String(error?.message ?? error).slice(0, 200)}`);
    }
  }
  const namespace = sandbox.global[spec.namespace];
  if (!namespace || typeof namespace !== 'object') {
    throw new Error(`${spec.npm}: its scripts did not define window.${spec.namespace}`);
  }
  return namespace;
}

/** React components are functions/classes or memo/forwardRef/lazy objects, named in PascalCase by convention. */
function isComponent(name, value) {
  return /^[A-Z]/.test(name)
    && (typeof value === 'function' || (value !== null && typeof value === 'object' && '$$typeof' in value));
}

/** A static of a possibly wrapped component: on itself, memo's `.type`, forwardRef's `.render`, or both. */
function staticOf(component, key) {
  for (const c of [component, component?.type, component?.render, component?.type?.render]) {
    if (c && c[key]) return c[key];
  }
  return null;
}

function jsonValue(value) {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  try {
    const json = JSON.stringify(value);
    return json === undefined ? undefined : JSON.parse(json);
  } catch {
    return undefined; // cyclic or exotic: not a default a server could send anyway
  }
}

function hasShape(type) {
  if (!type || typeof type !== 'object') return false;
  if (type.name === 'shape' || type.name === 'exact') return true;
  return Array.isArray(type.value) ? type.value.some(hasShape) : hasShape(type.value);
}

function isServerSettable(name, type) {
  return !RENDERER_PROPS.has(name) && !name.startsWith('_dash') && type.name !== 'func';
}

/** One component's metadata from its recorded propTypes and whatever docs its sources give. */
function componentMetadata(name, component, docsFor) {
  const propTypes = staticOf(component, 'propTypes') || {};
  const defaults = staticOf(component, 'defaultProps') || {};
  const declared = Object.keys(propTypes);
  const docs = docsFor(name, declared, declared.some((p) => hasShape(describe(propTypes[p]))));
  const props = [];
  const wildcards = [];
  for (const prop of declared) {
    const type = describe(propTypes[prop]);
    const wildcard = WILDCARD.exec(prop);
    if (wildcard) {
      wildcards.push(wildcard[1]);
      continue;
    }
    if (!isServerSettable(prop, type)) continue;
    const doc = docs.props.get(prop);
    const entry = { name: prop, required: isRequired(propTypes[prop]), description: doc?.description || '',
      type: withFieldDescriptions(type, doc?.type) };
    const defaultValue = jsonValue(defaults[prop]);
    if (defaultValue !== undefined) entry.defaultValue = defaultValue;
    props.push(entry);
  }
  const metadata = { name, description: docs.description, props, childrenProps: childrenProps(props) };
  if (wildcards.length) metadata.wildcardPrefixes = wildcards;
  return { metadata, hasPropTypes: declared.length > 0, docSource: docs.source };
}

/** Metadata of one package, and a report of what the summary prints. */
function extractPackage(spec) {
  const started = Date.now();
  const root = packageRoot(spec.npm);
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const warnings = [];
  const namespace = loadNamespace(root, spec, warnings);
  const docsFor = createDocsLookup(root, spec);
  const components = [];
  const withoutPropTypes = [];
  const undocumented = [];
  for (const name of Object.keys(namespace).sort()) {
    if (!isComponent(name, namespace[name])) continue;
    const { metadata, hasPropTypes, docSource } = componentMetadata(name, namespace[name], docsFor);
    if (!hasPropTypes) withoutPropTypes.push(name);
    if (!docSource) undocumented.push(name);
    components.push(metadata);
  }
  components.sort(byName);
  const pkg = { npm: spec.npm, version, namespace: spec.namespace, javaClass: spec.javaClass,
    prefixed: [...(spec.prefixed || [])], scripts: [...spec.scripts], components };
  return { pkg, report: { warnings, withoutPropTypes, undocumented, ms: Date.now() - started } };
}

/**
 * @param {Array<{npm: string, namespace: string, javaClass: string, scripts: string[], propTypes?: string,
 *   sources?: string}>} packages
 * @returns {Promise<{packages: object[]}>} plus a non-enumerable `reports` (per package, for the CLI summary)
 */
export async function extract(packages) {
  const results = packages.map(extractPackage);
  const out = { packages: results.map((r) => r.pkg) };
  Object.defineProperty(out, 'reports', { value: results.map((r) => r.report), enumerable: false });
  return out;
}

function summary(metadata) {
  const lines = [];
  metadata.packages.forEach((pkg, i) => {
    const report = metadata.reports[i];
    const described = pkg.components.filter((c) => c.description).length;
    lines.push(`${pkg.npm} ${pkg.version} (${pkg.namespace}): ${pkg.components.length} components, `
      + `${described} with a description (${report.ms} ms)`);
    lines.push(`  ${pkg.components.map((c) => `${c.name}(${c.props.length})`).join(' ')}`);
    const withChildren = pkg.components.filter((c) => c.childrenProps.length);
    if (withChildren.length) {
      lines.push(`  childrenProps: ${withChildren.map((c) => `${c.name}=${JSON.stringify(c.childrenProps)}`).join(' ')}`);
    }
    if (report.withoutPropTypes.length) lines.push(`  WITHOUT propTypes: ${report.withoutPropTypes.join(', ')}`);
    if (report.undocumented.length) lines.push(`  no source docs: ${report.undocumented.join(', ')}`);
    for (const w of report.warnings) lines.push(`  warning: ${w}`);
  });
  return lines.join('\n');
}

async function main(argv) {
  const [outFile] = argv;
  if (!outFile) {
    console.error('usage: node codegen/extract.mjs <out.json>');
    process.exit(2);
  }
  const packages = JSON.parse(readFileSync(join(webroot, 'components.json'), 'utf8'));
  const started = Date.now();
  const metadata = await extract(packages);
  writeFileSync(outFile, `${JSON.stringify(metadata, null, 1)}\n`);
  console.log(summary(metadata));
  console.log(`wrote ${resolve(outFile)} in ${Date.now() - started} ms`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
