import { GoNamedList, GoStruct, type GoMap, type GoValue } from '../template/value.js';
import { HELM_VERSION } from '../version/index.js';

/** Helm 3.10.1's default API versions for offline rendering (chartutil.DefaultVersionSet), in its order. */
export const DEFAULT_API_VERSIONS: readonly string[] = [
  'v1', 'admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io/v1beta1', 'internal.apiserver.k8s.io/v1alpha1',
  'apps/v1', 'apps/v1beta1', 'apps/v1beta2', 'authentication.k8s.io/v1', 'authentication.k8s.io/v1beta1',
  'authorization.k8s.io/v1', 'authorization.k8s.io/v1beta1', 'autoscaling/v1', 'autoscaling/v2', 'autoscaling/v2beta1',
  'autoscaling/v2beta2', 'batch/v1', 'batch/v1beta1', 'certificates.k8s.io/v1', 'certificates.k8s.io/v1beta1',
  'coordination.k8s.io/v1beta1', 'coordination.k8s.io/v1', 'discovery.k8s.io/v1', 'discovery.k8s.io/v1beta1',
  'events.k8s.io/v1', 'events.k8s.io/v1beta1', 'extensions/v1beta1', 'flowcontrol.apiserver.k8s.io/v1alpha1',
  'flowcontrol.apiserver.k8s.io/v1beta1', 'flowcontrol.apiserver.k8s.io/v1beta2', 'networking.k8s.io/v1',
  'networking.k8s.io/v1alpha1', 'networking.k8s.io/v1beta1', 'node.k8s.io/v1', 'node.k8s.io/v1alpha1',
  'node.k8s.io/v1beta1', 'policy/v1', 'policy/v1beta1', 'rbac.authorization.k8s.io/v1',
  'rbac.authorization.k8s.io/v1beta1', 'rbac.authorization.k8s.io/v1alpha1', 'scheduling.k8s.io/v1alpha1',
  'scheduling.k8s.io/v1beta1', 'scheduling.k8s.io/v1', 'storage.k8s.io/v1beta1', 'storage.k8s.io/v1',
  'storage.k8s.io/v1alpha1', 'apiextensions.k8s.io/v1beta1', 'apiextensions.k8s.io/v1',
];

/** Helm 3.10.1's default Kubernetes version for offline rendering. */
export const DEFAULT_KUBE_VERSION = 'v1.25.0';

/** `.Capabilities.APIVersions`: a list of `group/version` (and, from tiller, `group/version/Kind`) with Has. */
export class VersionSet extends GoNamedList {
  readonly goType = 'chartutil.VersionSet';
  private readonly set: ReadonlySet<string>;

  constructor(readonly versions: readonly string[]) {
    super();
    this.set = new Set(versions);
  }

  items(): GoValue[] {
    return [...this.versions];
  }

  Has(apiVersion: string): boolean {
    return this.set.has(apiVersion);
  }
}
(VersionSet as unknown as { signatures: Record<string, { params: string[] }> }).signatures = { Has: { params: ['string'] } };

/**
 * `.Capabilities.KubeVersion`: Helm 3's chartutil.KubeVersion value (Version, Major, Minor; String has a
 * pointer receiver, so a field prints as the version but a function argument as `{v1.25.0 1 25}`), plus
 * Helm 2's k8s version.Info fields (GitVersion, GitCommit, ...) as hidden fields: readable, never printed.
 */
export class KubeVersion extends GoStruct {
  static readonly pointerReceiverMethods: ReadonlySet<string> = new Set(['String']);
  readonly goType = 'chartutil.KubeVersion';
  readonly Version: string;
  readonly Major: string;
  readonly Minor: string;
  declare readonly GitVersion: string;
  declare readonly GitCommit: string;
  declare readonly GitTreeState: string;
  declare readonly BuildDate: string;
  declare readonly GoVersion: string;
  declare readonly Compiler: string;
  declare readonly Platform: string;

  constructor(version: string) {
    super();
    const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?(.*)$/.exec(version);
    this.Major = m ? m[1]! : '';
    this.Minor = m ? m[2]! : '';
    this.Version = m ? `v${m[1]}.${m[2]}.${m[3] ?? '0'}${m[4] ?? ''}` : version;
    const v2: Record<string, string> = {
      GitVersion: this.Version, GitCommit: '', GitTreeState: '', BuildDate: '', GoVersion: '', Compiler: '', Platform: '',
    };
    for (const [k, v] of Object.entries(v2)) Object.defineProperty(this, k, { value: v, enumerable: false });
  }

  String(): string {
    return this.Version;
  }
}
(KubeVersion as unknown as { signatures: Record<string, { params: string[] }> }).signatures = { String: { params: [] } };

/**
 * Helm 3.10.1's version.BuildInfo, what `.Capabilities.HelmVersion` is: the renderer matches Helm 3.10.1, so
 * charts gating on a minimum Helm 3 version (library charts do) see the version whose behaviour they get.
 */
export const HELM3_BUILD_INFO = {
  version: 'v3.10.1',
  gitCommit: '9f88ccb6aee40b9a0535fcc7efea6055e1ef72c9',
  gitTreeState: 'clean',
  goVersion: 'go1.18.7',
} as const;

/** `.Capabilities.HelmVersion`: Helm 3's version.BuildInfo (json tags `version`, `git_commit`, ...; omitempty). */
export class BuildInfo extends GoStruct {
  readonly goType = 'version.BuildInfo';
  constructor(
    readonly Version: string,
    readonly GitCommit: string,
    readonly GitTreeState: string,
    readonly GoVersion: string,
  ) {
    super();
  }

  jsonValue(): GoMap {
    const out: GoMap = {};
    if (this.Version) out['version'] = this.Version;
    if (this.GitCommit) out['git_commit'] = this.GitCommit;
    if (this.GitTreeState) out['git_tree_state'] = this.GitTreeState;
    if (this.GoVersion) out['go_version'] = this.GoVersion;
    return out;
  }
}

/**
 * `.Capabilities.TillerVersion`: Helm 2's *hapi.version.Version, a protobuf message, so it prints through its
 * String method as compact text (the style `.Release.Time` prints in).
 */
export class TillerVersion extends GoStruct {
  readonly goType = '*version.Version';
  constructor(
    readonly SemVer: string,
    readonly GitCommit: string,
    readonly GitTreeState: string,
  ) {
    super();
  }

  String(): string {
    const parts: string[] = [];
    if (this.SemVer) parts.push(`sem_ver:${JSON.stringify(this.SemVer)}`);
    if (this.GitCommit) parts.push(`git_commit:${JSON.stringify(this.GitCommit)}`);
    if (this.GitTreeState) parts.push(`git_tree_state:${JSON.stringify(this.GitTreeState)}`);
    return parts.join(' ');
  }

  jsonValue(): GoMap {
    const out: GoMap = {};
    if (this.SemVer) out['sem_ver'] = this.SemVer;
    if (this.GitCommit) out['git_commit'] = this.GitCommit;
    if (this.GitTreeState) out['git_tree_state'] = this.GitTreeState;
    return out;
  }
}
(TillerVersion as unknown as { signatures: Record<string, { params: string[] }> }).signatures = { String: { params: [] } };

/**
 * `.Capabilities`: Helm 3's *chartutil.Capabilities (KubeVersion, APIVersions, HelmVersion, in that order: they
 * print and encode so), plus Helm 2's TillerVersion as a hidden field: readable, never printed or encoded.
 */
export class Capabilities extends GoStruct {
  readonly goType = '*chartutil.Capabilities';
  readonly KubeVersion: KubeVersion;
  readonly APIVersions: VersionSet;
  readonly HelmVersion: BuildInfo;
  declare readonly TillerVersion: TillerVersion;

  constructor(options: { kubeVersion?: string; apiVersions?: readonly string[] } = {}) {
    super();
    this.KubeVersion = new KubeVersion(options.kubeVersion ?? DEFAULT_KUBE_VERSION);
    this.APIVersions = new VersionSet(options.apiVersions ?? DEFAULT_API_VERSIONS);
    const h = HELM3_BUILD_INFO;
    this.HelmVersion = new BuildInfo(h.version, h.gitCommit, h.gitTreeState, h.goVersion);
    const tiller = new TillerVersion(HELM_VERSION.semVer, HELM_VERSION.gitCommit, HELM_VERSION.gitTreeState);
    Object.defineProperty(this, 'TillerVersion', { value: tiller, enumerable: false });
  }
}
