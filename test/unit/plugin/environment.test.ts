import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveSettings } from '@helm-ts/core/home';
import { pluginEnv } from '@helm-ts/core/plugin';

test('pluginEnv sets the §12.3 variables, HELM_DEBUG only with --debug, never HELM_HOST', () => {
  const settings = resolveSettings({ home: '/h', host: 'th:1' }, {});
  assert.deepEqual(pluginEnv(settings, 'kb', '/h/plugins/kb', '/bin/helm', {}), {
    HELM_PLUGIN_NAME: 'kb', HELM_PLUGIN_DIR: '/h/plugins/kb', HELM_BIN: '/bin/helm', HELM_PLUGIN: '/h/plugins',
    HELM_HOME: '/h', HELM_PATH_REPOSITORY: '/h/repository', HELM_PATH_REPOSITORY_FILE: '/h/repository/repositories.yaml',
    HELM_PATH_CACHE: '/h/repository/cache', HELM_PATH_LOCAL_REPOSITORY: '/h/repository/local', HELM_PATH_STARTER: '/h/starters',
    TILLER_HOST: 'th:1', TILLER_NAMESPACE: 'kube-system',
  });
  const dbg = pluginEnv(resolveSettings({ debug: true }, { HELM_HOME: '/h' }), 'kb', '/d', 'helm', { HELM_PLUGIN: '/a:/b' });
  assert.equal(dbg.HELM_DEBUG, '1');
  assert.equal(dbg.HELM_PLUGIN, '/a:/b');
});
