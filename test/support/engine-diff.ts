/**
 * Differential rendering: many small template cases rendered in one chart by the reference Helm v3.10.1
 * and by ours (the `template` action in-process), case by case. Oracle tooling only; committed tests hold
 * the reference's results.
 *
 * Each case becomes templates/<name>.yaml holding `{{ define "<name>" }}CASE{{ end }}c: {{ include ... | toJson }}`,
 * so any output (even invalid YAML) survives Helm 3's manifest parsing and one helm run covers hundreds of
 * cases. A case that fails (parse or exec) is taken out of the batch and rendered alone, unwrapped, to
 * compare the error messages.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { template } from '@helm-ts/core/action/template';
import { referenceHelmBin, tempDir } from './helm.js';

export interface DiffCase {
  name: string;
  tpl: string;
}

export interface Outcome {
  out?: string;
  err?: string;
}

export interface DiffResult {
  name: string;
  tpl: string;
  ref: Outcome;
  ours: Outcome;
}

export interface DiffOptions {
  valuesYaml?: string;
  chartYaml?: string;
  /** Extra files in the chart (path relative to the chart → content). */
  files?: Record<string, string>;
  /** --set and --set-string arguments, given to both. */
  set?: string[];
  setString?: string[];
}

const CHART_YAML = 'apiVersion: v2\nname: x\nversion: 0.1.0\nappVersion: "1.16.0"\ndescription: A chart\n';

function writeChart(dir: string, templates: Record<string, string>, o: DiffOptions): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'templates'), { recursive: true });
  writeFileSync(join(dir, 'Chart.yaml'), o.chartYaml ?? CHART_YAML);
  writeFileSync(join(dir, 'values.yaml'), o.valuesYaml ?? '');
  for (const [p, text] of Object.entries(o.files ?? {})) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  for (const [name, text] of Object.entries(templates)) writeFileSync(join(dir, 'templates', name), text);
}

const wrap = (c: DiffCase): string => `{{ define "${c.name}" }}${c.tpl}{{ end }}c: {{ include "${c.name}" . | toJson }}\n`;

function cleanErr(s: string): string {
  // Warnings (coalesce.go: ...) may precede the error line.
  const at = s.indexOf('Error: ');
  if (at > 0) s = s.slice(at);
  return s.replace(/^Error: /, '').replace(/\n+$/, '').replace(/\n\nUse --debug flag to render out invalid YAML$/, '');
}

function refRun(dir: string, o: DiffOptions): { ok: boolean; stdout: string; err: string } {
  const extra = [...(o.set ?? []).flatMap((x) => ['--set', x]), ...(o.setString ?? []).flatMap((x) => ['--set-string', x])];
  const r = spawnSync(referenceHelmBin, ['template', 'rel', dir, '--namespace', 'ns', ...extra], {
    encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024,
    env: { PATH: process.env.PATH, HOME: '/tmp', TZ: 'UTC' },
  });
  return { ok: r.status === 0, stdout: r.stdout, err: cleanErr(r.stderr) };
}

async function oursRun(dir: string, o: DiffOptions): Promise<{ ok: boolean; outputs: Map<string, string>; err: string }> {
  try {
    const r = await template({ chartPath: dir, releaseName: 'rel', namespace: 'ns', service: 'Helm', set: o.set, setString: o.setString });
    return { ok: true, outputs: new Map(r.units.map((u) => [u.key, u.content])), err: '' };
  } catch (e) {
    return { ok: false, outputs: new Map(), err: cleanErr((e as Error).message) };
  }
}

/** The value of the `c:` line of each case file in `helm template` output. */
function parseRefOutputs(stdout: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /^# Source: x\/templates\/([^\n]+)\.yaml\n([\s\S]*?)(?=^---\n|(?![\s\S]))/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(stdout)) !== null) out.set(m[1]!, m[2]!);
  return out;
}

function caseValue(body: string | undefined): string | undefined {
  if (body === undefined) return undefined;
  const line = body.split('\n').find((l) => l.startsWith('c: '));
  return line === undefined ? undefined : (JSON.parse(line.slice(3)) as string);
}

const failingCase = (err: string): string | undefined => /x\/templates\/([A-Za-z0-9_-]+)\.yaml/.exec(err)?.[1];

/** Our outcome of every case (errors from the case rendered alone, unwrapped), without the reference. */
export async function oursOutcomes(cases: DiffCase[], o: DiffOptions = {}, alone: ReadonlySet<string> = new Set(), chunk = 300): Promise<Map<string, Outcome>> {
  const out = new Map<string, Outcome>();
  // Cases expected to fail render alone straight away; the rest in chunks (a surprise failure costs a rerun).
  const root = tempDir('engine-alone-');
  for (const c of cases.filter((x) => alone.has(x.name))) {
    writeChart(root, { [`${c.name}.yaml`]: c.tpl }, o);
    const r = await oursRun(root, o);
    out.set(c.name, r.ok ? { err: '(alone it rendered)' } : { err: r.err });
  }
  rmSync(root, { recursive: true, force: true });
  const rest = cases.filter((x) => !alone.has(x.name));
  for (let i = 0; i < rest.length; i += chunk) for (const [k, v] of await oursChunk(rest.slice(i, i + chunk), o)) out.set(k, v);
  return out;
}

async function oursChunk(cases: DiffCase[], o: DiffOptions): Promise<Map<string, Outcome>> {
  const root = tempDir('engine-ours-');
  const dir = join(root, 'x');
  const out = new Map<string, Outcome>();
  let live = cases;
  for (;;) {
    writeChart(dir, Object.fromEntries(live.map((c) => [`${c.name}.yaml`, wrap(c)])), o);
    const r = await oursRun(dir, o);
    if (r.ok) {
      for (const c of live) out.set(c.name, { out: caseValue(r.outputs.get(`x/templates/${c.name}.yaml`)) });
      break;
    }
    const bad = failingCase(r.err);
    const c = live.find((x) => x.name === bad);
    if (c === undefined) throw new Error(`ours failed outside the cases: ${r.err}`);
    live = live.filter((x) => x !== c);
    writeChart(join(root, 'alone'), { [`${c.name}.yaml`]: c.tpl }, o);
    const alone = await oursRun(join(root, 'alone'), o);
    out.set(c.name, alone.ok ? { err: '(alone it rendered)' } : { err: alone.err });
  }
  rmSync(root, { recursive: true, force: true });
  return out;
}

/** Renders every case with both engines and returns all results (equal or not), in chunks (a failing case costs a rerun of its chunk). */
export async function diffCases(cases: DiffCase[], o: DiffOptions = {}, chunk = 150): Promise<DiffResult[]> {
  const out: DiffResult[] = [];
  for (let i = 0; i < cases.length; i += chunk) out.push(...(await diffChunk(cases.slice(i, i + chunk), o)));
  return out;
}

async function diffChunk(cases: DiffCase[], o: DiffOptions): Promise<DiffResult[]> {
  const root = tempDir('engine-diff-');
  const dir = join(root, 'x');
  const byName = new Map(cases.map((c) => [c.name, c]));
  const results = new Map<string, DiffResult>();
  const refErrors = new Set<string>();
  const ourErrors = new Set<string>();

  // Ours first (in-process, cheap): drop failing cases until the batch renders.
  let live = cases;
  for (;;) {
    writeChart(dir, Object.fromEntries(live.map((c) => [`${c.name}.yaml`, wrap(c)])), o);
    const r = await oursRun(dir, o);
    if (r.ok) {
      for (const c of live) results.set(c.name, { name: c.name, tpl: c.tpl, ref: {}, ours: { out: caseValue(r.outputs.get(`x/templates/${c.name}.yaml`)) } });
      break;
    }
    const bad = failingCase(r.err);
    if (bad === undefined || !byName.has(bad)) throw new Error(`ours failed outside the cases: ${r.err}`);
    ourErrors.add(bad);
    live = live.filter((c) => c.name !== bad);
  }

  // Reference: the cases ours rendered, dropping those that fail.
  live = cases.filter((c) => !ourErrors.has(c.name));
  for (;;) {
    writeChart(dir, Object.fromEntries(live.map((c) => [`${c.name}.yaml`, wrap(c)])), o);
    const r = refRun(dir, o);
    if (r.ok) {
      const outs = parseRefOutputs(r.stdout);
      for (const c of live) results.get(c.name)!.ref = { out: caseValue(outs.get(c.name)) };
      break;
    }
    const bad = failingCase(r.err);
    if (bad === undefined || !byName.has(bad)) throw new Error(`reference failed outside the cases: ${r.err}`);
    refErrors.add(bad);
    live = live.filter((c) => c.name !== bad);
  }

  // Errors on either side: the case alone, unwrapped (so the message is the plain one), on both sides; a
  // case only ours failed first runs wrapped alone in the reference, to get its output if it has one.
  for (const name of new Set([...refErrors, ...ourErrors])) {
    const c = byName.get(name)!;
    const res = results.get(name) ?? { name, tpl: c.tpl, ref: {}, ours: {} };
    results.set(name, res);
    if (!refErrors.has(name)) {
      writeChart(dir, { [`${name}.yaml`]: wrap(c) }, o);
      const w = refRun(dir, o);
      if (w.ok) res.ref = { out: caseValue(parseRefOutputs(w.stdout).get(name)) };
    }
    writeChart(dir, { [`${name}.yaml`]: c.tpl }, o);
    if (res.ref.out === undefined) {
      const r = refRun(dir, o);
      res.ref = r.ok ? { err: `(alone it rendered) ${r.stdout}` } : { err: r.err };
    }
    if (ourErrors.has(name)) {
      const ours = await oursRun(dir, o);
      res.ours = ours.ok ? { err: '(alone it rendered)' } : { err: ours.err };
    }
  }
  rmSync(root, { recursive: true, force: true });
  return cases.map((c) => results.get(c.name)!);
}

export const sameOutcome = (r: DiffResult): boolean => r.ref.out === r.ours.out && r.ref.err === r.ours.err;
