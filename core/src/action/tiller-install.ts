import { readFile } from 'node:fs/promises';
import { HelmError } from '../errors/index.js';
import type { HelmSettings } from '../home/index.js';
import { HELM_VERSION } from '../version/index.js';
import { parseSet } from '../values/index.js';
import { toYaml } from '../encoding/index.js';
import type { GoMap, GoValue } from '../template/value.js';

export const TILLER_IMAGE_REPO = 'ghcr.io/helm/tiller';
export const TILLER_NAME = 'tiller-deploy';
export const TILLER_SECRET = 'tiller-secret';
const LABELS = { app: 'helm', name: 'tiller' };

export interface TillerInstallOptions {
  namespace: string;
  image?: string;
  canary?: boolean;
  serviceAccount?: string;
  automountServiceAccountToken?: boolean;
  netHost?: boolean;
  nodeSelectors?: string;
  historyMax?: number;
  replicas?: number;
  /** strvals applied to the Deployment object (`--override`). */
  overrides?: string[];
  tls?: boolean;
  tlsVerify?: boolean;
  tlsKeyFile?: string;
  tlsCertFile?: string;
  tlsCaFile?: string;
}

type Obj = Record<string, unknown>;

function image(o: TillerInstallOptions): { image: string; pullPolicy: string } {
  if (o.canary) return { image: `${TILLER_IMAGE_REPO}:canary`, pullPolicy: 'Always' };
  return { image: o.image || `${TILLER_IMAGE_REPO}:${HELM_VERSION.semVer}`, pullPolicy: 'IfNotPresent' };
}

function parseNodeSelectors(s: string | undefined): Record<string, string> | undefined {
  if (!s) return undefined;
  const out: Record<string, string> = {};
  for (const pair of s.split(',')) {
    const kv = pair.split('=');
    if (kv.length !== 2 || !kv[0] || !kv[1]) throw new HelmError('invalid nodeSelector label: ' + pair);
    out[kv[0]] = kv[1];
  }
  return out;
}

/** Deep-merges an override map onto an object, as v2 applies `--override` through strvals. */
function mergeInto(dst: Obj, src: GoMap): void {
  for (const [k, v] of Object.entries(src)) {
    const cur = dst[k];
    if (v && typeof v === 'object' && !Array.isArray(v) && cur && typeof cur === 'object' && !Array.isArray(cur)) mergeInto(cur as Obj, v as GoMap);
    else dst[k] = v;
  }
}

/** The objects `helm init` installs (spec §2.4): Deployment, Service and, with TLS, the Secret. */
export async function tillerObjects(o: TillerInstallOptions): Promise<Obj[]> {
  const tls = o.tls || o.tlsVerify;
  const { image: img, pullPolicy } = image(o);
  const env: Obj[] = [{ name: 'TILLER_NAMESPACE', value: o.namespace }, { name: 'TILLER_HISTORY_MAX', value: String(o.historyMax ?? 0) }];
  const container: Obj = {
    name: 'tiller', image: img, imagePullPolicy: pullPolicy,
    ports: [{ containerPort: 44134, name: 'tiller' }, { containerPort: 44135, name: 'http' }],
    env,
    livenessProbe: { httpGet: { path: '/liveness', port: 44135 }, initialDelaySeconds: 1, timeoutSeconds: 1 },
    readinessProbe: { httpGet: { path: '/readiness', port: 44135 }, initialDelaySeconds: 1, timeoutSeconds: 1 },
    resources: {},
  };
  const podSpec: Obj = { automountServiceAccountToken: o.automountServiceAccountToken ?? true, containers: [container] };
  if (o.serviceAccount) podSpec.serviceAccountName = o.serviceAccount;
  if (o.netHost) podSpec.hostNetwork = true;
  const selectors = parseNodeSelectors(o.nodeSelectors);
  if (selectors) podSpec.nodeSelector = selectors;
  const objects: Obj[] = [];
  if (tls) {
    const read = async (f: string | undefined, what: string): Promise<string> => {
      if (!f) throw new HelmError(`missing required TLS ${what} file`);
      return (await readFile(f)).toString('base64');
    };
    const data: Obj = { 'tls.key': await read(o.tlsKeyFile, 'key'), 'tls.crt': await read(o.tlsCertFile, 'certificate') };
    if (o.tlsVerify) data['ca.crt'] = await read(o.tlsCaFile, 'CA');
    env.push({ name: 'TILLER_TLS_VERIFY', value: o.tlsVerify ? '1' : '' }, { name: 'TILLER_TLS_ENABLE', value: '1' }, { name: 'TILLER_TLS_CERTS', value: '/etc/certs' });
    container.volumeMounts = [{ name: 'tiller-certs', readOnly: true, mountPath: '/etc/certs' }];
    podSpec.volumes = [{ name: 'tiller-certs', secret: { secretName: TILLER_SECRET } }];
    objects.push({ apiVersion: 'v1', kind: 'Secret', type: 'Opaque', metadata: { name: TILLER_SECRET, namespace: o.namespace, labels: LABELS }, data });
  }
  const deployment: Obj = {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: TILLER_NAME, namespace: o.namespace, labels: LABELS },
    spec: {
      replicas: Math.max(1, o.replicas ?? 1),
      strategy: {},
      selector: { matchLabels: LABELS },
      template: { metadata: { labels: LABELS }, spec: podSpec },
    },
    status: {},
  };
  if (o.overrides?.length) mergeInto(deployment, parseSet(o.overrides));
  const service: Obj = {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: TILLER_NAME, namespace: o.namespace, labels: LABELS },
    spec: { type: 'ClusterIP', ports: [{ name: 'tiller', port: 44134, targetPort: 'tiller' }], selector: LABELS },
    status: { loadBalancer: {} },
  };
  return [deployment, service, ...objects.filter((x) => x.kind === 'Secret')].sort((a, b) => (a.kind === 'Secret' ? -1 : b.kind === 'Secret' ? 1 : 0));
}

/** `helm init -o yaml|json`: each document after `---` and a final `...` (YAML), or 4-space JSON objects. */
export function formatTillerObjects(objects: Obj[], format: string): string {
  if (format === 'json') return objects.map((o) => `${JSON.stringify(o, null, 4)}\n`).join('');
  if (format === 'yaml') return `${objects.map((o) => `---\n${toYaml(o as GoValue)}`).join('')}...\n`;
  throw new HelmError(`unknown output format: ${format}`);
}

export type TillerInstallOutcome = 'installed' | 'already-installed' | 'upgraded';

/** Installs (or with `upgrade` updates the image of) tiller through core/src/kube. */
export async function installTiller(o: TillerInstallOptions & { upgrade?: boolean; forceUpgrade?: boolean }, settings: HelmSettings): Promise<TillerInstallOutcome> {
  const { KubeClient, isAlreadyExists, isNotFound } = await import('../kube/index.js');
  const kube = KubeClient.fromKubeconfig({ kubeconfig: settings.kubeconfig || undefined, context: settings.kubeContext || undefined });
  try {
    const objects = await tillerObjects(o);
    const manifest = objects.map((x) => `---\n${toYaml(x as GoValue)}`).join('');
    try {
      await kube.ensureNamespace(o.namespace);
      await kube.create(o.namespace, manifest);
      return 'installed';
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
      if (!o.upgrade) return 'already-installed';
    }
    const getObject = async (apiVersion: string, kind: string, name: string): Promise<Obj> => {
      const [ref] = await kube.build(o.namespace, `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n`);
      return kube.get(ref!);
    };
    const current = await getObject('apps/v1', 'Deployment', TILLER_NAME);
    const containers = ((current.spec as Obj)?.template as Obj)?.spec as Obj;
    const c0 = (containers?.containers as Obj[] | undefined)?.[0];
    const newImage = image(o);
    const oldTag = String(c0?.image ?? '').split(':').pop() ?? '';
    const newTag = newImage.image.split(':').pop() ?? '';
    const semver = await import('semver');
    if (!o.forceUpgrade && semver.valid(oldTag) && semver.valid(newTag) && semver.lt(newTag, oldTag)) {
      throw new HelmError(`current Tiller version ${oldTag} is newer than client version ${newTag}, use --force-upgrade to downgrade`);
    }
    const target = structuredClone(current) as Obj;
    const spec = ((target.spec as Obj).template as Obj).spec as Obj;
    const c = (spec.containers as Obj[])[0]!;
    c.image = newImage.image;
    c.imagePullPolicy = newImage.pullPolicy;
    if (o.serviceAccount) spec.serviceAccountName = o.serviceAccount;
    await kube.update(o.namespace, toYaml(current as GoValue), toYaml(target as GoValue));
    try {
      await getObject('v1', 'Service', TILLER_NAME);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      await kube.create(o.namespace, toYaml(objects.find((x) => x.kind === 'Service') as GoValue));
    }
    return 'upgraded';
  } finally {
    kube.close();
  }
}
