/**
 * Install and uninstall order by kind (Helm v2 pkg/tiller/kind_sorter.go, spec §5.8). Known kinds sort by
 * their index; the same kind by name (the template path); unknown kinds after every known one, by kind and
 * then name.
 */
export const InstallOrder: readonly string[] = [
  'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy', 'PodDisruptionBudget',
  'Secret', 'ConfigMap', 'StorageClass', 'PersistentVolume', 'PersistentVolumeClaim', 'ServiceAccount',
  'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleList', 'ClusterRoleBinding', 'ClusterRoleBindingList',
  'Role', 'RoleList', 'RoleBinding', 'RoleBindingList', 'Service', 'DaemonSet', 'Pod', 'ReplicationController',
  'ReplicaSet', 'Deployment', 'HorizontalPodAutoscaler', 'StatefulSet', 'Job', 'CronJob', 'Ingress', 'APIService',
];

export const UninstallOrder: readonly string[] = [
  'APIService', 'Ingress', 'Service', 'CronJob', 'Job', 'StatefulSet', 'HorizontalPodAutoscaler', 'Deployment',
  'ReplicaSet', 'ReplicationController', 'Pod', 'DaemonSet', 'RoleBindingList', 'RoleBinding', 'RoleList', 'Role',
  'ClusterRoleBindingList', 'ClusterRoleBinding', 'ClusterRoleList', 'ClusterRole', 'CustomResourceDefinition',
  'ServiceAccount', 'PersistentVolumeClaim', 'PersistentVolume', 'StorageClass', 'ConfigMap', 'Secret',
  'PodDisruptionBudget', 'PodSecurityPolicy', 'LimitRange', 'ResourceQuota', 'NetworkPolicy', 'Namespace',
];

export interface Sortable {
  name: string;
  kind: string;
}

const byteCompare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Returns a new array sorted by kind in `order`; stable, so same kind and name keep their input order. */
export function sortByKind<T extends Sortable>(items: readonly T[], order: readonly string[] = InstallOrder): T[] {
  const rank = new Map(order.map((k, i) => [k, i]));
  return [...items].sort((a, b) => {
    const ra = rank.get(a.kind);
    const rb = rank.get(b.kind);
    if (ra !== undefined && rb !== undefined) return ra !== rb ? ra - rb : byteCompare(a.name, b.name);
    if (ra !== undefined) return -1;
    if (rb !== undefined) return 1;
    return a.kind !== b.kind ? byteCompare(a.kind, b.kind) : byteCompare(a.name, b.name);
  });
}
