import { HelmError } from '@helm-ts/core/errors';
import type { HelmSettings } from '@helm-ts/core/home';
import type { VersionInfo } from '@helm-ts/core/version';

/**
 * The server half of `helm version` (cmd/helm/version.go): the connection is set up first (its errors,
 * such as `could not find tiller`, show as they are), then GetVersion; an Unimplemented answer is
 * `server is too old to know its version`, any other failure `cannot connect to Tiller`.
 */
export async function getServerVersion(settings: HelmSettings): Promise<VersionInfo> {
  const { connectToTiller } = await import('@helm-ts/core/action/tiller-connection');
  const conn = await connectToTiller(settings);
  try {
    const { Version: v = {} } = await conn.client.getVersion();
    return { semVer: v.sem_ver ?? '', gitCommit: v.git_commit ?? '', gitTreeState: v.git_tree_state ?? '' };
  } catch (err) {
    const code = ((err as { cause?: { code?: unknown } }).cause?.code);
    if (code === 12) throw new HelmError('server is too old to know its version', { cause: err });
    throw new HelmError('cannot connect to Tiller', { cause: err });
  } finally {
    conn.close();
  }
}
