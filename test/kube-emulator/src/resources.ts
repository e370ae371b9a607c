/**
 * The built-in resources of a v1.25 API server, as discovery lists them. Objects are stored once per
 * group + resource; a resource served by two versions (autoscaling v1 and v2) is the same object under both.
 */
export interface ResourceType {
  group: string;
  /** Versions serving this resource; the first is the preferred one. */
  versions: string[];
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  verbs: string[];
  /** Has a `/status` subresource: the main resource ignores status changes and status ignores the rest. */
  status: boolean;
  /** Served from a CustomResourceDefinition: no strategic merge patch. */
  custom?: boolean;
  /** A CRD's additionalPrinterColumns (of its storage version): the server-side table columns. */
  printerColumns?: { name: string; type?: string; jsonPath: string; priority?: number }[];
  /** Extra subresources listed in discovery (besides status). */
  subresources?: { name: string; kind: string; verbs: string[] }[];
}

export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const NO_COLLECTION_DELETE = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

function r(group: string, versions: string[], resource: string, kind: string, namespaced: boolean, extra: Partial<ResourceType> = {}): ResourceType {
  return { group, versions, resource, kind, namespaced, singular: kind.toLowerCase(), verbs: ALL_VERBS, status: false, ...extra };
}

export const BUILTIN_RESOURCES: ResourceType[] = [
  r('', ['v1'], 'configmaps', 'ConfigMap', true, { shortNames: ['cm'] }),
  r('', ['v1'], 'endpoints', 'Endpoints', true, { shortNames: ['ep'] }),
  r('', ['v1'], 'events', 'Event', true, { shortNames: ['ev'] }),
  r('', ['v1'], 'limitranges', 'LimitRange', true, { shortNames: ['limits'] }),
  r('', ['v1'], 'namespaces', 'Namespace', false, { shortNames: ['ns'], verbs: NO_COLLECTION_DELETE, status: true }),
  r('', ['v1'], 'nodes', 'Node', false, { shortNames: ['no'], status: true }),
  r('', ['v1'], 'persistentvolumeclaims', 'PersistentVolumeClaim', true, { shortNames: ['pvc'], status: true }),
  r('', ['v1'], 'persistentvolumes', 'PersistentVolume', false, { shortNames: ['pv'], status: true }),
  r('', ['v1'], 'pods', 'Pod', true, {
    shortNames: ['po'], categories: ['all'], status: true,
    subresources: [
      { name: 'portforward', kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
      { name: 'log', kind: 'Pod', verbs: ['get'] },
      { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
    ],
  }),
  r('', ['v1'], 'podtemplates', 'PodTemplate', true),
  r('', ['v1'], 'replicationcontrollers', 'ReplicationController', true, { shortNames: ['rc'], categories: ['all'], status: true }),
  r('', ['v1'], 'resourcequotas', 'ResourceQuota', true, { shortNames: ['quota'], status: true }),
  r('', ['v1'], 'secrets', 'Secret', true),
  r('', ['v1'], 'serviceaccounts', 'ServiceAccount', true, { shortNames: ['sa'] }),
  r('', ['v1'], 'services', 'Service', true, { shortNames: ['svc'], categories: ['all'], verbs: NO_COLLECTION_DELETE, status: true }),
  r('apps', ['v1'], 'controllerrevisions', 'ControllerRevision', true),
  r('apps', ['v1'], 'daemonsets', 'DaemonSet', true, { shortNames: ['ds'], categories: ['all'], status: true }),
  r('apps', ['v1'], 'deployments', 'Deployment', true, { shortNames: ['deploy'], categories: ['all'], status: true, subresources: [{ name: 'scale', kind: 'Scale', verbs: ['get', 'patch', 'update'] }] }),
  r('apps', ['v1'], 'replicasets', 'ReplicaSet', true, { shortNames: ['rs'], categories: ['all'], status: true, subresources: [{ name: 'scale', kind: 'Scale', verbs: ['get', 'patch', 'update'] }] }),
  r('apps', ['v1'], 'statefulsets', 'StatefulSet', true, { shortNames: ['sts'], categories: ['all'], status: true, subresources: [{ name: 'scale', kind: 'Scale', verbs: ['get', 'patch', 'update'] }] }),
  r('batch', ['v1'], 'cronjobs', 'CronJob', true, { shortNames: ['cj'], categories: ['all'], status: true }),
  r('batch', ['v1'], 'jobs', 'Job', true, { categories: ['all'], status: true }),
  r('networking.k8s.io', ['v1'], 'ingressclasses', 'IngressClass', false),
  r('networking.k8s.io', ['v1'], 'ingresses', 'Ingress', true, { shortNames: ['ing'], status: true }),
  r('networking.k8s.io', ['v1'], 'networkpolicies', 'NetworkPolicy', true, { shortNames: ['netpol'] }),
  r('rbac.authorization.k8s.io', ['v1'], 'clusterrolebindings', 'ClusterRoleBinding', false),
  r('rbac.authorization.k8s.io', ['v1'], 'clusterroles', 'ClusterRole', false),
  r('rbac.authorization.k8s.io', ['v1'], 'rolebindings', 'RoleBinding', true),
  r('rbac.authorization.k8s.io', ['v1'], 'roles', 'Role', true),
  r('policy', ['v1'], 'poddisruptionbudgets', 'PodDisruptionBudget', true, { shortNames: ['pdb'], status: true }),
  r('autoscaling', ['v2', 'v1'], 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true, { shortNames: ['hpa'], categories: ['all'], status: true }),
  r('storage.k8s.io', ['v1'], 'csidrivers', 'CSIDriver', false),
  r('storage.k8s.io', ['v1'], 'csinodes', 'CSINode', false),
  r('storage.k8s.io', ['v1'], 'csistoragecapacities', 'CSIStorageCapacity', true),
  r('storage.k8s.io', ['v1'], 'storageclasses', 'StorageClass', false, { shortNames: ['sc'] }),
  r('storage.k8s.io', ['v1'], 'volumeattachments', 'VolumeAttachment', false, { status: true }),
  r('apiextensions.k8s.io', ['v1'], 'customresourcedefinitions', 'CustomResourceDefinition', false, { shortNames: ['crd', 'crds'], categories: ['api-extensions'], status: true }),
  r('admissionregistration.k8s.io', ['v1'], 'mutatingwebhookconfigurations', 'MutatingWebhookConfiguration', false, { categories: ['api-extensions'] }),
  r('admissionregistration.k8s.io', ['v1'], 'validatingwebhookconfigurations', 'ValidatingWebhookConfiguration', false, { categories: ['api-extensions'] }),
  r('coordination.k8s.io', ['v1'], 'leases', 'Lease', true),
  r('scheduling.k8s.io', ['v1'], 'priorityclasses', 'PriorityClass', false, { shortNames: ['pc'] }),
  r('certificates.k8s.io', ['v1'], 'certificatesigningrequests', 'CertificateSigningRequest', false, { shortNames: ['csr'], status: true }),
  r('discovery.k8s.io', ['v1'], 'endpointslices', 'EndpointSlice', true),
  r('events.k8s.io', ['v1'], 'events', 'Event', true, { shortNames: ['ev'] }),
  r('node.k8s.io', ['v1'], 'runtimeclasses', 'RuntimeClass', false),
  r('apiregistration.k8s.io', ['v1'], 'apiservices', 'APIService', false, { categories: ['api-extensions'], status: true }),
];

/** Order of groups in `/apis`, as a v1.25 server lists them. */
export const GROUP_ORDER = [
  'apiregistration.k8s.io', 'apps', 'events.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io', 'autoscaling', 'batch',
  'certificates.k8s.io', 'networking.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'storage.k8s.io',
  'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io', 'node.k8s.io',
  'discovery.k8s.io',
];

/** `deployments.apps`, or `pods` for the core group: how API messages name a resource. */
export function qualifiedResource(t: { resource: string; group: string }): string {
  return t.group ? `${t.resource}.${t.group}` : t.resource;
}

/** `Deployment.apps`, or `Pod`: how Invalid messages name a kind. */
export function qualifiedKind(t: { kind: string; group: string }): string {
  return t.group ? `${t.kind}.${t.group}` : t.kind;
}
