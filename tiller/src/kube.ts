/**
 * What the release engine needs from Kubernetes (spec §6), as an interface so the engine can run against
 * core/src/kube's KubeClient in production and an in-memory fake in unit tests.
 */
export interface UpdateOptions {
  force?: boolean;
  recreate?: boolean;
  cleanupOnFail?: boolean;
}

export interface ClusterCapabilities {
  /** e.g. `v1.25.0`. */
  gitVersion: string;
  /** Every `group/version` and `group/version/Kind` the cluster serves. */
  apiVersions: string[];
}

export interface KubeApplier {
  /** Ensures the namespace, then creates every object (spec §6.2). */
  create(namespace: string, manifest: string): Promise<void>;
  /** Two-way update from `current` to `target` (spec §6.3). */
  update(namespace: string, current: string, target: string, opts: UpdateOptions): Promise<void>;
  /** Deletes every object (NotFound is fine); with a timeout, waits until they are gone. */
  delete(namespace: string, manifest: string, timeoutSeconds?: number): Promise<void>;
  /** Builds the objects without sending them: an unknown kind fails here. */
  validate(namespace: string, manifest: string): Promise<void>;
  waitForResources(namespace: string, manifest: string, timeoutSeconds: number): Promise<void>;
  /** Hooks: Jobs until complete, anything else until it exists. */
  watchUntilReady(namespace: string, manifest: string, timeoutSeconds: number): Promise<void>;
  /** crd-install hooks: polls until every CRD of the manifest is Established. */
  waitForCrdsEstablished(manifest: string, timeoutSeconds: number): Promise<void>;
  /** The RESOURCES text of status (spec §6.6). */
  status(namespace: string, manifest: string): Promise<string>;
  /** Test pods: waits until the pod is Succeeded or Failed and returns the phase. */
  waitForPodCompletion(namespace: string, name: string, timeoutSeconds: number): Promise<string>;
  podLogs(namespace: string, name: string): Promise<string>;
  capabilities(): Promise<ClusterCapabilities>;
}
