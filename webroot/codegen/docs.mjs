// Best-effort documentation: component descriptions and prop descriptions, from the original sources of a package.
// Those come from three places, all optional:
//   - the package's "sources" folder (dcc ships lib/ with its .tsx sources and types.ts);
//   - the source maps of its scripts: webpack's `sourcesContent` carries the original files (html, dcc and
//     dash-table all ship them), which is how a third-party package usually documents itself without any
//     configuration;
//   - for a `<name>.min.js` without a map, the inline maps of a `<name>.dev.js` beside it (dash-cytoscape).
// JavaScript components go through react-docgen, as Dash's own extract-meta.js does; TypeScript ones through
// ts-docs.mjs. Nothing here is required: a component we cannot document just has empty descriptions.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix, relative, sep } from 'node:path';
import { createTypeIndex, tsComponentDocs } from './ts-docs.mjs';

const require = createRequire(import.meta.url);
const reactDocgen = require('react-docgen');

const SOURCE_FILE = /\.(jsx?|mjs|tsx?)$/;
const COMPONENT_SUFFIX = /(\.react)?\.(jsx?|mjs|tsx?)$/;

function walk(dir, out = []) {
  for (const entry of readdirSync(dir).sort()) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/**
 * `webpack://dash_table/./src/x.js`, `webpack:///./src/x.js`, `webpack://x/./src/x.js?642c` -> `src/x.js`; null for
 * what is not the package's own source (dependencies, webpack runtime, CSS).
 */
function mapSourcePath(source) {
  const path = source.replace(/^webpack:\/\/[^/]*\//, '').replace(/^\.\//, '').replace(/\?[^/]*$/, '');
  if (path.includes('node_modules') || path.startsWith('webpack/') || path.startsWith('external ')
    || path.startsWith('..') || !SOURCE_FILE.test(path)) return null;
  return posix.normalize(path);
}

function readSourceMap(scriptFile) {
  let mapFile = `${scriptFile}.map`;
  if (!existsSync(mapFile)) {
    const tail = readFileSync(scriptFile, 'utf8').slice(-4096);
    const url = /\/\/[#@] sourceMappingURL=(\S+)\s*$/.exec(tail)?.[1];
    if (!url) return null;
    if (url.startsWith('data:')) {
      const [, meta, data] = /^data:([^,]*),(.*)$/.exec(url) || [];
      return data ? JSON.parse(meta.endsWith(';base64') ? Buffer.from(data, 'base64').toString('utf8')
        : decodeURIComponent(data)) : null;
    }
    mapFile = join(dirname(scriptFile), url);
    if (!existsSync(mapFile)) return null;
  }
  return JSON.parse(readFileSync(mapFile, 'utf8'));
}

const INLINE_MAP = /sourceMappingURL=data:application\/json;(?:charset=[^;,]*;)?base64,([A-Za-z0-9+/=]+)/g;

/**
 * The source maps inlined in a webpack `eval-source-map` build, one per module: what the `<name>.dev.js` of Dash's
 * component boilerplate is (dash-cytoscape ships one beside its .min.js, with no other map).
 */
function inlineSourceMaps(file) {
  if (!existsSync(file)) return [];
  const maps = [];
  for (const [, base64] of readFileSync(file, 'utf8').matchAll(INLINE_MAP)) {
    // the map's "file" comes first: skip the bundled dependencies without decoding them whole
    if (Buffer.from(base64.slice(0, 200), 'base64').toString('latin1').includes('node_modules')) continue;
    try {
      maps.push(JSON.parse(Buffer.from(base64, 'base64').toString('utf8')));
    } catch {
      // a truncated or odd map only costs documentation
    }
  }
  return maps;
}

function scriptSourceMaps(pkgRoot, script) {
  const file = join(pkgRoot, script);
  const maps = [];
  try {
    const map = readSourceMap(file);
    if (map) maps.push(map);
  } catch {
    // an unreadable map only costs documentation
  }
  if (!maps.length && /\.min\.js$/.test(script)) maps.push(...inlineSourceMaps(file.replace(/\.min\.js$/, '.dev.js')));
  return maps;
}

/**
 * The package's original source files, path -> text: the "sources" folder first (paths like `lib/...`), then
 * what the scripts' source maps carry (paths like `src/...`), then a `.dev.js` twin's inline maps.
 */
export function loadSources(pkgRoot, spec) {
  const files = new Map();
  if (spec.sources && existsSync(join(pkgRoot, spec.sources))) {
    for (const file of walk(join(pkgRoot, spec.sources))) {
      if (SOURCE_FILE.test(file)) files.set(relative(pkgRoot, file).split(sep).join('/'), readFileSync(file, 'utf8'));
    }
  }
  for (const script of spec.scripts || []) {
    for (const map of scriptSourceMaps(pkgRoot, script)) {
      (map.sources || []).forEach((source, i) => {
        const path = mapSourcePath(source);
        const text = map.sourcesContent?.[i];
        if (path && typeof text === 'string' && !files.has(path)) files.set(path, text);
      });
    }
  }
  return files;
}

// react-docgen's propTypeHandler (the type analysis) costs three quarters of its time; it only adds the
// descriptions of shape fields, so it runs only for components that have shapes.
const DOC_HANDLERS = [reactDocgen.handlers.componentDocblockHandler, reactDocgen.handlers.propDocBlockHandler];
const TYPE_HANDLERS = [...DOC_HANDLERS, reactDocgen.handlers.propTypeHandler];

function docgenParse(text, path, name, handlers) {
  const options = { filename: path, babelrc: false, configFile: false };
  try {
    return reactDocgen.parse(text, undefined, handlers, options);
  } catch (error) {
    // "No suitable component definition" (compiled code, say) will not get better with another resolver
    if (!/multiple/i.test(String(error?.message))) return null;
    // several exported components in one file: take the one named like the export
    try {
      const all = reactDocgen.parse(text, reactDocgen.resolver.findAllComponentDefinitions, handlers, options);
      return all.find((d) => d.displayName === name) || (all.length === 1 ? all[0] : null);
    } catch {
      return null;
    }
  }
}

function javascriptDocs(text, path, name, fieldDocs) {
  const doc = docgenParse(text, path, name, fieldDocs ? TYPE_HANDLERS : DOC_HANDLERS);
  if (!doc) return null;
  const props = new Map(Object.entries(doc.props || {})
    .map(([prop, info]) => [prop, { description: info.description || '', type: info.type }]));
  return { description: doc.description || '', props };
}

function typescriptDocs(text, path, name, typeIndex) {
  const ts = tsComponentDocs(typeIndex, path, name);
  const props = new Map([...ts?.props || []].map(([prop, description]) => [prop, { description }]));
  // the JSDoc above the declaration, or react-docgen's idea of it for shapes ts-docs does not know
  const description = ts?.description || docgenParse(text, path, name, DOC_HANDLERS)?.description || '';
  return ts || description ? { description, props } : null;
}

/** {description, props: Map(name -> {description, type?})} of one candidate file, or null. */
function fileDocs(text, path, name, typeIndex, fieldDocs) {
  return /\.tsx?$/.test(path) ? typescriptDocs(text, path, name, typeIndex)
    : javascriptDocs(text, path, name, fieldDocs);
}

/**
 * Docs for the components of one package.
 * @returns {(name: string, propNames: string[], fieldDocs?: boolean) => {description: string, props: Map,
 *   source?: string}} fieldDocs: also look for descriptions of shape fields (slower)
 */
export function createDocsLookup(pkgRoot, spec) {
  const files = loadSources(pkgRoot, spec);
  const typeIndex = createTypeIndex(files);
  const byBaseName = new Map();
  for (const path of files.keys()) {
    const base = posix.basename(path).replace(COMPONENT_SUFFIX, '');
    if (!byBaseName.has(base)) byBaseName.set(base, []);
    byBaseName.get(base).push(path);
  }

  return (name, propNames, fieldDocs = false) => {
    // Files named after the component; several may be (dcc has components/Graph.react.js, fragments/Graph.react.js
    // and a compiled lib/ copy): the one documenting most of the component's real props wins.
    let best = null;
    let bestScore = -1;
    for (const path of byBaseName.get(name) || []) {
      const docs = fileDocs(files.get(path), path, name, typeIndex, fieldDocs);
      if (!docs) continue;
      const score = propNames.filter((p) => docs.props.get(p)?.description).length * 2 + (docs.description ? 1 : 0);
      if (score > bestScore) {
        best = { ...docs, source: path };
        bestScore = score;
      }
    }
    return best || { description: '', props: new Map() };
  };
}

/**
 * The runtime type with the descriptions react-docgen found for a shape's fields copied in, where both agree on
 * the structure (DataTable's columns, for instance, document each field).
 */
export function withFieldDescriptions(type, docType) {
  if (!docType || !type || typeof docType !== 'object' || docType.name !== type.name) return type;
  switch (type.name) {
    case 'shape':
    case 'exact': {
      const value = {};
      for (const [field, fieldType] of Object.entries(type.value)) {
        const docField = docType.value?.[field];
        const merged = withFieldDescriptions(fieldType, docField);
        value[field] = docField?.description ? { ...merged, description: docField.description } : merged;
      }
      return { ...type, value };
    }
    case 'arrayOf':
    case 'objectOf':
      return { ...type, value: withFieldDescriptions(type.value, docType.value) };
    case 'union':
      return Array.isArray(docType.value) && docType.value.length === type.value.length
        ? { ...type, value: type.value.map((t, i) => withFieldDescriptions(t, docType.value[i])) } : type;
    default:
      return type;
  }
}
