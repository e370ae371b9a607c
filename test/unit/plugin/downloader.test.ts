import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { resolveSettings } from '@helm-ts/core/home';
import { downloaderLookup, findDownloader, runDownloader } from '@helm-ts/core/plugin';
import { tempDir } from '../../support/helm.js';
import { writePlugin } from '../../support/helm-plugin-fixtures.js';

const getter = `#!/bin/sh
echo "argv:$*|name=$HELM_PLUGIN_NAME|dir=$HELM_PLUGIN_DIR|home=$HELM_HOME"
case "$*" in *fail*) echo "boom" >&2; exit 3;; esac
`;

function homeWithDownloader(): string {
  const home = tempDir();
  writePlugin(join(home, 'plugins'), 'a-s3', `name: s3
downloaders:
- command: "bin/get.sh --region eu"
  protocols: ["s3", "s3n"]
`, { 'bin/get.sh': getter });
  writePlugin(join(home, 'plugins'), 'b-other', 'name: other\ndownloaders:\n- command: x\n  protocols: [s3, gs]\n', {});
  return home;
}

test('findDownloader: the first plugin registering the scheme wins; unknown schemes have none', () => {
  const home = homeWithDownloader();
  const settings = resolveSettings({ home }, {});
  assert.equal(findDownloader('s3', settings)?.plugin.metadata.name, 's3');
  assert.equal(findDownloader('s3n', settings)?.command, 'bin/get.sh --region eu');
  assert.equal(findDownloader('gs', settings)?.plugin.metadata.name, 'other');
  assert.equal(findDownloader('ftp', settings), undefined);
});

test('runDownloader: <dir>/<command> with its words, then certFile keyFile caFile URL; stdout is the content', async () => {
  const home = homeWithDownloader();
  const settings = resolveSettings({ home }, {});
  const d = findDownloader('s3', settings)!;
  const out = await runDownloader(d, 's3://bucket/index.yaml', { certFile: 'c.pem', caFile: 'ca.pem' }, settings, '/bin/helm', {});
  assert.equal(out.toString(), `argv:--region eu c.pem  ca.pem s3://bucket/index.yaml|name=s3|dir=${join(home, 'plugins', 'a-s3')}|home=${home}\n`);
  await assert.rejects(runDownloader(d, 's3://bucket/fail.tgz', {}, settings, '/bin/helm', {}), /^HelmError: plugin "bin\/get\.sh" exited with error$/);
  const lookup = downloaderLookup(settings, '/bin/helm');
  assert.equal(lookup('ftp'), undefined);
  assert.match((await lookup('s3n')!.get('s3n://x')).toString(), /^argv:--region eu    s3n:\/\/x\|/);
});
