import { HelmError } from '../errors/index.js';
import type { HelmSettings } from '../home/index.js';
import { TestRunStatus } from '../proto/types.js';
import { withTiller } from './tiller-connection.js';

export interface ReleaseTestOptions {
  release: string;
  timeout?: number;
  cleanup?: boolean;
  parallel?: boolean;
  max?: number;
  logs?: boolean;
}

/** `helm test`: streams each result's message to `onMessage`; fails with `N test(s) failed`. */
export async function releaseTest(o: ReleaseTestOptions, settings: HelmSettings, onMessage: (msg: string) => void): Promise<void> {
  let failed = 0;
  await withTiller(settings, ({ client }) => client.runReleaseTest({
    name: o.release, timeout: o.timeout ?? 300, cleanup: o.cleanup, parallel: o.parallel, max_parallel: o.max ?? 20, logs: o.logs,
  }, (m) => {
    if (m.status === TestRunStatus.FAILURE) failed++;
    if (m.msg) onMessage(m.msg);
  }));
  if (failed > 0) throw new HelmError(`${failed} test(s) failed`);
}
