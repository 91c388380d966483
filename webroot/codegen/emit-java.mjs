// Writes the Java source of one component package: a facade class (Dcc, Html, ...) with a factory per component
// and one nested class per component holding its typed Prop constants, fluent setters and enums.
import { className, constantName, enumConstants, factoryName, setterName } from './java-names.mjs';
import { javaType } from './java-types.mjs';

const INDENT = '  ';

/**
 * Javadoc text from a package's description: HTML-escaped, `code` kept as code, paragraphs kept, no comment
 * terminators. The fallback is our own Javadoc and is used as is.
 */
function doc(text, fallback) {
  const source = (text || '').trim();
  if (!source) return fallback;
  return source
    .replace(/\r/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;')
    .replace(/\*\//g, '*&#47;')
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/\n\s*\n/g, '\n<p>\n');
}

function javadoc(text, fallback, indent) {
  const lines = doc(text, fallback).split('\n');
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ''}`).join('\n')}\n${indent} */\n`;
}

/** Props after the Java-side choices: `id` takes any id (dicts too), names made unique. */
function javaProps(component) {
  const constants = new Set();
  const setters = new Set(['children']);
  return component.props.map((prop) => {
    const type = prop.name === 'id'
      ? { param: 'Object', propType: 'Object', propFactory: 'Prop.any("id")' }
      : javaType(prop);
    let constant = constantName(prop.name);
    while (constants.has(constant)) constant += '_';
    constants.add(constant);
    let setter = prop.name === 'children' ? 'children' : setterName(prop.name);
    if (prop.name !== 'children') {
      while (setters.has(setter)) setter += 'Prop';
      setters.add(setter);
    }
    return { ...prop, ...type, constant, setter };
  });
}

function hasChildren(component) {
  return component.props.some((p) => p.name === 'children');
}

function emitEnum(enumType, indent) {
  const names = enumConstants(enumType.values);
  const constants = enumType.values.map((v, i) => `${indent}${INDENT}/** {@code ${doc(JSON.stringify(v), '')}} */\n`
    + `${indent}${INDENT}${names[i]}(${JSON.stringify(v)})`).join(',\n');
  return `${indent}/** The values of {@code ${enumType.prop}}. */\n`
    + `${indent}public enum ${enumType.name} implements WireValue {\n${constants};\n\n`
    + `${indent}${INDENT}private final String wire;\n\n`
    + `${indent}${INDENT}${enumType.name}(String wire) {\n${indent}${INDENT}${INDENT}this.wire = wire;\n`
    + `${indent}${INDENT}}\n\n`
    + `${indent}${INDENT}@Override\n${indent}${INDENT}public Object wire() {\n`
    + `${indent}${INDENT}${INDENT}return wire;\n${indent}${INDENT}}\n${indent}}\n`;
}

function emitComponent(pkg, component) {
  const cls = className(component.name, pkg);
  const props = javaProps(component);
  const i1 = INDENT;
  const i2 = INDENT + INDENT;
  // A renamed class says which Dash component it is, so a search for `dcc.Input` finds DccInput.
  const renamed = cls !== component.name && cls.startsWith(pkg.javaClass)
    ? `\n\nDash's \`${pkg.javaClass.toLowerCase()}.${component.name}\`, named \`${cls}\` so that static imports of `
      + 'the component facades and the callback classes do not clash.' : '';
  let out = javadoc(component.description ? component.description + renamed : '',
    `The {@code ${component.name}} component of ${pkg.npm}.${renamed ? ` Named {@code ${cls}} so that static imports of the component facades and the callback classes do not clash.` : ''}`, i1);
  out += `${i1}public static final class ${cls} extends Component {\n`;
  for (const p of props) {
    out += javadoc(p.description, `The {@code ${p.name}} prop.`, i2);
    out += `${i2}public static final Prop<${p.propType}> ${p.constant} = ${p.propFactory};\n`;
  }
  out += `\n${i2}/** An empty {@code ${component.name}}: only the props you set are sent to the browser. */\n`;
  out += `${i2}public ${cls}() {\n${i2}${INDENT}super(NAMESPACE, ${JSON.stringify(component.name)});\n${i2}}\n`;
  for (const p of props) {
    out += '\n';
    out += javadoc(p.description, `Sets {@code ${p.name}}.`, i2);
    if (p.name === 'children') {
      out += `${i2}public ${cls} children(Object... children) {\n`
        + `${i2}${INDENT}prop("children", childrenOf(children));\n${i2}${INDENT}return this;\n${i2}}\n`;
    } else {
      out += `${i2}public ${cls} ${p.setter}(${p.param} value) {\n`
        + `${i2}${INDENT}prop(${JSON.stringify(p.name)}, value);\n${i2}${INDENT}return this;\n${i2}}\n`;
    }
  }
  for (const p of props.filter((x) => x.enumType)) {
    out += `\n${emitEnum({ ...p.enumType, prop: p.name }, i2)}`;
  }
  return `${out}${i1}}\n`;
}

function emitFactory(pkg, component) {
  const cls = className(component.name, pkg);
  const fn = factoryName(component.name, pkg);
  const summary = `A new {@link ${cls}}`;
  if (hasChildren(component)) {
    return `${INDENT}/** ${summary} with these children (components, strings, numbers). */\n`
      + `${INDENT}public static ${cls} ${fn}(Object... children) {\n`
      + `${INDENT}${INDENT}return children.length == 0 ? new ${cls}() : new ${cls}().children(children);\n${INDENT}}\n`;
  }
  const hasId = component.props.some((p) => p.name === 'id');
  let out = `${INDENT}/** ${summary}. */\n${INDENT}public static ${cls} ${fn}() {\n`
    + `${INDENT}${INDENT}return new ${cls}();\n${INDENT}}\n`;
  if (hasId) {
    out += `\n${INDENT}/** ${summary} with this id (a string, or a map for pattern matching). */\n`
      + `${INDENT}public static ${cls} ${fn}(Object id) {\n${INDENT}${INDENT}return new ${cls}().id(id);\n${INDENT}}\n`;
  }
  return out;
}

/** Props every component of the package has, as package-level shortcuts (Html.CHILDREN, Html.N_CLICKS). */
function emitSharedProps(pkg) {
  if (pkg.components.length < 2) return '';
  const [first, ...rest] = pkg.components.map((c) => javaProps(c));
  const shared = first.filter((p) => p.name !== 'id'
    && rest.every((props) => props.some((q) => q.name === p.name && q.propType === p.propType && !q.enumType)))
    .filter((p) => !p.enumType);
  return shared.map((p) => javadoc(`${p.description || ''}\n\nEvery component of ${pkg.npm} has this prop.`,
    '', INDENT) + `${INDENT}public static final Prop<${p.propType}> ${p.constant} = ${p.propFactory};\n`).join('');
}

/**
 * The simple names a facade brings in with {@code import static}: its nested classes, factories and shared prop
 * constants. Two facades sharing one would make it ambiguous for an app importing both.
 */
export function staticNames(pkg) {
  const shared = emitSharedProps(pkg).match(/ [A-Z0-9_]+ = /g) || [];
  return [
    ...pkg.components.map((c) => `class ${className(c.name, pkg)}`),
    ...pkg.components.map((c) => `method ${factoryName(c.name, pkg)}`),
    ...shared.map((s) => `constant ${s.slice(1, -3)}`),
  ];
}

/** The Java source of a package's facade class. */
export function emitPackage(pkg, javaPackage) {
  const components = [...pkg.components].sort((a, b) => a.name.localeCompare(b.name));
  const clash = components.find((c) => className(c.name, pkg) === pkg.javaClass);
  if (clash) {
    // Java forbids a nested class named like its enclosing class.
    throw new Error(`components.json: javaClass "${pkg.javaClass}" of ${pkg.npm} names one of its components; `
      + 'choose another facade name');
  }
  const body = [
    `${INDENT}/** The JavaScript namespace the ${pkg.npm} bundle registers in the browser. */\n`
      + `${INDENT}public static final String NAMESPACE = ${JSON.stringify(pkg.namespace)};\n`,
    emitSharedProps({ ...pkg, components }),
    `${INDENT}private ${pkg.javaClass}() {}\n`,
    ...components.map((c) => emitFactory(pkg, c)),
    ...components.map((c) => emitComponent(pkg, c)),
  ].filter(Boolean);
  return `// Generated by webroot/codegen from the npm package ${pkg.npm} ${pkg.version}. Do not edit.
package ${javaPackage};

import io.dash4j.layout.Component;
import io.dash4j.layout.Prop;
import io.dash4j.layout.WireValue;
import java.util.List;
import java.util.Map;

/**
 * The components of {@code ${pkg.npm}} ${pkg.version} (JavaScript namespace {@code ${pkg.namespace}}), generated
 * from the package the browser runs, so their props cannot drift from it. Each component has a factory here and a
 * nested class with one typed {@link Prop} constant per prop, for callbacks, and one fluent setter per prop.
 */
@javax.annotation.processing.Generated("io.dash4j codegen")
@SuppressWarnings({"unused", "rawtypes"})
public final class ${pkg.javaClass} {
${body.join('\n')}}
`;
}
