// `npm run sandbox`: starts the Kubernetes API emulator and tiller on loopback and keeps them running until
// Ctrl-C. Point bin/helm at it with the printed exports (KUBECONFIG, HELM_HOME): helm finds tiller through
// a port-forward to the tiller pod, as Helm v2 does. The cluster state is kept in .sandbox/state.json.
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { startSandbox } = await import(join(root, 'test', 'dist', 'support', 'sandbox.js'));
const dir = join(root, '.sandbox');
mkdirSync(dir, { recursive: true });
const sb = await startSandbox({ dir, stateFile: join(dir, 'state.json'), controllerDelayMs: 500 });
console.log(`Kubernetes API emulator: ${sb.emulator.url}`);
console.log(`tiller: ${sb.tillerHost} (pod kube-system/tiller-deploy-sandbox forwards 44134 to it)\n`);
console.log('In another shell:');
console.log(`  export KUBECONFIG=${sb.kubeconfig} HELM_HOME=${sb.helmHome}`);
console.log(`  bin/helm init --client-only --skip-refresh && bin/helm install test/e2e/fixtures/webapp --name demo\n`);
console.log('Ctrl-C stops the sandbox.');
const stop = async () => { await sb.stop(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
