import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cacheKey } from '@helm-ts/core/plugin';

// plugin/cache Key cases from Helm v2's cache_test.go, plus a local path.
const cases: Array<[string, string]> = [
  ['https://github.com/technosophos/helm-template', 'https-github.com-technosophos-helm-template'],
  ['git@github.com:technosophos/helm-template', 'git-github.com-technosophos-helm-template'],
  ['ssh://git@github.com/technosophos/helm-template', 'ssh-git-github.com-technosophos-helm-template'],
  ['http://example.com:8080/x.tgz', 'http-example.com-8080-x.tgz'],
  ['/tmp/some/repo', '-tmp-some-repo'],
];
for (const [url, key] of cases) test(`cacheKey ${url}`, () => assert.equal(cacheKey(url), key));
