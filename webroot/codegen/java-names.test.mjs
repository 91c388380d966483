// node --test codegen/   (from webroot)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { className, factoryName } from './java-names.mjs';
import { javaType } from './java-types.mjs';

const dcc = { javaClass: 'Dcc', prefixed: ['Button'] };
const html = { javaClass: 'Html', prefixed: ['Link', 'Textarea'] };

test('a component named like a callback class takes its facade name in front and keeps its factory', () => {
  assert.equal(className('Input', dcc), 'DccInput');
  assert.equal(factoryName('Input', dcc), 'input');
  assert.equal(className('Output', html), 'HtmlOutput');
  assert.equal(factoryName('Output', html), 'output');
});

test('a component listed as prefixed takes the facade name on its class and its factory', () => {
  assert.equal(className('Button', dcc), 'DccButton');
  assert.equal(factoryName('Button', dcc), 'dccButton');
  assert.equal(className('Button', html), 'Button');
  assert.equal(factoryName('Button', html), 'button');
  assert.equal(factoryName('Textarea', html), 'htmlTextarea');
});

test('other names are unchanged, and a class shadowing a Java type still ends in Element', () => {
  assert.equal(className('Dropdown', dcc), 'Dropdown');
  assert.equal(className('Object', html), 'ObjectElement');
  assert.equal(factoryName('Object', html), 'objectElement');
});

test('a list of objects is a List of Maps, decoded item by item; other lists stay List<Object>', () => {
  const rows = javaType({ name: 'data', type: { name: 'arrayOf', value: { name: 'objectOf', value: { name: 'any' } } } });
  assert.equal(rows.propType, 'List<Map<String, Object>>');
  assert.equal(rows.propFactory, 'Prop.listOf(Prop.map("data"))');
  const cells = javaType({ name: 'cells', type: { name: 'arrayOf', value: { name: 'shape', value: {} } } });
  assert.equal(cells.propType, 'List<Map<String, Object>>');
  const labels = javaType({ name: 'labels', type: { name: 'arrayOf', value: { name: 'string' } } });
  assert.equal(labels.propType, 'List<Object>');
  assert.equal(labels.propFactory, 'Prop.list("labels")');
});
