// The CLI surface is locked: every command id and flag against a committed snapshot (a renamed flag fails
// here), and against Helm v2.17's command and flag table (spec §1.2), which every helm-ts command must cover.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/helm.js';

interface Surface { aliases: string[]; flags: string[] }

function currentSurface(): Record<string, Surface> {
  const out: Record<string, Surface> = {};
  for (const dir of readdirSync(join(repoRoot, 'plugins')).sort()) {
    const f = join(repoRoot, 'plugins', dir, 'oclif.manifest.json');
    if (!existsSync(f)) continue;
    const m = JSON.parse(readFileSync(f, 'utf8')) as { commands: Record<string, { aliases?: string[]; flags: Record<string, { char?: string }> }> };
    for (const [id, c] of Object.entries(m.commands)) {
      out[id.replaceAll(':', ' ')] = {
        aliases: (c.aliases ?? []).map((a) => a.replaceAll(':', ' ')).sort(),
        flags: Object.entries(c.flags).map(([k, v]) => k + (v.char ? `/-${v.char}` : '')).sort(),
      };
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

const GLOBAL = ['debug', 'home', 'host', 'kube-context', 'kubeconfig', 'tiller-connection-timeout', 'tiller-namespace'];
const TLS = ['tls', 'tls-ca-cert', 'tls-cert', 'tls-hostname', 'tls-key', 'tls-verify'];
const CHART = ['ca-file', 'cert-file', 'devel', 'key-file', 'keyring', 'password', 'repo', 'set', 'set-file', 'set-string', 'username', 'values/-f', 'verify', 'version'];

/** Helm v2.17's commands and their own flags (spec §1.2); global flags are added to all. */
const V2: Record<string, string[]> = {
  install: [...TLS, ...CHART, 'name/-n', 'namespace', 'dry-run', 'no-hooks', 'no-crd-hook', 'replace', 'name-template', 'timeout', 'wait', 'atomic', 'dep-up', 'render-subchart-notes', 'description', 'output/-o'],
  upgrade: [...TLS, ...CHART, 'dry-run', 'recreate-pods', 'force', 'no-hooks', 'install/-i', 'namespace', 'timeout', 'reset-values', 'reuse-values', 'wait', 'atomic', 'render-subchart-notes', 'description', 'cleanup-on-fail', 'output/-o'],
  delete: [...TLS, 'dry-run', 'no-hooks', 'purge', 'timeout', 'description'],
  rollback: [...TLS, 'dry-run', 'recreate-pods', 'force', 'no-hooks', 'timeout', 'wait', 'description', 'cleanup-on-fail'],
  status: [...TLS, 'revision', 'output/-o'],
  get: [...TLS, 'revision', 'template'],
  'get values': [...TLS, 'revision', 'all/-a', 'output'],
  'get manifest': [...TLS, 'revision'],
  'get hooks': [...TLS, 'revision'],
  'get notes': [...TLS, 'revision'],
  history: [...TLS, 'max', 'col-width', 'output/-o'],
  list: [...TLS, 'short/-q', 'date/-d', 'reverse/-r', 'max/-m', 'offset/-o', 'all/-a', 'deleted', 'deleting', 'deployed', 'failed', 'pending', 'namespace', 'col-width', 'output', 'chart-name/-c'],
  test: [...TLS, 'timeout', 'cleanup', 'parallel', 'max', 'logs'],
  reset: [...TLS, 'force/-f', 'remove-helm-home'],
  version: [...TLS, 'client/-c', 'server/-s', 'short', 'template'],
  create: ['starter/-p'],
  'dependency list': [],
  'dependency update': ['verify', 'keyring', 'skip-refresh'],
  'dependency build': ['verify', 'keyring'],
  fetch: ['untar', 'untardir', 'verify', 'prov', 'version', 'keyring', 'destination/-d', 'repo', 'cert-file', 'key-file', 'ca-file', 'devel', 'username', 'password'],
  inspect: ['verify', 'keyring', 'version', 'repo', 'username', 'password', 'devel', 'cert-file', 'key-file', 'ca-file'],
  'inspect values': ['verify', 'keyring', 'version', 'repo', 'username', 'password', 'devel', 'cert-file', 'key-file', 'ca-file'],
  'inspect chart': ['verify', 'keyring', 'version', 'repo', 'username', 'password', 'devel', 'cert-file', 'key-file', 'ca-file'],
  'inspect readme': ['verify', 'keyring', 'version', 'repo', 'devel', 'cert-file', 'key-file', 'ca-file'],
  lint: ['values/-f', 'set', 'set-string', 'set-file', 'namespace', 'strict'],
  package: ['save', 'sign', 'key', 'keyring', 'version', 'app-version', 'destination/-d', 'dependency-update/-u'],
  'repo add': ['username', 'password', 'no-update', 'cert-file', 'key-file', 'ca-file'],
  'repo list': ['output/-o'],
  'repo remove': [],
  'repo index': ['url', 'merge'],
  'repo update': ['strict'],
  search: ['regexp/-r', 'versions/-l', 'devel', 'version/-v', 'col-width', 'output/-o'],
  serve: ['repo-path', 'address', 'url'],
  verify: ['keyring'],
  template: ['notes', 'name/-n', 'is-upgrade', 'execute/-x', 'values/-f', 'namespace', 'set', 'set-string', 'set-file', 'name-template', 'kube-version', 'api-versions/-a', 'output-dir'],
  init: ['tiller-image/-i', 'canary-image', 'upgrade', 'force-upgrade', 'client-only/-c', 'dry-run', 'skip-refresh', 'skip-repos', 'wait', 'use-deprecated-stable-repository', 'tiller-tls', 'tiller-tls-verify', 'tiller-tls-key', 'tiller-tls-cert', 'tls-ca-cert', 'tiller-tls-hostname', 'stable-repo-url', 'local-repo-url', 'net-host', 'service-account', 'history-max', 'replicas', 'node-selectors', 'output/-o', 'override', 'automount-service-account-token'],
  home: [],
  'plugin install': ['version'],
  'plugin list': [],
  'plugin remove': [],
  'plugin update': [],
  completion: [],
};

test('every command and flag matches the committed snapshot', () => {
  const snapshot = JSON.parse(readFileSync(join(repoRoot, 'test', 'e2e', 'snapshots', 'command-snapshot.json'), 'utf8'));
  assert.deepEqual(currentSurface(), snapshot);
});

test('every Helm v2.17 command exists with all of its flags', () => {
  const surface = currentSurface();
  const missing: string[] = [];
  for (const [id, flags] of Object.entries(V2)) {
    const c = surface[id];
    if (!c) { missing.push(`command: ${id}`); continue; }
    for (const f of [...flags, ...GLOBAL]) if (!c.flags.includes(f)) missing.push(`${id} --${f}`);
  }
  assert.deepEqual(missing, []);
});
