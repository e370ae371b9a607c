import { GoNamedList, GoStruct, type GoValue } from '../template/value.js';
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

/** `.Capabilities.HelmVersion` (Helm 3) and `.Capabilities.TillerVersion` (Helm 2). */
export class BuildVersion extends GoStruct {
  readonly goType = 'version.BuildInfo';
  constructor(
    readonly Version: string,
    readonly SemVer: string,
    readonly GitCommit: string,
    readonly GitTreeState: string,
    readonly GoVersion: string,
  ) {
    super();
  }
}

export class Capabilities extends GoStruct {
  readonly goType = '*chartutil.Capabilities';
  readonly APIVersions: VersionSet;
  readonly KubeVersion: KubeVersion;
  readonly HelmVersion: BuildVersion;
  readonly TillerVersion: BuildVersion;

  constructor(options: { kubeVersion?: string; apiVersions?: readonly string[] } = {}) {
    super();
    this.APIVersions = new VersionSet(options.apiVersions ?? DEFAULT_API_VERSIONS);
    this.KubeVersion = new KubeVersion(options.kubeVersion ?? DEFAULT_KUBE_VERSION);
    const v = new BuildVersion(HELM_VERSION.semVer, HELM_VERSION.semVer, HELM_VERSION.gitCommit, HELM_VERSION.gitTreeState, `node${process.versions.node}`);
    this.HelmVersion = v;
    this.TillerVersion = v;
  }
}
