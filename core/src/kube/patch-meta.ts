/**
 * Patch metadata of the built-in kinds: which lists merge by a key instead of being replaced, as the Go types
 * declare with `patchStrategy:"merge" patchMergeKey:"..."`. Looked up by the field path from the object root
 * (array positions left out), so `ports` of a container (containerPort) and of a Service (port) differ.
 */
export interface ListMeta {
  /** Key that identifies an element of a list of objects; absent for a merging list of scalars. */
  mergeKey?: string;
}

const containerLists = new Set(['containers', 'initContainers', 'ephemeralContainers']);

const byField: Record<string, string> = {
  env: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  volumes: 'name',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  conditions: 'type',
  ownerReferences: 'uid',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
  schedulingGates: 'name',
  taints: 'key',
};

/** Returns how the list at `path` merges, or undefined when it is replaced as a whole (atomic). */
export function listMeta(kind: string, path: readonly string[]): ListMeta | undefined {
  const field = path[path.length - 1];
  if (field === undefined) return undefined;
  const parent = path[path.length - 2];
  if (containerLists.has(field)) return { mergeKey: 'name' };
  if (field === 'ports') {
    if (parent !== undefined && containerLists.has(parent)) return { mergeKey: 'containerPort' };
    if (kind === 'Service' && path.length === 2 && path[0] === 'spec') return { mergeKey: 'port' };
    return undefined;
  }
  if (field === 'finalizers' && parent === 'metadata') return {};
  if (field === 'secrets' && kind === 'ServiceAccount' && path.length === 1) return { mergeKey: 'name' };
  const key = byField[field];
  return key === undefined ? undefined : { mergeKey: key };
}

/**
 * API groups whose kinds client-go's scheme knows: those get strategic merge patches. Everything else
 * (custom resources, unknown kinds) and CustomResourceDefinition itself get JSON merge patches, as in Helm v2.
 */
const builtinGroups = new Set([
  '', 'apps', 'batch', 'extensions', 'networking.k8s.io', 'rbac.authorization.k8s.io', 'policy', 'autoscaling',
  'storage.k8s.io', 'admissionregistration.k8s.io', 'coordination.k8s.io', 'certificates.k8s.io', 'scheduling.k8s.io',
  'node.k8s.io', 'discovery.k8s.io', 'events.k8s.io', 'apiregistration.k8s.io', 'authentication.k8s.io',
  'authorization.k8s.io', 'flowcontrol.apiserver.k8s.io',
]);

export function usesStrategicMerge(group: string, kind: string): boolean {
  return builtinGroups.has(group) && kind !== 'CustomResourceDefinition';
}
