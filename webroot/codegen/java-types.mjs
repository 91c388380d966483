// How a prop's recorded PropTypes type becomes Java: the setter's parameter type, the Prop constant's type and its
// factory, and any enum to generate. The rules, in one table:
//   string -> String          number -> Number (n_* counters -> Integer)   bool -> Boolean
//   oneOf(strings) -> enum    arrayOf/array -> List<?>                     shape/exact/objectOf/object -> Map
//   arrayOf(shape/exact/objectOf/object) -> List<Map> (DataTable rows, Cytoscape elements: each item a map)
//   element -> Component      node/any/union/everything else -> Object (any JSON, components included)
//   style, *Style, *_style -> Map; n_*, *_n_* counters -> Integer (Dash's conventions, whatever is declared)
import { enumTypeName } from './java-names.mjs';

function isStringEnum(type) {
  return type.name === 'enum' && type.value.length > 0 && type.value.every((v) => typeof v === 'string');
}

function isMap(type) {
  return ['shape', 'exact', 'objectOf', 'object'].includes(type.name);
}

/** Unwraps a one-member union and merges unions of string enums into one enum. */
function simplify(type) {
  if (type.name !== 'union') return type;
  const members = type.value.map(simplify);
  if (members.length === 1) return members[0];
  if (members.every(isStringEnum)) {
    return { name: 'enum', value: [...new Set(members.flatMap((m) => m.value))] };
  }
  return { name: 'union', value: members };
}

/**
 * @returns {{param: string, propType: string, propFactory: string, enumType?: {name: string, values: string[]}}}
 *   param: the Java type of the fluent setter's argument; propType/propFactory: the Prop constant's declaration.
 */
export function javaType(prop) {
  const type = simplify(prop.type || { name: 'any' });
  const n = JSON.stringify(prop.name);
  // In Dash `style` (and inputStyle, parent_style, ...) is always a map of CSS properties, even where a TypeScript
  // component's propTypes say `any`.
  if (/^style$|Style$|_style$/.test(prop.name) && (type.name === 'any' || type.name === 'object')) {
    return { param: 'Map<String, ?>', propType: 'Map<String, Object>', propFactory: `Prop.map(${n})` };
  }
  // Dash's click and event counters (n_clicks, submit_n_clicks, n_intervals) are whole numbers.
  if (/(^|_)n_[a-z_]+$/.test(prop.name) && !prop.name.endsWith('_timestamp') && type.name === 'number') {
    return { param: 'Integer', propType: 'Integer', propFactory: `Prop.integer(${n})` };
  }
  switch (type.name) {
    case 'string':
      return { param: 'String', propType: 'String', propFactory: `Prop.string(${n})` };
    case 'number':
      return { param: 'Number', propType: 'Number', propFactory: `Prop.number(${n})` };
    case 'bool':
      return { param: 'Boolean', propType: 'Boolean', propFactory: `Prop.bool(${n})` };
    case 'enum':
      if (isStringEnum(type)) {
        const name = enumTypeName(prop.name);
        return { param: name, propType: name, propFactory: `Prop.enumeration(${n}, ${name}.class)`,
          enumType: { name, values: type.value } };
      }
      return { param: 'Object', propType: 'Object', propFactory: `Prop.any(${n})` };
    case 'arrayOf':
      if (isMap(simplify(type.value || { name: 'any' }))) {
        return { param: 'List<?>', propType: 'List<Map<String, Object>>',
          propFactory: `Prop.listOf(Prop.map(${n}))` };
      }
      return { param: 'List<?>', propType: 'List<Object>', propFactory: `Prop.list(${n})` };
    case 'array':
      return { param: 'List<?>', propType: 'List<Object>', propFactory: `Prop.list(${n})` };
    case 'shape':
    case 'exact':
    case 'objectOf':
    case 'object':
      return { param: 'Map<String, ?>', propType: 'Map<String, Object>', propFactory: `Prop.map(${n})` };
    case 'element':
      return { param: 'Component', propType: 'Object', propFactory: `Prop.any(${n})` };
    default:
      return { param: 'Object', propType: 'Object', propFactory: `Prop.any(${n})` };
  }
}
