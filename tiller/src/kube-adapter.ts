/** The production KubeApplier: core/src/kube's KubeClient, plus the few calls tiller alone needs. */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { ApisApi, CoreApi, CoreV1Api, VersionApi } from '@kubernetes/client-node';
import { KubeClient, isNotFound } from '@helm-ts/core/kube';
import { HelmError } from '@helm-ts/core/errors';
import type { ClusterCapabilities, KubeApplier, UpdateOptions } from './kube.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CAPABILITIES_TTL_MS = 60_000;

export class KubeClientApplier implements KubeApplier {
  private caps?: { at: number; value: ClusterCapabilities };

  constructor(readonly client: KubeClient, private readonly pollMs = 1000) {}

  create(namespace: string, manifest: string): Promise<void> {
    return this.client.create(namespace, manifest);
  }

  update(namespace: string, current: string, target: string, opts: UpdateOptions): Promise<void> {
    return this.client.update(namespace, current, target, opts);
  }

  delete(namespace: string, manifest: string, timeoutSeconds?: number): Promise<void> {
    return this.client.delete(namespace, manifest, { timeoutSeconds });
  }

  async validate(namespace: string, manifest: string): Promise<void> {
    await this.client.build(namespace, manifest);
  }

  waitForResources(namespace: string, manifest: string, timeoutSeconds: number): Promise<void> {
    return this.client.waitForResources(namespace, manifest, timeoutSeconds);
  }

  watchUntilReady(namespace: string, manifest: string, timeoutSeconds: number): Promise<void> {
    return this.client.watchUntilReady(namespace, manifest, timeoutSeconds);
  }

  async waitForCrdsEstablished(manifest: string, timeoutSeconds: number): Promise<void> {
    const refs = (await this.client.build('', manifest)).filter((r) => r.kind === 'CustomResourceDefinition');
    const deadline = Date.now() + timeoutSeconds * 1000;
    for (const ref of refs) {
      for (;;) {
        const crd = await this.client.get(ref);
        const conditions = ((crd.status as { conditions?: Array<{ type: string; status: string }> } | undefined)?.conditions) ?? [];
        if (conditions.some((c) => c.type === 'Established' && c.status === 'True')) break;
        if (conditions.some((c) => c.type === 'NamesAccepted' && c.status === 'False')) {
          throw new HelmError(`naming conflict detected for CRD ${ref.name}`);
        }
        if (Date.now() >= deadline) throw new HelmError('timed out waiting for the condition');
        await sleep(this.pollMs);
      }
    }
  }

  status(namespace: string, manifest: string): Promise<string> {
    return this.client.status(namespace, manifest);
  }

  async waitForPodCompletion(namespace: string, name: string, timeoutSeconds: number): Promise<string> {
    const api = this.client.config.makeApiClient(CoreV1Api);
    const deadline = Date.now() + timeoutSeconds * 1000;
    for (;;) {
      let phase: string | undefined;
      try {
        phase = (await api.readNamespacedPod({ name, namespace })).status?.phase;
      } catch (err) {
        if ((err as { code?: number }).code === 404 || isNotFound(err)) throw new HelmError('pod not found');
        throw err;
      }
      if (phase === 'Succeeded' || phase === 'Failed') return phase;
      if (Date.now() >= deadline) throw new HelmError('timed out waiting for the condition');
      await sleep(this.pollMs);
    }
  }

  /** `group/version/Kind` for every top-level resource of a group version (discovery). */
  private async kindsOf(gv: string): Promise<string[]> {
    const kc = this.client.config;
    const server = kc.getCurrentCluster()?.server;
    if (!server) return [];
    const url = new URL(`${server.replace(/\/$/, '')}${gv.includes('/') ? `/apis/${gv}` : `/api/${gv}`}`);
    const opts: RequestOptions = { method: 'GET', headers: { accept: 'application/json' } };
    await kc.applyToHTTPSOptions(opts);
    const body = await new Promise<string>((resolve, reject) => {
      const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, opts, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => { text += c; });
        res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`discovery ${gv}: HTTP ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end();
    });
    const list = JSON.parse(body) as { resources?: Array<{ name: string; kind: string }> };
    return (list.resources ?? []).filter((r) => !r.name.includes('/')).map((r) => `${gv}/${r.kind}`);
  }

  async podLogs(namespace: string, name: string): Promise<string> {
    return this.client.config.makeApiClient(CoreV1Api).readNamespacedPodLog({ name, namespace });
  }

  async capabilities(): Promise<ClusterCapabilities> {
    if (this.caps && Date.now() - this.caps.at < CAPABILITIES_TTL_MS) return this.caps.value;
    const kc = this.client.config;
    const version = await kc.makeApiClient(VersionApi).getCode();
    const apiVersions = new Set<string>();
    try {
      for (const v of (await kc.makeApiClient(CoreApi).getAPIVersions()).versions) apiVersions.add(v);
    } catch { /* a cluster without /api still has groups */ }
    try {
      for (const g of (await kc.makeApiClient(ApisApi).getAPIVersions()).groups) {
        for (const v of g.versions) apiVersions.add(v.groupVersion);
      }
    } catch { /* v2 falls back to the default list when discovery returns nothing */ }
    // v2 also lists every group/version/Kind, which charts test with .Capabilities.APIVersions.Has.
    const kinds = await Promise.all([...apiVersions].map((gv) => this.kindsOf(gv).catch(() => [] as string[])));
    for (const list of kinds) for (const k of list) apiVersions.add(k);
    const value = { gitVersion: version.gitVersion, apiVersions: [...apiVersions].sort() };
    this.caps = { at: Date.now(), value };
    return value;
  }
}
