import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolvePlain, isYamlTimestamp } from '@helm-ts/core/encoding';
import { loadFixture } from '../../support/encoding-fixtures.js';

// Every `a: <plain scalar>` the reference Helm read through fromYaml tells how go-yaml typed it.
test('resolvePlain agrees with go-yaml on every fixture scalar', () => {
  const cases = loadFixture('from-yaml.json');
  let checked = 0;
  for (const c of cases) {
    const m = /^a: ([^\n]*)$/.exec(c.input as string);
    if (!m || /^[\s"'|>&*!\[{#@`%]/.test(m[1]!) || m[1]!.includes(' #') || /\s$/.test(m[1]!) || /[\u0000-\u001f\u0085\u2028\u2029\ufeff]/.test(m[1]!)) continue;
    const got = JSON.parse(c.expected) as Record<string, unknown>;
    if (!('a' in got) || 'Error' in got) continue;
    const want = got.a;
    const r = resolvePlain(m[1]!);
    checked++;
    switch (typeof want) {
      case 'boolean': assert.deepEqual([r.tag, r.value], ['bool', want], m[1]); break;
      case 'number': assert.ok(r.tag === 'int' || r.tag === 'float', m[1]); assert.equal(Number(r.value), want, m[1]); break;
      case 'string': assert.ok(r.tag === 'str' || r.tag === 'timestamp', `${m[1]} → ${r.tag}`); break;
      default: if (want === null) assert.equal(r.tag, 'null', JSON.stringify(m[1]));
    }
  }
  assert.ok(checked > 150, String(checked));
});

test('resolvePlain details', () => {
  assert.deepEqual(resolvePlain('0777'), { tag: 'int', value: 511n });
  assert.deepEqual(resolvePlain('1_000'), { tag: 'int', value: 1000n });
  assert.deepEqual(resolvePlain('0b101'), { tag: 'int', value: 5n });
  assert.deepEqual(resolvePlain('18446744073709551615'), { tag: 'int', value: 18446744073709551615n });
  assert.equal(resolvePlain('1e400').tag, 'str');
  assert.equal(resolvePlain('08').tag, 'float');
  assert.equal(resolvePlain('<<').tag, 'str');
  assert.ok(Number.isNaN(resolvePlain('.NaN').value));
});

test('isYamlTimestamp follows go-yaml v2 layouts and Go range checks', () => {
  for (const s of ['2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10', '2000-02-29', '2001-1-1']) {
    assert.equal(isYamlTimestamp(s), true, s);
  }
  for (const s of ['2001-02-29', '2001-13-01', '2001-12-14 21:59:43.10 -5', '20011-12-14', '2001-01-01T10:00:00', '2001-12']) {
    assert.equal(isYamlTimestamp(s), false, s);
  }
});
