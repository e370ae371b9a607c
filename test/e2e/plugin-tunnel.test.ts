import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { join } from 'node:path';
import { KubeClient } from '@helm-ts/core/kube';
import { tempDir } from '../support/helm.js';
import { runHelmAsync, writePlugin } from '../support/helm-plugin-fixtures.js';
import { startTestEmulator } from '../support/kube-emulator.js';

// The plugin talks to TILLER_HOST with bash's /dev/tcp: a ping through the tunnel comes back from the echo
// server the tiller pod's port-forward annotation names.
const pingScript = `#!/bin/bash
exec 3<>"/dev/tcp/\${TILLER_HOST%:*}/\${TILLER_HOST##*:}" || exit 9
printf ping >&3
read -r -n 4 reply <&3
echo "host=$TILLER_HOST reply=$reply args=$*"
`;

test('useTunnel without --host: Helm port-forwards to the Ready tiller pod and passes TILLER_HOST', async () => {
  const em = await startTestEmulator();
  const echo = net.createServer((s) => s.pipe(s));
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
  const kube = KubeClient.fromKubeconfig({ kubeconfig: em.kubeconfigPath });
  try {
    const port = (echo.address() as net.AddressInfo).port;
    await kube.create('kube-system', `apiVersion: v1\nkind: Pod\nmetadata: {name: tiller-deploy-1, labels: {app: helm, name: tiller}, annotations: {kube-emulator.helm-ts.dev/port-forward: "127.0.0.1:${port}"}}\nspec: {containers: [{name: tiller, image: tiller}]}\n`);
    for (let i = 0; i < 100; i++) {
      if (await kube.findPod('kube-system', 'app=helm,name=tiller').catch(() => '')) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const home = tempDir();
    writePlugin(join(home, 'plugins'), 'tun', 'name: tun\nuseTunnel: true\ncommand: "$HELM_PLUGIN_DIR/ping.sh"\n', { 'ping.sh': pingScript });
    const env = { HELM_HOME: home, KUBECONFIG: em.kubeconfigPath };
    const r = await runHelmAsync(['tun', 'a'], { env });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^host=127\.0\.0\.1:\d+ reply=ping args=a\n$/);
    assert.doesNotMatch(r.stdout, new RegExp(`:${port} `));
    const none = await runHelmAsync(['tun', '--tiller-namespace', 'default'], { env });
    assert.equal(none.status, 1);
    assert.equal(none.stderr, 'Error: could not find tiller\n');
  } finally {
    kube.close();
    echo.close();
    await em.close();
  }
});
