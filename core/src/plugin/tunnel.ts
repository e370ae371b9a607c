import { HelmError } from '../errors/index.js';
import type { TunnelProvider } from './run.js';

/** Where Helm v2 finds tiller (portforwarder.GetTillerPodName) and the port it listens on. */
export const tillerLabelSelector = 'app=helm,name=tiller';
export const tillerPort = 44134;

/**
 * setupConnection for a `useTunnel` plugin (spec §1.4): the first Ready tiller pod in --tiller-namespace,
 * port-forwarded from a free local port; TILLER_HOST becomes 127.0.0.1:<port>. The Kubernetes client is
 * loaded only here, as it is heavy.
 */
export const tillerTunnel: TunnelProvider = async (settings) => {
  const { existsSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { homedir } = await import('node:os');
  // client-go's loading rules find nothing: Helm's error, rather than client-node's default localhost:8080.
  const anyConfig = settings.kubeconfig || process.env.KUBECONFIG || process.env.KUBERNETES_SERVICE_HOST
    || existsSync(join(process.env.HOME ?? homedir(), '.kube', 'config'));
  if (!anyConfig) {
    throw new HelmError(`could not get Kubernetes config for context "${settings.kubeContext}": invalid configuration: no configuration has been provided`);
  }
  const { KubeClient } = await import('../kube/index.js');
  let client: InstanceType<typeof KubeClient>;
  try {
    client = KubeClient.fromKubeconfig({ kubeconfig: settings.kubeconfig || undefined, context: settings.kubeContext || undefined });
  } catch (err) {
    throw new HelmError(`could not get a kube client: ${(err as Error).message}`, { cause: err });
  }
  try {
    const pod = await client.findPod(settings.tillerNamespace, tillerLabelSelector);
    const forward = await client.portForward(settings.tillerNamespace, pod, tillerPort);
    return {
      host: `127.0.0.1:${forward.localPort}`,
      close: () => {
        forward.close();
        client.close();
      },
    };
  } catch (err) {
    client.close();
    throw err instanceof HelmError ? err : new HelmError((err as Error).message, { cause: err });
  }
};
