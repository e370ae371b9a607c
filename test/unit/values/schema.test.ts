import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadChart } from '@helm-ts/core/chart';
import { coalesceValues, mergeValues, validateAgainstSchema, validateAgainstSingleSchema } from '@helm-ts/core/values';
import { chartFixture } from '../../support/chart-fixtures.js';

const schema = JSON.stringify({
  $schema: 'http://json-schema.org/schema#',
  type: 'object',
  required: ['image', 'missing'],
  additionalProperties: false,
  properties: {
    replicaCount: { type: 'integer', minimum: 2 },
    image: { type: 'object', properties: { tag: { type: 'string', enum: ['a', 'b'] }, pullPolicy: { type: 'string' } }, required: ['pullPolicy'] },
    list: { type: 'array', items: { type: 'string' }, maxItems: 1 },
    name: { type: ['integer', 'null'], pattern: '^a' },
    extra: {},
  },
});

// What the reference Helm 3.10.1 printed for `helm template r sch --set replicaCount=1.5,bogus=1`
// (property order is Go's map order there, so lines are compared as a set after the heading).
const helmSays = [
  "values don't meet the specifications of the schema(s) in the following chart(s):",
  'sch:',
  '- (root): missing is required',
  '- (root): Additional property bogus is not allowed',
  '- list.0: Invalid type. Expected: string, given: integer',
  '- list.1: Invalid type. Expected: string, given: integer',
  '- list: Array must have at most 1 items',
  '- name: Invalid type. Expected: [integer,null], given: string',
  '- replicaCount: Invalid type. Expected: integer, given: string',
  '- image: pullPolicy is required',
  '- image.tag: image.tag must be one of the following: "a", "b"',
  '',
];

test('schema errors read as Helm 3 prints them', async () => {
  const dir = join(chartFixture({
    'sch/Chart.yaml': 'apiVersion: v2\nname: sch\nversion: 0.1.0\n',
    'sch/values.yaml': 'replicaCount: 1\nimage:\n  tag: x\nlist: [1, 2]\nname: foo\n',
    'sch/values.schema.json': schema,
  }), 'sch');
  const chart = await loadChart(dir);
  const user = await mergeValues({ set: ['replicaCount=1.5,bogus=1'] });
  assert.throws(() => validateAgainstSchema(chart, coalesceValues(chart, user)), (e: Error) => {
    const lines = e.message.split('\n');
    assert.deepEqual(lines.slice(0, 2), helmSays.slice(0, 2));
    assert.deepEqual([...lines].sort(), [...helmSays].sort());
    // an array reports its items before itself; the root's own errors come first
    assert.ok(lines.indexOf('- list.1: Invalid type. Expected: string, given: integer') < lines.indexOf('- list: Array must have at most 1 items'));
    assert.equal(lines[2], '- (root): missing is required');
    return true;
  });
});

test('valid values pass; subcharts validate their own section', async () => {
  const dir = join(chartFixture({
    'p/Chart.yaml': 'apiVersion: v2\nname: p\nversion: 0.1.0\n',
    'p/values.schema.json': '{"type":"object","properties":{"n":{"type":"integer"}}}',
    'p/values.yaml': 'n: 3\n',
    'p/charts/s/Chart.yaml': 'apiVersion: v2\nname: s\nversion: 0.1.0\n',
    'p/charts/s/values.yaml': 'port: 80\n',
    'p/charts/s/values.schema.json': '{"type":"object","required":["port"],"properties":{"port":{"type":"integer","maximum":100}}}',
  }), 'p');
  const chart = await loadChart(dir);
  validateAgainstSchema(chart, coalesceValues(chart, {}));
  const bad = coalesceValues(chart, await mergeValues({ set: ['s.port=1000'] }));
  assert.throws(() => validateAgainstSchema(chart, bad), (e: Error) =>
    e.message === "values don't meet the specifications of the schema(s) in the following chart(s):\ns:\n- port: Must be less than or equal to 100\n");
});

test('keyword messages follow gojsonschema', () => {
  const rows: [object, object, string][] = [
    [{ properties: { s: { minLength: 3 } } }, { s: 'ab' }, '- s: String length must be greater than or equal to 3\n'],
    [{ properties: { s: { pattern: '^x' } } }, { s: 'ab' }, "- s: Does not match pattern '^x'\n"],
    [{ properties: { n: { exclusiveMinimum: 5 } } }, { n: 5 }, '- n: Must be greater than 5\n'],
    [{ properties: { n: { multipleOf: 2 } } }, { n: 3 }, '- n: Must be a multiple of 2\n'],
    [{ properties: { a: { minItems: 2 } } }, { a: [1] }, '- a: Array must have at least 2 items\n'],
    [{ properties: { o: { type: 'object' } } }, { o: 'str' }, '- o: Invalid type. Expected: object, given: string\n'],
    [{ properties: { b: { type: 'boolean' } } }, { b: 1.5 }, '- b: Invalid type. Expected: boolean, given: number\n'],
  ];
  for (const [s, v, want] of rows) {
    assert.equal(validateAgainstSingleSchema(v as never, new TextEncoder().encode(JSON.stringify(s))), want);
  }
});

test('uniqueItems names every repeated item against the latest earlier equal one, as gojsonschema does', () => {
  const s = new TextEncoder().encode(JSON.stringify({ type: 'object', properties: { ports: { type: 'array', uniqueItems: true }, objs: { type: 'array', uniqueItems: true } } }));
  const out = validateAgainstSingleSchema({ ports: [80, 80, 'x', 80, 1.0, 1, 'x'], objs: [{ a: 1, b: 2 }, { b: 2, a: 1 }, [1], [1]] }, s, 'sc');
  // Lines of the reference's `helm template` for this schema and these values (as a set: Go map order).
  assert.deepEqual(out.trim().split('\n').sort(), [
    '- objs: array items[0,1] must be unique',
    '- objs: array items[2,3] must be unique',
    '- ports: array items[0,1] must be unique',
    '- ports: array items[1,3] must be unique',
    '- ports: array items[2,6] must be unique',
    '- ports: array items[4,5] must be unique',
  ]);
});
