import type { ResourceType } from './resources.js';

type Obj = Record<string, any>;

/** Defaulting and allocation a real API server does on create: cluster IPs, node ports, namespace phase, workload defaults. */
export function makeDefaulter(): (type: ResourceType, obj: Obj) => void {
  let nextIp = 10;
  let nextNodePort = 30000;
  return (type, obj) => {
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
      obj.spec = { restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', ...(obj.spec ?? {}) };
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
