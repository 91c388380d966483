// node --test codegen/   (from webroot)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { createBrowserSandbox } from './browser-sandbox.mjs';
import { childrenProps, collectNodes } from './children-props.mjs';
import { extract } from './extract.mjs';
import { createRecorder, describe, isRequired } from './proptypes-recorder.mjs';

const require = createRequire(import.meta.url);

test('collectNodes agrees with Dash on its own test metadata (tests/unit/development/test_collect_nodes.py)', () => {
  const metadata = {
    string: { type: { name: 'string' } },
    shape: { type: { name: 'shape', value: { single: { type: { name: 'number' } }, node: { type: { name: 'node' } } } } },
    list_of_nodes: { type: { name: 'arrayOf', value: { name: 'node' } } },
    list_of_union: { type: { name: 'arrayOf', value: { name: 'union', value: [
      { name: 'shape', value: { a: { type: { name: 'string' } }, b: { type: { name: 'element' } } } },
      { name: 'node' }] } } },
    list_of_shapes: { type: { name: 'arrayOf',
      value: { name: 'shape', value: { label: { name: 'node' }, value: { name: 'string' } } } } },
    mixed: { type: { name: 'union', value: [{ name: 'number' }, { name: 'element' }] } },
    direct: { type: { name: 'node' } },
    nested_list: { type: { name: 'shape', value: { list: { type: { name: 'arrayOf',
      value: { name: 'shape', value: { component: { name: 'node' } } } } } } } },
  };
  assert.deepEqual(collectNodes(metadata), ['shape.node', 'list_of_nodes', 'list_of_union[].b', 'list_of_union[]',
    'list_of_shapes[].label', 'mixed', 'direct', 'nested_list.list[].component']);
});

test('childrenProps: objectOf paths, and children left out', () => {
  const props = [
    { name: 'children', type: { name: 'node' } },
    { name: 'labels', type: { name: 'objectOf', value: { name: 'node' } } },
    { name: 'items', type: { name: 'objectOf', value: { name: 'shape', value: { icon: { name: 'element' } } } } },
    { name: 'rows', type: { name: 'arrayOf', value: { name: 'objectOf', value: { name: 'node' } } } },
  ];
  assert.deepEqual(childrenProps(props), ['labels{}', 'items{}.icon', 'rows[]{}']);
});

test('the recorder describes validators, required marks and nesting', () => {
  const pt = createRecorder();
  assert.deepEqual(describe(pt.string), { name: 'string' });
  assert.equal(isRequired(pt.string.isRequired), true);
  assert.equal(isRequired(pt.string), false);
  assert.deepEqual(describe(pt.oneOf(['a', 'b'])), { name: 'enum', value: ['a', 'b'] });
  assert.deepEqual(describe(pt.arrayOf(pt.exact({ label: pt.node.isRequired, n: pt.number }))), {
    name: 'arrayOf',
    value: { name: 'exact', value: { label: { name: 'node', required: true }, n: { name: 'number', required: false } } },
  });
  assert.deepEqual(describe(pt.oneOfType([pt.string, pt.objectOf(pt.bool)])),
    { name: 'union', value: [{ name: 'string' }, { name: 'objectOf', value: { name: 'bool' } }] });
  assert.deepEqual(describe(() => null), { name: 'custom' });
  assert.equal(pt.string({}, 'x', 'C'), null); // validators stay callable
});

for (const build of ['prop-types.min.js', 'prop-types.js']) {
  test(`a bundle's own copy of prop-types (${build}) records too`, () => {
    const sandbox = createBrowserSandbox({ recorder: createRecorder() });
    const source = readFileSync(require.resolve(`prop-types/${build}`), 'utf8');
    // as webpack would include it: a CommonJS module, not window.PropTypes
    const inlined = sandbox.runScript(`(function () { var module = {exports: {}}, exports = module.exports;
      ${source}
      return module.exports; })()`, '/inline.js');
    assert.notEqual(inlined, sandbox.global.PropTypes);
    assert.deepEqual(describe(inlined.arrayOf(inlined.string).isRequired), { name: 'arrayOf', value: { name: 'string' } });
  });
}

test('html and cytoscape: types, wildcards, docs from source maps and a .dev.js', async () => {
  const { packages: [html, cyto] } = await extract([
    { npm: 'dash-html-components', namespace: 'dash_html_components', javaClass: 'Html',
      scripts: ['dash_html_components/dash_html_components.min.js'] },
    { npm: 'dash-cytoscape', namespace: 'dash_cytoscape', javaClass: 'Cytoscape',
      scripts: ['dash_cytoscape/dash_cytoscape.min.js'] },
  ]);
  const div = html.components.find((c) => c.name === 'Div');
  assert.deepEqual(div.props.find((p) => p.name === 'n_clicks').type, { name: 'number' });
  assert.deepEqual(div.wildcardPrefixes, ['data-', 'aria-']);
  assert.match(div.description, /<div> HTML5 element/);
  assert.equal(div.props.some((p) => p.name === 'setProps' || p.name === 'loading_state'), false);
  const names = html.components.map((c) => c.name);
  assert.deepEqual(names, [...names].sort());
  const [cytoscape] = cyto.components;
  assert.equal(cytoscape.props.find((p) => p.name === 'layout').type.value.name.required, true);
  assert.ok(cytoscape.props.every((p) => p.type.name !== 'func'));
  assert.match(cytoscape.description, /network visualization/);
});
