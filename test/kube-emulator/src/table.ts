type Obj = Record<string, any>;

interface Column {
  name: string;
  type?: string;
  format?: string;
  priority?: number;
  cell: (o: Obj) => unknown;
}

/** Go's duration.HumanDuration, as `AGE` cells show it. */
export function humanDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < -1) return '<invalid>';
  if (s < 0) return '0s';
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  if (h < 192) return h % 24 === 0 ? `${Math.floor(h / 24)}d` : `${Math.floor(h / 24)}d${h % 24}h`;
  if (h < 24 * 365 * 2) return `${Math.floor(h / 24)}d`;
  const y = Math.floor(h / 24 / 365);
  if (y < 8) return `${y}y${Math.floor(h / 24) % 365}d`;
  return `${y}y`;
}

const age = (o: Obj): string => (o.metadata?.creationTimestamp ? humanDuration(Date.now() - Date.parse(o.metadata.creationTimestamp)) : '<unknown>');
const name: Column = { name: 'Name', type: 'string', format: 'name', cell: (o) => o.metadata?.name };
const ageCol: Column = { name: 'Age', type: 'string', cell: age };
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

function servicePorts(o: Obj): string {
  const ports: Obj[] = o.spec?.ports ?? [];
  if (ports.length === 0) return '<none>';
  return ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
}

function externalIp(o: Obj): string {
  const type = o.spec?.type ?? 'ClusterIP';
  if (type === 'ExternalName') return o.spec?.externalName ?? '<none>';
  if (type === 'LoadBalancer') {
    const ing: Obj[] = o.status?.loadBalancer?.ingress ?? [];
    return ing.length > 0 ? ing.map((i) => i.ip ?? i.hostname).join(',') : '<pending>';
  }
  return (o.spec?.externalIPs ?? []).join(',') || '<none>';
}

/** printPod's STATUS: the phase, overridden by a container's waiting or terminated reason, or Terminating. */
function podStatus(o: Obj): string {
  let reason: string = o.status?.reason ?? o.status?.phase ?? 'Pending';
  for (const c of o.status?.containerStatuses ?? []) {
    if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
    else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
  }
  if (o.metadata?.deletionTimestamp) return 'Terminating';
  return reason;
}

function podReadyCell(o: Obj): string {
  const total = (o.spec?.containers ?? []).length;
  const ready = (o.status?.containerStatuses ?? []).filter((c: Obj) => c.ready).length;
  return `${ready}/${total}`;
}

/** The server-side printing columns of v1.25 for the kinds Helm charts use; anything else prints Name and Age. */
const COLUMNS: Record<string, Column[]> = {
  Pod: [name, { name: 'Ready', cell: podReadyCell }, { name: 'Status', cell: podStatus },
    { name: 'Restarts', type: 'string', cell: (o) => String((o.status?.containerStatuses ?? []).reduce((n: number, c: Obj) => n + num(c.restartCount), 0)) }, ageCol,
    { name: 'IP', priority: 1, cell: (o) => o.status?.podIP ?? '<none>' }, { name: 'Node', priority: 1, cell: (o) => o.spec?.nodeName ?? '<none>' }],
  Deployment: [name, { name: 'Ready', cell: (o) => `${num(o.status?.readyReplicas)}/${o.spec?.replicas ?? 1}` },
    { name: 'Up-to-date', type: 'integer', cell: (o) => num(o.status?.updatedReplicas) }, { name: 'Available', type: 'integer', cell: (o) => num(o.status?.availableReplicas) }, ageCol],
  ReplicaSet: [name, { name: 'Desired', type: 'integer', cell: (o) => o.spec?.replicas ?? 1 }, { name: 'Current', type: 'integer', cell: (o) => num(o.status?.replicas) },
    { name: 'Ready', type: 'integer', cell: (o) => num(o.status?.readyReplicas) }, ageCol],
  ReplicationController: [name, { name: 'Desired', type: 'integer', cell: (o) => o.spec?.replicas ?? 1 }, { name: 'Current', type: 'integer', cell: (o) => num(o.status?.replicas) },
    { name: 'Ready', type: 'integer', cell: (o) => num(o.status?.readyReplicas) }, ageCol],
  StatefulSet: [name, { name: 'Ready', cell: (o) => `${num(o.status?.readyReplicas)}/${o.spec?.replicas ?? 1}` }, ageCol],
  DaemonSet: [name, { name: 'Desired', type: 'integer', cell: (o) => num(o.status?.desiredNumberScheduled) }, { name: 'Current', type: 'integer', cell: (o) => num(o.status?.currentNumberScheduled) },
    { name: 'Ready', type: 'integer', cell: (o) => num(o.status?.numberReady) }, { name: 'Up-to-date', type: 'integer', cell: (o) => num(o.status?.updatedNumberScheduled) },
    { name: 'Available', type: 'integer', cell: (o) => num(o.status?.numberAvailable) },
    { name: 'Node Selector', cell: (o) => Object.entries(o.spec?.template?.spec?.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>' }, ageCol],
  Service: [name, { name: 'Type', cell: (o) => o.spec?.type ?? 'ClusterIP' }, { name: 'Cluster-IP', cell: (o) => o.spec?.clusterIP ?? '<none>' },
    { name: 'External-IP', cell: externalIp }, { name: 'Port(s)', cell: servicePorts }, ageCol],
  ConfigMap: [name, { name: 'Data', type: 'integer', cell: (o) => Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length }, ageCol],
  Secret: [name, { name: 'Type', cell: (o) => o.type ?? 'Opaque' }, { name: 'Data', type: 'integer', cell: (o) => Object.keys(o.data ?? {}).length + Object.keys(o.stringData ?? {}).length }, ageCol],
  ServiceAccount: [name, { name: 'Secrets', type: 'integer', cell: (o) => (o.secrets ?? []).length }, ageCol],
  Namespace: [name, { name: 'Status', cell: (o) => o.status?.phase ?? 'Active' }, ageCol],
  Job: [name, { name: 'Completions', cell: (o) => `${num(o.status?.succeeded)}/${o.spec?.completions ?? 1}` },
    { name: 'Duration', cell: (o) => (o.status?.startTime ? humanDuration((o.status.completionTime ? Date.parse(o.status.completionTime) : Date.now()) - Date.parse(o.status.startTime)) : '') }, ageCol],
  CronJob: [name, { name: 'Schedule', cell: (o) => o.spec?.schedule }, { name: 'Suspend', cell: (o) => String(o.spec?.suspend ?? false) },
    { name: 'Active', type: 'integer', cell: (o) => (o.status?.active ?? []).length }, { name: 'Last Schedule', cell: (o) => (o.status?.lastScheduleTime ? humanDuration(Date.now() - Date.parse(o.status.lastScheduleTime)) : '<none>') }, ageCol],
  PersistentVolumeClaim: [name, { name: 'Status', cell: (o) => o.status?.phase ?? 'Pending' }, { name: 'Volume', cell: (o) => o.spec?.volumeName ?? '' },
    { name: 'Capacity', cell: (o) => o.status?.capacity?.storage ?? '' }, { name: 'Access Modes', cell: (o) => (o.status?.accessModes ?? []).map((m: string) => ({ ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' } as Obj)[m] ?? m).join(',') },
    { name: 'StorageClass', cell: (o) => o.spec?.storageClassName ?? '' }, ageCol],
  Ingress: [name, { name: 'Class', cell: (o) => o.spec?.ingressClassName ?? '<none>' }, { name: 'Hosts', cell: (o) => (o.spec?.rules ?? []).map((r: Obj) => r.host ?? '*').join(',') || '*' },
    { name: 'Address', cell: (o) => (o.status?.loadBalancer?.ingress ?? []).map((i: Obj) => i.ip ?? i.hostname).join(',') }, { name: 'Ports', cell: (o) => ((o.spec?.tls ?? []).length > 0 ? '80, 443' : '80') }, ageCol],
  CustomResourceDefinition: [name, { name: 'Created At', type: 'date', cell: (o) => o.metadata?.creationTimestamp }],
  ClusterRole: [name, { name: 'Created At', type: 'date', cell: (o) => o.metadata?.creationTimestamp }],
  Role: [name, { name: 'Created At', type: 'date', cell: (o) => o.metadata?.creationTimestamp }],
  RoleBinding: [name, { name: 'Role', cell: (o) => `${o.roleRef?.kind}/${o.roleRef?.name}` }, ageCol],
  ClusterRoleBinding: [name, { name: 'Role', cell: (o) => `${o.roleRef?.kind}/${o.roleRef?.name}` }, ageCol],
  HorizontalPodAutoscaler: [name, { name: 'Reference', cell: (o) => `${o.spec?.scaleTargetRef?.kind}/${o.spec?.scaleTargetRef?.name}` }, { name: 'Targets', cell: () => '<unknown>' },
    { name: 'MinPods', type: 'integer', cell: (o) => o.spec?.minReplicas ?? 1 }, { name: 'MaxPods', type: 'integer', cell: (o) => o.spec?.maxReplicas }, { name: 'Replicas', type: 'integer', cell: (o) => num(o.status?.currentReplicas) }, ageCol],
  PodDisruptionBudget: [name, { name: 'Min Available', cell: (o) => o.spec?.minAvailable ?? 'N/A' }, { name: 'Max Unavailable', cell: (o) => o.spec?.maxUnavailable ?? 'N/A' },
    { name: 'Allowed Disruptions', type: 'integer', cell: (o) => num(o.status?.disruptionsAllowed) }, ageCol],
};

/** `.spec.replicas`, `.status.conditions[0].type`: the simple JSONPath of additionalPrinterColumns. */
function jsonPath(o: Obj, path: string): unknown {
  let v: any = o;
  for (const part of path.replace(/^\./, '').split('.')) {
    const m = part.match(/^([^[]*)((?:\[\d+\])*)$/);
    if (!m) return undefined;
    if (m[1]) v = v?.[m[1]];
    for (const idx of m[2]!.match(/\d+/g) ?? []) v = v?.[Number(idx)];
  }
  return v;
}

export interface PrinterColumn { name: string; type?: string; jsonPath: string; priority?: number }

function customColumns(defs: PrinterColumn[]): Column[] {
  return [name, ...defs.map((d): Column => ({
    name: d.name, type: d.type, priority: d.priority,
    cell: (o) => {
      const v = jsonPath(o, d.jsonPath);
      if (d.type === 'date' && typeof v === 'string') return humanDuration(Date.now() - Date.parse(v));
      return v === undefined ? null : v;
    },
  }))];
}

/** A `meta.k8s.io/v1 Table` of objects, each row carrying its PartialObjectMetadata as kubectl expects. */
export function toTable(kind: string, objects: Obj[], listMeta: Obj = {}, printerColumns?: PrinterColumn[]): Obj {
  const cols = printerColumns?.length ? customColumns(printerColumns) : COLUMNS[kind] ?? [name, ageCol];
  return {
    kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: listMeta,
    columnDefinitions: cols.map((c) => ({ name: c.name, type: c.type ?? 'string', format: c.format ?? '', description: '', priority: c.priority ?? 0 })),
    rows: objects.map((o) => ({
      cells: cols.map((c) => c.cell(o) ?? ''),
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
    })),
  };
}

/** True when an Accept header asks for `as=Table`. */
export function wantsTable(accept: string | undefined): boolean {
  return !!accept && /as=Table/.test(accept.split(',')[0] ?? '');
}
