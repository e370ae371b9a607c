import { renameSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import type { Credentials } from './auth.js';
import type { Pki } from './tls.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');

/**
 * A kubeconfig kubectl and client-node load unchanged. Context `kube-emulator` is the admin (client certificate
 * over HTTPS, bearer token over HTTP); context `kube-emulator-viewer` is the read-only user.
 */
export function kubeconfigYaml(server: string, creds: Credentials, pki?: Pki): string {
  const cluster: Record<string, string | boolean> = { server };
  if (pki) cluster['certificate-authority-data'] = b64(pki.caCert);
  // client-node refuses plain HTTP unless TLS verification is declared off; kubectl ignores the flag there.
  else cluster['insecure-skip-tls-verify'] = true;
  const admin: Record<string, string> = pki
    ? { 'client-certificate-data': b64(pki.clientCert), 'client-key-data': b64(pki.clientKey) }
    : { token: creds.adminToken };
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'kube-emulator', cluster }],
    users: [
      { name: 'kube-emulator-admin', user: admin },
      { name: 'viewer', user: { token: creds.viewerToken } },
    ],
    contexts: [
      { name: 'kube-emulator', context: { cluster: 'kube-emulator', user: 'kube-emulator-admin', namespace: 'default' } },
      { name: 'kube-emulator-viewer', context: { cluster: 'kube-emulator', user: 'viewer', namespace: 'default' } },
    ],
    'current-context': 'kube-emulator',
    preferences: {},
  });
}

/** Written to a temporary name and renamed, so a reader never sees half a file. */
export function writeKubeconfig(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, path);
}
