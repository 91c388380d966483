// Build step (Maven generate-sources): reads the component packages named in webroot/components.json from
// node_modules, and writes
//   <java dir>/io/dash4j/components/<JavaClass>.java   one typed facade per package
//   <resource dir>/components.json                      what the server needs at run time: namespaces, scripts,
//                                                       versions and Dash's children_props table
// usage: node codegen/generate.mjs <java source dir> <resource dir>
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emitPackage, staticNames } from './emit-java.mjs';
import { extract } from './extract.mjs';

const JAVA_PACKAGE = 'io.dash4j.components';
const webroot = join(dirname(fileURLToPath(import.meta.url)), '..');

const [javaDir, resourceDir] = process.argv.slice(2);
if (!javaDir || !resourceDir) {
  console.error('usage: node codegen/generate.mjs <java source dir> <resource dir>');
  process.exit(2);
}

const packages = JSON.parse(readFileSync(join(webroot, 'components.json'), 'utf8'));
const metadata = await extract(packages);

// Apps write `import static io.dash4j.components.Dcc.*;` beside Html.*: a name both facades bring in would not compile
// where it is used, so the build stops here and names it (list the component as `prefixed` in components.json).
const owners = new Map();
for (const pkg of metadata.packages) {
  for (const name of staticNames(pkg)) {
    if (owners.has(name)) {
      console.error(`components.json: ${name} is in both ${owners.get(name)} and ${pkg.javaClass}; list the `
        + `component in one package's "prefixed"`);
      process.exit(1);
    }
    owners.set(name, pkg.javaClass);
  }
}

const outDir = join(javaDir, ...JAVA_PACKAGE.split('.'));
rmSync(outDir, { recursive: true, force: true }); // a package renamed or removed leaves no stale class behind
mkdirSync(outDir, { recursive: true });
for (const pkg of metadata.packages) {
  writeFileSync(join(outDir, `${pkg.javaClass}.java`), emitPackage(pkg, JAVA_PACKAGE));
}

const runtime = {};
const declared = new Map(packages.map((p) => [p.npm, p]));
for (const pkg of metadata.packages) {
  const childrenProps = {};
  for (const component of pkg.components) {
    if (component.childrenProps && component.childrenProps.length) childrenProps[component.name] = component.childrenProps;
  }
  // Dash adds a package's propTypes file in debug mode only, after its scripts, so the dev tools check props.
  const { propTypes } = declared.get(pkg.npm);
  runtime[pkg.namespace] = { npm: pkg.npm, version: pkg.version, scripts: pkg.scripts,
    devScripts: propTypes ? [propTypes] : [], childrenProps };
}
mkdirSync(resourceDir, { recursive: true });
writeFileSync(join(resourceDir, 'components.json'), JSON.stringify(runtime, null, 1));
console.log(`generated ${metadata.packages.map((p) => `${p.javaClass} (${p.components.length})`).join(', ')}`);
