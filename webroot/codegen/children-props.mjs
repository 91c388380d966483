// Which props of a component hold components, in Dash's path notation: what dash-renderer needs as
// `children_props` to render components found outside `children`. A port of Dash's
// dash/development/_collect_nodes.py (collect_nodes and friends, the version with objectOf support), kept
// line-for-line close so the two agree, quirks included:
//   node/element            -> "prop"
//   arrayOf(node)           -> "prop"       (not "prop[]": a list of components is a node too)
//   arrayOf(shape{label})   -> "prop[].label"
//   objectOf(node)          -> "prop{}"
//   shape{a: node}          -> "prop.a"
//   union                   -> whatever its members give, at the same path
// Dash quirks preserved on purpose: arrayOf(arrayOf(..)) and objectOf(arrayOf(..)) give nothing, and a path can
// appear twice (a union of node and arrayOf(node)). Dash leaves `children` out of the list.

const NODE_NAMES = new Set(['node', 'element']);
const SHAPE_NAMES = new Set(['shape', 'exact']);

function collectArray(aValue, base, nodes) {
  const aType = aValue.name;
  if (NODE_NAMES.has(aType)) nodes.push(base);
  else if (SHAPE_NAMES.has(aType)) collectNodes(aValue.value, `${base}[]`, nodes);
  else if (aType === 'union') collectUnion(aValue.value, `${base}[]`, nodes);
  else if (aType === 'objectOf') collectObject(aValue.value, `${base}[]`, nodes);
  return nodes;
}

function collectUnion(typeList, base, nodes) {
  for (const t of typeList) {
    if (NODE_NAMES.has(t.name)) nodes.push(base);
    else if (SHAPE_NAMES.has(t.name)) collectNodes(t.value, base, nodes);
    else if (t.name === 'arrayOf') collectArray(t.value, base, nodes);
    else if (t.name === 'objectOf') collectObject(t.value, base, nodes);
  }
  return nodes;
}

function collectObject(oValue, base, nodes) {
  const oName = oValue?.name;
  const oKey = `${base}{}`;
  if (NODE_NAMES.has(oName)) nodes.push(oKey);
  else if (SHAPE_NAMES.has(oName)) collectNodes(oValue.value || {}, oKey, nodes);
  else if (oName === 'union') collectUnion(oValue.value, oKey, nodes);
  else if (oName === 'arrayOf') collectArray(oValue, oKey, nodes); // sic: Dash passes the arrayOf itself
  return nodes;
}

/** @param metadata {propName: type} in declaration order (shape values have this form too) */
export function collectNodes(metadata, base = '', nodes = []) {
  for (const [propName, value] of Object.entries(metadata)) {
    const tValue = value.type || value; // Dash metadata nests the type under "type" at the top level only
    const pType = tValue.name;
    const key = base ? `${base}.${propName}` : propName;
    if (NODE_NAMES.has(pType)) nodes.push(key);
    else if (pType === 'arrayOf') collectArray(tValue.value || tValue, key, nodes);
    else if (SHAPE_NAMES.has(pType)) collectNodes(tValue.value, key, nodes);
    else if (pType === 'union') collectUnion(tValue.value, key, nodes);
    else if (pType === 'objectOf') collectObject(tValue.value || {}, key, nodes);
  }
  return nodes;
}

/** A component's children_props: every prop but `children`, as Dash's generator calls collect_nodes. */
export function childrenProps(props) {
  const metadata = {};
  for (const p of props) if (p.name !== 'children') metadata[p.name] = p.type;
  return collectNodes(metadata);
}
