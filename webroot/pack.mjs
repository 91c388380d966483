// Copies the files the browser needs out of the pinned npm packages into the jar's resources, and writes
// index.json: for each package its version and the files packed. The server's suite registry reads that index,
// so the list of servable files always matches what was installed from package-lock.json.
//
// usage: node pack.mjs <output dir>
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// package -> folders or files (relative to the package root) the browser may load: the renderer and its
// dependencies here, every component package from components.json (the folder of its scripts, async chunks and
// source maps included).
const PACKED = {
  '@babel/polyfill': ['dist/polyfill.min.js', 'dist/polyfill.js'],
  'react': ['umd/react.production.min.js', 'umd/react.development.js'],
  'react-dom': ['umd/react-dom.production.min.js', 'umd/react-dom.development.js'],
  'prop-types': ['prop-types.min.js', 'prop-types.js'],
  'dash-renderer': ['build'],
  'plotly.js-dist-min': ['plotly.min.js'],
  'sockjs-client': ['dist/sockjs.min.js'],
};

const out = process.argv[2];
if (!out) {
  console.error('usage: node pack.mjs <output dir>');
  process.exit(2);
}

function filesUnder(root, path) {
  const full = join(root, path);
  if (!existsSync(full)) throw new Error(`missing ${full}: run npm ci in webroot`);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full).sort().flatMap((name) => filesUnder(root, join(path, name)));
}

const here = dirname(fileURLToPath(import.meta.url));
const componentPackages = new Set();
for (const { npm, scripts } of JSON.parse(readFileSync(join(here, 'components.json'), 'utf8'))) {
  PACKED[npm] = [...new Set(scripts.map((script) => dirname(script)))];
  componentPackages.add(npm);
}
// A component package's development bundles are only read at build time (for docs), never served.
const servable = (pkg, file) => !(componentPackages.has(pkg) && file.endsWith('.dev.js'));
const index = {};
for (const [pkg, paths] of Object.entries(PACKED)) {
  const root = join(here, 'node_modules', pkg);
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const files = paths.flatMap((path) => filesUnder(root, path)).filter((file) => servable(pkg, file));
  for (const file of files) {
    const target = join(out, pkg, file);
    mkdirSync(join(target, '..'), { recursive: true });
    cpSync(join(root, file), target, { preserveTimestamps: true });
  }
  index[pkg] = { version, files: files.map((f) => f.split('\\').join('/')) };
}
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'index.json'), JSON.stringify(index, null, 1));
console.log(`packed ${Object.keys(index).length} front-end packages into ${out}`);
