// Prop descriptions of TypeScript components. They live as JSDoc comments on the members of the props type
// (`interface DropdownProps extends BaseDccProps<DropdownProps> { /** ... */ options?: ... }`), which is often in
// another file (dcc's types.ts) and built from pieces (extends, `A & {...}`, Pick<...>). This is a light resolver
// over @babel/parser's TypeScript AST, not a type checker: it follows type names through local declarations and
// relative imports, and gives up quietly on anything else (React.*, @dash-renderer/types, generics' arguments).
import { createRequire } from 'node:module';
import { posix } from 'node:path';

const require = createRequire(import.meta.url);
const { parse } = require('@babel/parser');

/** The text of a JSDoc block: no delimiters, no leading stars, common indentation removed. */
export function jsdocText(comment) {
  if (!comment || comment.type !== 'CommentBlock' || !comment.value.startsWith('*')) return '';
  const lines = comment.value.replace(/^\*/, '').split('\n').map((l) => l.replace(/^\s*\* ?/, '').replace(/\s+$/, ''));
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  return lines.join('\n');
}

/** The last JSDoc block among a node's leading comments (the one right above it). */
export function leadingJsdoc(node) {
  const blocks = (node?.leadingComments || []).filter((c) => c.type === 'CommentBlock' && c.value.startsWith('*'));
  return blocks.length ? jsdocText(blocks[blocks.length - 1]) : '';
}

function typeArgs(node) {
  return (node.typeParameters || node.typeArguments)?.params || [];
}

function refName(node) {
  const name = node.typeName || node.expression;
  return name?.type === 'Identifier' ? name.name : null; // qualified names (React.X) are outside our reach
}

function stringLiterals(node) {
  if (!node) return [];
  if (node.type === 'TSLiteralType' && node.literal.type === 'StringLiteral') return [node.literal.value];
  if (node.type === 'TSUnionType') return node.types.flatMap(stringLiterals);
  return [];
}

/** Top-level declarations and imports of one file. */
function indexFile(path, text) {
  let ast;
  try {
    ast = parse(text, { sourceType: 'module', errorRecovery: true,
      plugins: ['typescript', ...(/\.[jt]sx$/.test(path) ? ['jsx'] : []), 'decorators-legacy'] });
  } catch {
    return null;
  }
  const types = new Map();
  const imports = new Map();
  for (const stmt of ast.program.body) {
    const decl = stmt.type === 'ExportNamedDeclaration' || stmt.type === 'ExportDefaultDeclaration'
      ? stmt.declaration : stmt;
    if (!decl) continue;
    if (decl.type === 'TSInterfaceDeclaration' || decl.type === 'TSTypeAliasDeclaration') {
      types.set(decl.id.name, decl);
    } else if (decl.type === 'ImportDeclaration') {
      for (const s of decl.specifiers) {
        if (s.type === 'ImportSpecifier') {
          imports.set(s.local.name, { from: decl.source.value, name: s.imported.name ?? s.imported.value });
        }
      }
    }
  }
  return { path, ast, types, imports };
}

/**
 * Resolves type names to declarations across the files of one package.
 * @param {Map<string, string>} files path -> source text
 */
export function createTypeIndex(files) {
  const indexed = new Map();
  const fileIndex = (path) => {
    if (!indexed.has(path)) indexed.set(path, files.has(path) ? indexFile(path, files.get(path)) : null);
    return indexed.get(path);
  };

  const withExtensions = (base) => [base, ...['.ts', '.tsx', '.d.ts', '/index.ts', '/index.tsx'].map((e) => base + e)];
  const resolveModule = (fromPath, spec) => {
    let bases;
    if (spec.startsWith('.')) {
      bases = [posix.join(posix.dirname(fromPath), spec)];
    } else {
      // tsconfig baseUrl/paths imports ('src/types'): from the root of the sources, or with the first folder
      // swapped for the importing file's (dcc compiles src/ to lib/)
      const [, ...rest] = spec.split('/');
      bases = [spec, ...(rest.length ? [`${fromPath.split('/')[0]}/${rest.join('/')}`] : [])];
    }
    return bases.flatMap(withExtensions).find((p) => files.has(p)) || null;
  };

  /** [declaration, the file it is in] for a type name as seen from a file. */
  const lookup = (path, name, depth = 0) => {
    const file = fileIndex(path);
    if (!file || depth > 8) return null;
    if (file.types.has(name)) return [file.types.get(name), path];
    const imported = file.imports.get(name);
    const target = imported && resolveModule(path, imported.from);
    return target ? lookup(target, imported.name, depth + 1) : null;
  };

  /** name -> description for the members of a type node, following references. */
  const members = (node, path, out = new Map(), seen = new Set()) => {
    if (!node) return out;
    switch (node.type) {
      case 'TSInterfaceDeclaration':
        for (const heritage of node.extends || []) members(heritage, path, out, seen);
        return members(node.body, path, out, seen);
      case 'TSTypeAliasDeclaration':
        return members(node.typeAnnotation, path, out, seen);
      case 'TSInterfaceBody':
      case 'TSTypeLiteral':
        for (const m of node.body || node.members) {
          const key = m.key?.name ?? m.key?.value;
          if (m.type === 'TSPropertySignature' && key !== undefined) {
            const doc = leadingJsdoc(m);
            if (doc || !out.has(key)) out.set(key, doc); // a documented declaration wins over a bare re-declaration
          }
        }
        return out;
      case 'TSIntersectionType':
      case 'TSUnionType':
        for (const t of node.types) members(t, path, out, seen);
        return out;
      case 'TSParenthesizedType':
        return members(node.typeAnnotation, path, out, seen);
      case 'TSTypeReference':
      case 'TSExpressionWithTypeArguments':
      case 'TSInterfaceHeritage':
        return referenceMembers(node, path, out, seen);
      default:
        return out;
    }
  };

  const referenceMembers = (node, path, out, seen) => {
    const name = refName(node);
    const [first, keys] = typeArgs(node);
    if (['Partial', 'Required', 'Readonly'].includes(name)) return members(first, path, out, seen);
    if (name === 'Pick' || name === 'Omit') {
      const listed = new Set(stringLiterals(keys));
      const inner = members(first, path, new Map(), seen);
      for (const [k, v] of inner) if (listed.has(k) === (name === 'Pick')) out.set(k, v);
      return out;
    }
    const found = name && lookup(path, name);
    if (!found || seen.has(found[0])) return out;
    seen.add(found[0]);
    return members(found[0], found[1], out, seen);
  };

  return {
    /** Prop descriptions of the type a component's props are declared with, as name -> description. */
    propDocs(typeNode, path) {
      return members(typeNode, path);
    },
    /** Prop descriptions of a type found by name (the `${Component}Props` convention). */
    propDocsByName(name, path) {
      const found = lookup(path, name);
      return found ? members(found[0], found[1]) : new Map();
    },
    file: fileIndex,
  };
}

/** The function a component is defined as (function declaration, arrow, memo(...)/forwardRef(...) argument). */
function componentFunction(node) {
  if (!node) return null;
  if (['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression'].includes(node.type)) return node;
  if (node.type === 'CallExpression') return componentFunction(node.arguments[0]);
  if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression') return componentFunction(node.expression);
  return null;
}

/** The type annotation of a component's props: its first parameter's, or the P of `const X: React.FC<P> = ...`. */
function propsTypeOf(decl) {
  const fn = componentFunction(decl.type === 'VariableDeclarator' ? decl.init : decl);
  const param = fn?.params?.[0];
  const annotation = param?.typeAnnotation?.typeAnnotation
    ?? (param?.type === 'AssignmentPattern' ? param.left.typeAnnotation?.typeAnnotation : null);
  if (annotation) return annotation;
  const declared = decl.id?.typeAnnotation?.typeAnnotation;
  if (declared) return typeArgs(declared)[0] || null;
  if (decl.init?.type === 'CallExpression') return typeArgs(decl.init).at(-1) || null; // forwardRef<R, P>(...)
  return null;
}

/**
 * Docs of a TypeScript component `name` defined in file `path`: the JSDoc above its declaration and the JSDoc of
 * its props type's members.
 * @returns {{description: string, props: Map<string, string>} | null}
 */
export function tsComponentDocs(typeIndex, path, name) {
  const file = typeIndex.file(path);
  if (!file) return null;
  let description = '';
  let propsType = null;
  for (const stmt of file.ast.program.body) {
    const inner = stmt.declaration && stmt.declaration.type !== 'Identifier' ? stmt.declaration : stmt;
    const decls = inner.type === 'VariableDeclaration' ? inner.declarations : [inner];
    for (const decl of decls) {
      if (decl.id?.name !== name) continue;
      // comments attach to the statement (export ... / const ...), or to the declaration itself
      description = leadingJsdoc(stmt) || leadingJsdoc(inner) || leadingJsdoc(decl) || description;
      propsType = propsTypeOf(decl) || propsType;
    }
  }
  const props = propsType ? typeIndex.propDocs(propsType, path) : typeIndex.propDocsByName(`${name}Props`, path);
  return { description, props };
}
