import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAbsoluteURL, resolveReferenceURL, urlEqual, urlJoin } from '@helm-ts/core/repo';

test('urlJoin joins paths and keeps the query (urlutil.URLJoin)', () => {
  assert.equal(urlJoin('http://example.com', 'a.tgz'), 'http://example.com/a.tgz');
  assert.equal(urlJoin('http://example.com/charts/', 'sub', 'a.tgz'), 'http://example.com/charts/sub/a.tgz');
  assert.equal(urlJoin('https://example.com/c?sig=1', 'a.tgz'), 'https://example.com/c/a.tgz?sig=1');
});

test('resolveReferenceURL resolves against the repo URL with a trailing slash', () => {
  const cases: [string, string, string][] = [
    ['http://localhost:8123/charts', 'nginx-0.2.0.tgz', 'http://localhost:8123/charts/nginx-0.2.0.tgz'],
    ['http://localhost:8123/charts/', 'nginx-0.2.0.tgz', 'http://localhost:8123/charts/nginx-0.2.0.tgz'],
    ['http://localhost:8123/charts?with=queryparameter', 'nginx-0.2.0.tgz', 'http://localhost:8123/charts/nginx-0.2.0.tgz?with=queryparameter'],
    ['http://localhost:8123/charts', 'https://other.example/x.tgz', 'https://other.example/x.tgz'],
  ];
  for (const [base, ref, want] of cases) assert.equal(resolveReferenceURL(base, ref), want);
});

test('urlEqual ignores trailing slashes only', () => {
  assert.ok(urlEqual('http://example.com/charts/', 'http://example.com/charts'));
  assert.ok(urlEqual('http://example.com', 'http://example.com/'));
  assert.ok(!urlEqual('http://example.com/charts', 'http://example.com/other'));
  assert.ok(!urlEqual('http://example.com/charts', 'https://example.com/charts'));
});

test('isAbsoluteURL tells chart URLs from repo/chart references', () => {
  assert.ok(isAbsoluteURL('https://example.com/a.tgz'));
  assert.ok(isAbsoluteURL('s3://bucket/a.tgz'));
  assert.ok(!isAbsoluteURL('stable/nginx'));
  assert.ok(!isAbsoluteURL('./nginx'));
});
