/**
 * Test doubles for tiller unit tests: an in-memory cluster behind tiller's KubeApplier interface, and a
 * small renderer that substitutes `{{ .Release.Name }}`, `{{ .Release.Revision }}` and `{{ .Values.k }}`.
 * Objects annotated `test.helm-ts/fail: "<reason>"` fail their hook wait; `test.helm-ts/phase` sets a pod's
 * final phase; kind `Bogus` fails validation.
 */
import { parseAllDocuments, stringify } from 'yaml';
import { ReleaseServer, type ClusterCapabilities, type KubeApplier, type Renderer, type RenderRequest, type RenderResult, type UpdateOptions } from '@helm-ts/tiller';
import { MemoryDriver, Storage } from '@helm-ts/core/storage';
import { chartToProto, type Chart } from '@helm-ts/core/proto';
import type { Chart as ChartModel } from '@helm-ts/core/chart';

type Obj = { kind?: string; metadata?: { name?: string; namespace?: string; annotations?: Record<string, string> }; [k: string]: unknown };

export class FakeKube implements KubeApplier {
  readonly objects = new Map<string, Obj>();
  readonly calls: string[] = [];
  ready = true;
  createDelayMs = 0;

  private docs(manifest: string): Obj[] {
    return parseAllDocuments(manifest).map((d) => d.toJSON() as Obj).filter((o) => o && typeof o === 'object');
  }

  private key(o: Obj, ns: string): string {
    return `${o.kind}/${o.metadata?.namespace ?? ns}/${o.metadata?.name}`;
  }

  async create(ns: string, manifest: string): Promise<void> {
    const docs = this.docs(manifest);
    if (docs.length === 0) throw new Error('no objects visited');
    for (const o of docs) {
      const k = this.key(o, ns);
      if (this.objects.has(k)) throw new Error(`${o.kind} "${o.metadata?.name}" already exists`);
      if (this.createDelayMs) await new Promise((r) => setTimeout(r, this.createDelayMs));
      this.objects.set(k, o);
      this.calls.push(`create ${k}`);
    }
  }

  async update(ns: string, current: string, target: string, _opts: UpdateOptions): Promise<void> {
    const targets = this.docs(target);
    const keys = new Set(targets.map((o) => this.key(o, ns)));
    for (const o of targets) {
      const k = this.key(o, ns);
      this.calls.push(`${this.objects.has(k) ? 'patch' : 'create'} ${k}`);
      this.objects.set(k, o);
    }
    for (const o of this.docs(current)) {
      const k = this.key(o, ns);
      if (keys.has(k)) continue;
      const policy = o.metadata?.annotations?.['helm.sh/resource-policy'];
      if (policy !== undefined && policy !== 'delete') continue;
      this.objects.delete(k);
      this.calls.push(`delete ${k}`);
    }
  }

  async delete(ns: string, manifest: string): Promise<void> {
    const docs = this.docs(manifest);
    if (docs.length === 0) throw new Error('no objects visited');
    for (const o of docs) {
      const k = this.key(o, ns);
      if (this.objects.delete(k)) this.calls.push(`delete ${k}`);
    }
  }

  async validate(_ns: string, manifest: string): Promise<void> {
    for (const o of this.docs(manifest)) {
      if (o.kind === 'Bogus') throw new Error(`unable to recognize "": no matches for kind "Bogus" in version "v1"`);
    }
  }

  async waitForResources(): Promise<void> {
    if (!this.ready) throw new Error('timed out waiting for the condition');
  }

  async watchUntilReady(ns: string, manifest: string): Promise<void> {
    for (const o of this.docs(manifest)) {
      this.calls.push(`watch ${this.key(o, ns)}`);
      const reason = o.metadata?.annotations?.['test.helm-ts/fail'];
      if (reason) throw new Error(`Job failed: ${reason}`);
    }
  }

  async waitForCrdsEstablished(): Promise<void> {}

  async status(ns: string, manifest: string): Promise<string> {
    return this.docs(manifest).map((o) => `${this.key(o, ns)} ${this.objects.has(this.key(o, ns)) ? 'present' : 'MISSING'}`).join('\n');
  }

  async waitForPodCompletion(ns: string, name: string): Promise<string> {
    const o = this.objects.get(`Pod/${ns}/${name}`);
    if (!o) throw new Error('pod not found');
    return o.metadata?.annotations?.['test.helm-ts/phase'] ?? 'Succeeded';
  }

  async podLogs(_ns: string, name: string): Promise<string> {
    return `log of ${name} 100%`;
  }

  async capabilities(): Promise<ClusterCapabilities> {
    return { gitVersion: 'v1.25.0', apiVersions: ['v1', 'apps/v1', 'batch/v1'] };
  }
}

function lookup(values: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), values);
}

export class FakeRenderer implements Renderer {
  async coalesce(chart: ChartModel, valuesRaw: string): Promise<Record<string, unknown>> {
    const user = valuesRaw.trim() ? (parseAllDocuments(valuesRaw)[0]!.toJSON() as Record<string, unknown>) : {};
    return merge(chart.values as Record<string, unknown>, user ?? {});
  }

  async render(req: RenderRequest): Promise<RenderResult> {
    const values = await this.coalesce(req.chart, req.valuesRaw);
    const files = new Map<string, string>();
    let notes = '';
    for (const t of req.chart.templates) {
      const text = Buffer.from(t.data).toString('utf8')
        .replace(/\{\{\s*\.Release\.Name\s*\}\}/g, req.release.name)
        .replace(/\{\{\s*\.Release\.Revision\s*\}\}/g, String(req.release.revision))
        .replace(/\{\{\s*\.Values\.([A-Za-z0-9_.]+)\s*\}\}/g, (_m, p: string) => String(lookup(values, p) ?? ''));
      const key = `${req.chart.metadata.name}/${t.name}`;
      if (t.name === 'templates/NOTES.txt') notes = text;
      else files.set(key, text);
    }
    return { files, notes };
  }

  async toYaml(values: Record<string, unknown>): Promise<string> {
    return stringify(values, { sortMapEntries: true });
  }
}

function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const x = out[k];
    out[k] = x && v && typeof x === 'object' && typeof v === 'object' && !Array.isArray(x) && !Array.isArray(v)
      ? merge(x as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

/** A hapi chart from a map of template path → text, with optional values.yaml text. */
export function protoChart(templates: Record<string, string>, values = '', name = 'mychart', version = '0.1.0'): Chart {
  const model: ChartModel = {
    metadata: { name, version, apiVersion: 'v1', appVersion: '1.0' },
    templates: Object.entries(templates).map(([n, t]) => ({ name: n, data: Buffer.from(t) })),
    values: {},
    rawValues: values,
    files: [],
    dependencies: [],
  };
  return chartToProto(model);
}

export function fakeServer(opts: { maxHistory?: number; leaseOwner?: string; storage?: Storage; kube?: FakeKube } = {}): { srv: ReleaseServer; kube: FakeKube; storage: Storage } {
  const kube = opts.kube ?? new FakeKube();
  const storage = opts.storage ?? new Storage(new MemoryDriver());
  storage.maxHistory = opts.maxHistory ?? 0;
  const srv = new ReleaseServer({ storage, kube, renderer: new FakeRenderer(), leaseOwner: opts.leaseOwner ?? 'test-tiller' });
  return { srv, kube, storage };
}

export const cm = (name: string, extra = '') =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}data:\n  key: "{{ .Values.key }}"\n`;

export const hookJob = (name: string, events: string, opts: { weight?: number; policy?: string; fail?: string } = {}) =>
  `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: ${name}\n  annotations:\n    "helm.sh/hook": ${events}\n` +
  (opts.weight !== undefined ? `    "helm.sh/hook-weight": "${opts.weight}"\n` : '') +
  (opts.policy ? `    "helm.sh/hook-delete-policy": ${opts.policy}\n` : '') +
  (opts.fail ? `    "test.helm-ts/fail": ${opts.fail}\n` : '') +
  `spec: {}\n`;
