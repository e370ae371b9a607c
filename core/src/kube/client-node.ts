import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as ClientNode from '@kubernetes/client-node';

/**
 * The two classes of @kubernetes/client-node the kube layer uses. The build bundles them into one file
 * (scripts/bundle-client-node.mjs) because importing the package loads its whole generated API, which cost
 * ~0.6 s of CPU in every release command; without a bundle (or one for another client-node version, or
 * with HELM_TS_NO_BUNDLE=1) the package itself is imported.
 */
interface ClientNodeParts {
  KubeConfig: typeof ClientNode.KubeConfig;
  PortForward: typeof ClientNode.PortForward;
}

async function load(): Promise<ClientNodeParts> {
  const bundle = fileURLToPath(new URL('./client-node.bundle.cjs', import.meta.url));
  const require = createRequire(import.meta.url);
  if (process.env.HELM_TS_NO_BUNDLE !== '1' && existsSync(bundle)) {
    try {
      const version = (require('@kubernetes/client-node/package.json') as { version: string }).version;
      if (readFileSync(`${bundle}.version`, 'utf8') === version) return require(bundle) as ClientNodeParts;
    } catch {
      // a stale or unreadable bundle: use the package
    }
  }
  return import('@kubernetes/client-node');
}

const parts = await load();
export const KubeConfig = parts.KubeConfig;
export type KubeConfig = ClientNode.KubeConfig;
export const PortForward = parts.PortForward;
