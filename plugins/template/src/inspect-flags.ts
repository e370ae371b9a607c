import { Flags } from '@oclif/core';
import type { LocateChartOptions } from '@helm-ts/core/repo';

/** The chart-locating flags `helm inspect` and its subcommands share (readme has no credentials). */
export const readmeFlags = {
  'ca-file': Flags.string({ description: 'chart repository url where to locate the requested chart' }),
  'cert-file': Flags.string({ description: 'verify certificates of HTTPS-enabled servers using this CA bundle' }),
  devel: Flags.boolean({ description: "use development versions, too. Equivalent to version '>0.0.0-0'. If --version is set, this is ignored." }),
  'key-file': Flags.string({ description: 'identify HTTPS client using this SSL key file' }),
  keyring: Flags.string({ description: 'path to the keyring containing public verification keys (default "~/.gnupg/pubring.gpg")' }),
  repo: Flags.string({ description: 'chart repository url where to locate the requested chart' }),
  verify: Flags.boolean({ description: 'verify the provenance data for this chart' }),
  version: Flags.string({ description: 'version of the chart. By default, the newest chart is shown' }),
};

export const inspectFlags = {
  ...readmeFlags,
  password: Flags.string({ description: 'chart repository password where to locate the requested chart' }),
  username: Flags.string({ description: 'chart repository username where to locate the requested chart' }),
};

export function locateOptions(f: Partial<Record<keyof typeof inspectFlags, string | boolean | undefined>>): LocateChartOptions {
  const s = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  return {
    version: s(f.version), devel: f.devel === true, verify: f.verify === true, keyring: s(f.keyring), repoURL: s(f.repo),
    username: s(f.username), password: s(f.password), certFile: s(f['cert-file']), keyFile: s(f['key-file']), caFile: s(f['ca-file']),
  };
}
