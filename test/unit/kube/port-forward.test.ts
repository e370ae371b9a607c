import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { KubeClient, openPortForward } from '@helm-ts/core/kube';
import { startTestEmulator } from '../../support/kube-emulator.js';

let em: Awaited<ReturnType<typeof startTestEmulator>>;
let kube: KubeClient;
let echo: net.Server;
before(async () => {
  echo = net.createServer((s) => s.pipe(s));
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
  em = await startTestEmulator({ portForwardDefault: `127.0.0.1:${(echo.address() as net.AddressInfo).port}` });
  kube = KubeClient.fromKubeconfig({ kubeconfig: em.kubeconfigPath });
  await kube.create('default', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: i}]}\n');
  for (let i = 0; i < 100; i++) {
    if (await kube.findPod('default', '').catch(() => '')) break;
    await new Promise((r) => setTimeout(r, 20));
  }
});
after(async () => { kube.close(); await em.close(); echo.close(); });

test('a megabyte each way through the tunnel, on several connections', async () => {
  const fwd = await openPortForward(kube.config, 'default', 'p', 44134);
  const payload = Buffer.alloc(1 << 20, 7);
  const roundTrip = () => new Promise<number>((resolve, reject) => {
    const s = net.connect(fwd.localPort, '127.0.0.1', () => s.write(payload));
    let got = 0;
    s.on('data', (d) => { got += d.length; if (got >= payload.length) { s.end(); resolve(got); } });
    s.on('error', reject);
  });
  assert.deepEqual(await Promise.all([roundTrip(), roundTrip()]), [payload.length, payload.length]);
  fwd.close();
});

test('a pod that does not exist closes the local connection', async () => {
  const fwd = await openPortForward(kube.config, 'default', 'ghost', 44134);
  const closed = await new Promise<boolean>((resolve) => {
    const s = net.connect(fwd.localPort, '127.0.0.1');
    s.on('close', () => resolve(true));
    s.on('error', () => {});
  });
  assert.equal(closed, true);
  fwd.close();
});
