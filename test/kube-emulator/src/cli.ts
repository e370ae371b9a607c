import { parseArgs } from 'node:util';
import { startEmulator } from './index.js';

const USAGE = 'usage: kube-emulator --kubeconfig FILE [--port N] [--state FILE] [--controller-delay MS] [--insecure-http] [--port-forward-default HOST:PORT]';

/** `kube-emulator --kubeconfig FILE [--port N] [--state FILE]`: serves until SIGTERM or SIGINT. */
export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      kubeconfig: { type: 'string' },
      port: { type: 'string' },
      state: { type: 'string' },
      'controller-delay': { type: 'string' },
      'insecure-http': { type: 'boolean' },
      'port-forward-default': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.kubeconfig) {
    (values.help ? process.stdout : process.stderr).write(`${USAGE}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const emulator = await startEmulator({
    kubeconfigPath: values.kubeconfig,
    port: values.port ? Number(values.port) : 0,
    stateFile: values.state,
    controllerDelayMs: values['controller-delay'] ? Number(values['controller-delay']) : undefined,
    tls: !values['insecure-http'],
    portForwardDefault: values['port-forward-default'],
  });
  process.stdout.write(`kube-emulator listening on ${emulator.url}; kubeconfig written to ${values.kubeconfig}\n`);
  const stop = (): void => { emulator.close().then(() => process.exit(0), () => process.exit(1)); };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
