import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HelmHome } from '@helm-ts/core/home';
import { VerificationStrategy, checkDigest, downloadTo, resolveChartVersion } from '@helm-ts/core/repo';
import { tempDir } from '../../support/helm.js';
import { newHelmHome, staticServer } from '../../support/repo-fixtures.js';

function homeWith(url: string, index: string): HelmHome {
  const root = newHelmHome();
  writeFileSync(join(root, 'repository', 'repositories.yaml'), `apiVersion: v1\nrepositories:\n- name: r\n  url: ${url}\n  username: ru\n  password: rp\n  cache: r-index.yaml\n`);
  writeFileSync(join(root, 'repository', 'cache', 'r-index.yaml'), index);
  return new HelmHome(root);
}

const index = (digest = ''): string => `apiVersion: v1
entries:
  rel:
  - {name: rel, version: 1.0.0, urls: [charts/rel-1.0.0.tgz]${digest ? `, digest: ${digest}` : ''}}
  abs:
  - {name: abs, version: 2.0.0, urls: ["https://cdn.example.com/abs-2.0.0.tgz"]}
  - {name: abs, version: 2.1.0-rc.1, urls: ["https://cdn.example.com/abs-2.1.0-rc.1.tgz"]}
  none:
  - {name: none, version: 1.0.0, urls: []}
`;

test('repo/chart resolves through the cached index: relative URLs against the repo URL (query kept), repo credentials', async () => {
  const home = homeWith('https://repo.example.com/sub?token=x', index());
  const r = await resolveChartVersion('r/rel', '', { home });
  assert.equal(r.url, 'https://repo.example.com/sub/charts/rel-1.0.0.tgz?token=x');
  assert.equal(r.getterOptions.username, 'ru');
  assert.equal((await resolveChartVersion('r/abs', '', { home })).url, 'https://cdn.example.com/abs-2.0.0.tgz');
  assert.equal((await resolveChartVersion('r/abs', '>0.0.0-0', { home })).url, 'https://cdn.example.com/abs-2.1.0-rc.1.tgz');
  const byURL = await resolveChartVersion('https://cdn.example.com/abs-2.0.0.tgz', '', { home, username: 'flag' });
  assert.equal(byURL.getterOptions.username, 'ru', 'a URL listed by a repository uses that repository\'s credentials');
  assert.equal((await resolveChartVersion('https://elsewhere/x.tgz', '', { home, username: 'flag' })).getterOptions.username, 'flag');
});

test('resolution errors name the problem', async () => {
  const home = homeWith('https://repo.example.com', index());
  await assert.rejects(resolveChartVersion('nope/x', '', { home }), /repo nope not found/);
  await assert.rejects(resolveChartVersion('plain', '', { home }), /Non-absolute URLs should be in form of repo_name\/path_to_chart, got: plain/);
  await assert.rejects(resolveChartVersion('r/rel', '9.9.9', { home }), /chart "rel" matching version "9\.9\.9" not found in r index\. \(try 'helm repo update'\)\. No chart version found for rel-9\.9\.9/);
  await assert.rejects(resolveChartVersion('r/none', '', { home }), /chart "r\/none" has no downloadable URLs/);
});

test('checkDigest accepts plain and sha256:-prefixed digests and refuses a mismatch', () => {
  const data = Buffer.from('abc');
  const hex = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
  checkDigest(data, { name: 'x', version: '1', urls: [], digest: hex }, 'x.tgz');
  checkDigest(data, { name: 'x', version: '1', urls: [], digest: `sha256:${hex}` }, 'x.tgz');
  checkDigest(data, { name: 'x', version: '1', urls: [] }, 'x.tgz');
  assert.throws(() => checkDigest(data, { name: 'x', version: '1', urls: [], digest: 'f'.repeat(64) }, 'x.tgz'), /digest mismatch for x\.tgz/);
});

test('downloadTo with VerifyAlways and no .prov fails without writing anything', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'rel-1.0.0.tgz'), 'archive');
  const s = await staticServer(dir);
  try {
    const home = homeWith(s.url, index().replace('charts/rel-1.0.0.tgz', 'rel-1.0.0.tgz'));
    const dest = tempDir();
    await assert.rejects(downloadTo('r/rel', '', dest, { home, verify: VerificationStrategy.Always, keyring: '/nonexistent' }), /Failed to fetch provenance "http:\/\/127\.0\.0\.1:\d+\/rel-1\.0\.0\.tgz\.prov"/);
    assert.deepEqual(readdirSync(dest), []);
    const warnings: string[] = [];
    const ok = await downloadTo('r/rel', '', dest, { home, verify: VerificationStrategy.IfPossible, warn: (w) => warnings.push(w) });
    assert.equal(ok.path, join(dest, 'rel-1.0.0.tgz'));
    assert.match(warnings[0]!, /^WARNING: Verification not found for r\/rel: Failed to fetch/);
  } finally {
    await s.close();
  }
});
