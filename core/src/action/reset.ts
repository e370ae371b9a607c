import { HelmError } from '../errors/index.js';
import type { HelmSettings } from '../home/index.js';
import { StatusCode } from '../proto/types.js';
import { withTiller } from './tiller-connection.js';
import { TILLER_NAME, TILLER_SECRET } from './tiller-install.js';

export interface ResetOptions {
  force?: boolean;
  removeHelmHome?: boolean;
}

/**
 * `helm reset` (spec §1.3): refuses while DEPLOYED releases exist (unless --force), then deletes tiller's
 * Service, Deployment and Secret, ignoring NotFound, and optionally $HELM_HOME.
 */
export async function resetTiller(o: ResetOptions, settings: HelmSettings): Promise<void> {
  if (!o.force) {
    const res = await withTiller(settings, ({ client }) => client.listReleases({ status_codes: [StatusCode.DEPLOYED] }));
    const n = res?.releases?.length ?? 0;
    if (n > 0) throw new HelmError(`there are still ${n} deployed releases (Tip: use --force to remove Tiller. Releases will not be deleted.)`);
  }
  const { KubeClient, isNotFound } = await import('../kube/index.js');
  const kube = KubeClient.fromKubeconfig({ kubeconfig: settings.kubeconfig || undefined, context: settings.kubeContext || undefined });
  try {
    const ns = settings.tillerNamespace;
    for (const [apiVersion, kind, name] of [['v1', 'Service', TILLER_NAME], ['apps/v1', 'Deployment', TILLER_NAME], ['v1', 'Secret', TILLER_SECRET]] as const) {
      try {
        await kube.delete(ns, `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n`);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
  } finally {
    kube.close();
  }
  if (o.removeHelmHome) {
    const { rm } = await import('node:fs/promises');
    await rm(settings.home.root, { recursive: true, force: true });
  }
}
