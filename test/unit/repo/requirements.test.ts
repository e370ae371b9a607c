import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { hashReq } from '@helm-ts/core/repo';

const sha = (s: string): string => `sha256:${createHash('sha256').update(s).digest('hex')}`;

test('v1 digest: json.Marshal(Requirements) with Go field order, omitempty and HTML escaping', () => {
  const deps = [
    { name: 'web', version: '~1.0.0', repository: 'https://example.com/charts', alias: 'front', condition: 'web.enabled', tags: ['a<b'] },
    { name: 'db', repository: '', importValues: [{ parent: 'p', child: 'c' }, 'data'], enabled: true },
  ];
  assert.equal(hashReq(deps, false), sha(
    '{"dependencies":[{"name":"web","version":"~1.0.0","repository":"https://example.com/charts","condition":"web.enabled","tags":["a\\u003cb"],"alias":"front"},'
    + '{"name":"db","repository":"","enabled":true,"import-values":[{"child":"c","parent":"p"},"data"]}]}'));
  assert.equal(hashReq(undefined, false), sha('{"dependencies":null}'));
});

test('v2 digest (Helm 3): json.Marshal([requirements, lock])', () => {
  const req = [{ name: 'web', version: '>=1', repository: 'https://x' }];
  const lock = [{ name: 'web', version: '1.2.0', repository: 'https://x' }];
  assert.equal(hashReq(req, true, lock), sha('[[{"name":"web","version":"\\u003e=1","repository":"https://x"}],[{"name":"web","version":"1.2.0","repository":"https://x"}]]'));
});
