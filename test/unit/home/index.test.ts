import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HelmHome, expandEnv, parseGoBool, resolveSettings } from '@helm-ts/core/home';

test('HelmHome: the §2.1 layout', () => {
  const h = new HelmHome('/h');
  assert.deepEqual(
    [h.repository, h.repositoryFile, h.repositoryLock, h.cache, h.cacheIndex('stable'), h.localRepository, h.archive, h.pluginCache, h.plugins, h.starters, h.tlsCaCert, h.tlsCert, h.tlsKey],
    ['/h/repository', '/h/repository/repositories.yaml', '/h/repository/repositories.lock', '/h/repository/cache', '/h/repository/cache/stable-index.yaml',
      '/h/repository/local', '/h/cache/archive', '/h/cache/plugins', '/h/plugins', '/h/starters', '/h/ca.pem', '/h/cert.pem', '/h/key.pem'],
  );
});

test('expandEnv is Go\'s os.ExpandEnv: $VAR and ${VAR}, unknown names empty', () => {
  const env = { A: 'x', B_2: 'y' };
  const cases: Array<[string, string]> = [['$A/$B_2', 'x/y'], ['${A}z', 'xz'], ['$NOPE-', '-'], ['a$', 'a$'], ['$$A', '$x']];
  for (const [in_, out] of cases) assert.equal(expandEnv(in_, env), out, in_);
});

test('parseGoBool is strconv.ParseBool', () => {
  for (const t of ['1', 't', 'T', 'TRUE', 'true', 'True']) assert.equal(parseGoBool(t), true, t);
  for (const f of ['0', 'f', 'F', 'FALSE', 'false', 'False']) assert.equal(parseGoBool(f), false, f);
  for (const x of ['yes', '', 'tRUE', undefined]) assert.equal(parseGoBool(x), undefined, String(x));
});

test('resolveSettings: flag > env > default, with Helm\'s env names and expansion', () => {
  const d = resolveSettings({}, { HOME: '/home/u' });
  assert.equal(d.home.root, '/home/u/.helm');
  assert.equal(d.host, '');
  assert.equal(d.tillerNamespace, 'kube-system');
  assert.equal(d.tillerConnectionTimeout, 300);
  assert.equal(d.debug, false);
  assert.deepEqual(d.pluginDirs, ['/home/u/.helm/plugins']);
  assert.equal(d.noPlugins, false);
  assert.equal(d.tls.caCert, '/home/u/.helm/ca.pem');

  const env = { HOME: '/home/u', HELM_HOME: '$HOME/h', HELM_HOST: 'e:1', TILLER_NAMESPACE: 'tn', HELM_DEBUG: 'true', HELM_PLUGIN: '/p1:/p2', HELM_NO_PLUGINS: '1', HELM_TLS_ENABLE: '1', HELM_TLS_CERT: '$HOME/c.pem' };
  const e = resolveSettings({}, env);
  assert.equal(e.home.root, '/home/u/h');
  assert.equal(e.host, 'e:1');
  assert.equal(e.tillerNamespace, 'tn');
  assert.equal(e.debug, true);
  assert.deepEqual(e.pluginDirs, ['/p1', '/p2']);
  assert.equal(e.noPlugins, true);
  assert.equal(e.tls.enable, true);
  assert.equal(e.tls.cert, '/home/u/c.pem');

  const f = resolveSettings({ home: '/f', host: 'f:2', 'tiller-namespace': 'fn', debug: false, 'tls-cert': '/x.pem' }, env);
  assert.equal(f.home.root, '/f');
  assert.equal(f.host, 'f:2');
  assert.equal(f.tillerNamespace, 'fn');
  assert.equal(f.debug, false);
  assert.equal(f.tls.cert, '/x.pem');
  assert.equal(resolveSettings({}, { HELM_NO_PLUGINS: 'true' }).noPlugins, false);
});
