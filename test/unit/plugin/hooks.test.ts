import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveSettings } from '@helm-ts/core/home';
import { goPlatform, loadDir, runHook } from '@helm-ts/core/plugin';
import { tempDir } from '../../support/helm.js';
import { writePlugin } from '../../support/helm-plugin-fixtures.js';

test('hooks run with sh -c in the plugin environment; a missing hook is a no-op; failure is Helm\'s error', async () => {
  const home = tempDir();
  const dir = writePlugin(join(home, 'plugins'), 'h', `name: hooked
hooks:
  install: "echo \\"$HELM_PLUGIN_NAME $HELM_PLUGIN_DIR\\" > $HELM_HOME/out; echo shell-ok >> $HELM_HOME/out"
  delete: "exit 4"
`, {});
  const settings = resolveSettings({ home }, {});
  const p = loadDir(dir);
  await runHook(p, 'install', settings, '/bin/helm', {});
  assert.equal(readFileSync(join(home, 'out'), 'utf8'), `hooked ${dir}\nshell-ok\n`);
  await runHook(p, 'update', settings, '/bin/helm', {});
  await assert.rejects(runHook(p, 'delete', settings, '/bin/helm', {}), /plugin delete hook for "hooked" exited with error/);
});

test('platformHooks for this platform take precedence over hooks and run without a shell', async () => {
  const home = tempDir();
  const { os } = goPlatform();
  const dir = writePlugin(join(home, 'plugins'), 'p', `name: plat
hooks:
  install: "echo from-hooks > $HELM_HOME/out"
platformHooks:
  install:
  - os: ${os}
    command: "$HELM_PLUGIN_DIR/hook.sh $HELM_PLUGIN_NAME"
`, { 'hook.sh': '#!/bin/sh\necho "from-platform $1" > "$HELM_HOME/out"\n' });
  await runHook(loadDir(dir), 'install', resolveSettings({ home }, {}), '/bin/helm', {});
  assert.equal(readFileSync(join(home, 'out'), 'utf8'), 'from-platform plat\n');
});
