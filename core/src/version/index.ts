/** The client and server version helm-ts reports: the Helm v2 line it is compatible with. */
export const HELM_VERSION = {
  semVer: 'v2.17.0',
  gitCommit: 'helm-ts',
  gitTreeState: 'clean',
} as const;

export interface VersionInfo {
  semVer: string;
  gitCommit: string;
  gitTreeState: string;
}

/** `helm version --short` form: `v2.17.0+ghelm-ts` (Go Helm prints the first 7 chars of the commit). */
export function shortVersion(v: VersionInfo): string {
  return v.gitCommit ? `${v.semVer}+g${v.gitCommit.slice(0, 7)}` : v.semVer;
}
