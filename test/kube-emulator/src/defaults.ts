import type { ResourceType } from './resources.js';

type Obj = Record<string, any>;

/** Container defaults the API server fills in pods and pod templates. */
export function defaultPodSpec(spec: Obj | undefined): void {
  if (!spec) return;
  for (const list of ['containers', 'initContainers']) {
    for (const c of spec[list] ?? []) {
      if (typeof c !== 'object' || c === null) continue;
      const image = String(c.image ?? '');
      c.imagePullPolicy ??= image.endsWith(':latest') || !/:[^/]+$/.test(image) ? 'Always' : 'IfNotPresent';
      c.terminationMessagePath ??= '/dev/termination-log';
      c.terminationMessagePolicy ??= 'File';
      c.resources ??= {};
      for (const p of c.ports ?? []) if (p && typeof p === 'object') p.protocol ??= 'TCP';
    }
  }
  spec.restartPolicy ??= 'Always';
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
}

/** Defaulting and allocation a real API server does on create: cluster IPs, node ports, namespace phase, workload defaults. */
export function makeDefaulter(): (type: ResourceType, obj: Obj) => void {
  let nextIp = 10;
  let nextNodePort = 30000;
  return (type, obj) => {
    if (type.group === 'apps' || (type.group === 'batch' && type.resource === 'jobs') || (type.group === '' && type.resource === 'replicationcontrollers')) {
      defaultPodSpec(obj.spec?.template?.spec);
    }
    if (type.group === 'batch' && type.resource === 'cronjobs') defaultPodSpec(obj.spec?.jobTemplate?.spec?.template?.spec);
    if (type.group === '' && type.resource === 'services') {
      const spec: Obj = (obj.spec = { ...(obj.spec ?? {}) });
      spec.type ??= 'ClusterIP';
      if (spec.type !== 'ExternalName') {
        if (!spec.clusterIP) spec.clusterIP = `10.96.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`;
        if (spec.clusterIP !== 'None') spec.clusterIPs = [spec.clusterIP];
        spec.ipFamilies ??= ['IPv4'];
        spec.ipFamilyPolicy ??= 'SingleStack';
        spec.internalTrafficPolicy ??= 'Cluster';
      }
      spec.sessionAffinity ??= 'None';
      spec.ports = (spec.ports ?? []).map((p: Obj) => {
        const port: Obj = { ...p, protocol: p.protocol ?? 'TCP', targetPort: p.targetPort ?? p.port };
        if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && !port.nodePort) port.nodePort = nextNodePort++;
        return port;
      });
      if (spec.type === 'LoadBalancer' || spec.type === 'NodePort') spec.externalTrafficPolicy ??= 'Cluster';
      obj.status = { loadBalancer: {} };
    } else if (type.group === '' && type.resource === 'namespaces') {
      obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name };
      obj.spec = { finalizers: ['kubernetes'] };
      obj.status = { phase: 'Active' };
    } else if (type.group === '' && type.resource === 'pods') {
      obj.spec = { ...(obj.spec ?? {}) };
      defaultPodSpec(obj.spec);
      obj.spec.serviceAccountName ??= obj.spec.serviceAccount ?? 'default';
      obj.status = { phase: 'Pending', qosClass: 'BestEffort' };
    } else if (type.group === '' && type.resource === 'persistentvolumeclaims') {
      obj.spec = { volumeMode: 'Filesystem', storageClassName: 'standard', ...(obj.spec ?? {}) };
      obj.status = { phase: 'Pending' };
    } else if (type.group === 'apps' && type.resource === 'deployments') {
      obj.spec = {
        replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } }, ...obj.spec,
      };
    } else if (type.group === 'apps' && (type.resource === 'statefulsets' || type.resource === 'replicasets')) {
      obj.spec = { replicas: 1, ...obj.spec };
    } else if (type.group === 'batch' && type.resource === 'jobs') {
      const uid = obj.metadata.uid;
      const spec: Obj = (obj.spec = { parallelism: 1, completions: 1, backoffLimit: 6, ...(obj.spec ?? {}) });
      if (!spec.manualSelector) {
        spec.selector = { matchLabels: { 'controller-uid': uid } };
        const t = (spec.template = { ...(spec.template ?? {}) });
        t.metadata = { ...(t.metadata ?? {}), labels: { ...(t.metadata?.labels ?? {}), 'controller-uid': uid, 'job-name': obj.metadata.name } };
      }
    }
  };
}

/**
 * Defaulting on update and patch: pod specs are defaulted again, and a Service keeps its allocated cluster IP
 * and node ports when the new body leaves them out, as the API server's service REST strategy does.
 */
export function defaultOnUpdate(type: ResourceType, obj: Obj, current: Obj): void {
  if (type.group === 'apps' || (type.group === 'batch' && type.resource === 'jobs') || (type.group === '' && type.resource === 'replicationcontrollers')) {
    defaultPodSpec(obj.spec?.template?.spec);
  }
  if (type.group === '' && type.resource === 'pods') defaultPodSpec(obj.spec);
  if (type.group === '' && type.resource === 'services' && obj.spec && current.spec) {
    obj.spec.type ??= 'ClusterIP';
    if (!obj.spec.clusterIP && current.spec.clusterIP && obj.spec.type !== 'ExternalName') {
      obj.spec.clusterIP = current.spec.clusterIP;
      obj.spec.clusterIPs = current.spec.clusterIPs;
    }
    for (const p of obj.spec.ports ?? []) {
      p.protocol ??= 'TCP';
      p.targetPort ??= p.port;
      const old = (current.spec.ports ?? []).find((o: Obj) => o.port === p.port);
      if (!p.nodePort && old?.nodePort && (obj.spec.type === 'NodePort' || obj.spec.type === 'LoadBalancer')) p.nodePort = old.nodePort;
    }
  }
}
