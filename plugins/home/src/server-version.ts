import { HelmError } from '@helm-ts/core/errors';
import type { HelmSettings } from '@helm-ts/core/home';
import type { VersionInfo } from '@helm-ts/core/version';

/** The server half of `helm version`: asks tiller over gRPC (arrives with the tiller client). */
export async function getServerVersion(settings: HelmSettings): Promise<VersionInfo> {
  throw new HelmError(
    settings.host
      ? `could not reach tiller at ${settings.host}: the tiller client is not built yet`
      : 'could not find tiller: no --host or HELM_HOST given and the port-forward to tiller is not built yet',
  );
}
