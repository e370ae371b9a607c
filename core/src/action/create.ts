import { mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { HelmError } from '../errors/index.js';
import { chartYamlBytes, loadChart, saveChart, type Chart, type ChartMetadata } from '../chart/index.js';
import { scaffoldFiles, transform } from './create-scaffold.js';

/**
 * `helm create NAME` (Helm v2.17 cmd/helm/create.go + chartutil.Create / CreateFrom): the scaffold is
 * written into `<dir(NAME)>/<base(NAME)>/`, leaving existing files untouched; with a starter, the
 * starter chart is copied (metadata replaced, `<CHARTNAME>` substituted) and the folder must not exist.
 */
export interface CreateOptions {
  name: string;
  /** `-p/--starter`: a name under `starters` or an absolute path. */
  starter?: string;
  /** $HELM_HOME/starters. */
  startersDir: string;
}

export function createMetadata(name: string): ChartMetadata {
  return { name, description: 'A Helm chart for Kubernetes', version: '0.1.0', appVersion: '1.0', apiVersion: 'v1' };
}

/** Returns the chart folder written. */
export async function create(o: CreateOptions): Promise<string> {
  const chartname = basename(o.name);
  const md = createMetadata(chartname);
  const parent = dirname(o.name);
  if (o.starter) {
    const lstarter = isAbsolute(o.starter) ? o.starter : join(o.startersDir, o.starter);
    return createFrom(md, parent, lstarter);
  }
  return createScaffold(md, parent);
}

async function statOrUndefined(p: string) {
  return stat(p).catch(() => undefined);
}

/** chartutil.Create. */
export async function createScaffold(md: ChartMetadata, dir: string): Promise<string> {
  const path = resolve(dir);
  const st = await statOrUndefined(path);
  if (!st) throw new HelmError(`stat ${path}: no such file or directory`);
  if (!st.isDirectory()) throw new HelmError(`no such directory ${path}`);
  const cdir = join(path, md.name);
  const cst = await statOrUndefined(cdir);
  if (cst && !cst.isDirectory()) throw new HelmError(`file ${cdir} already exists and is not a directory`);
  await mkdir(cdir, { recursive: true, mode: 0o755 });
  const cf = join(cdir, 'Chart.yaml');
  if (!(await statOrUndefined(cf))) await writeFile(cf, chartYamlBytes(md), { mode: 0o644 });
  for (const d of ['templates', 'templates/tests', 'charts']) await mkdir(join(cdir, d), { recursive: true, mode: 0o755 });
  for (const [rel, content] of scaffoldFiles(md.name)) {
    const p = join(cdir, rel);
    if (await statOrUndefined(p)) continue;
    await writeFile(p, content, { mode: 0o644 });
  }
  return cdir;
}

/** chartutil.CreateFrom + SaveDir. */
export async function createFrom(md: ChartMetadata, dest: string, src: string): Promise<string> {
  let schart: Chart;
  try {
    schart = await loadChart(src, { warn: () => {} });
  } catch (err) {
    throw new HelmError(`could not load ${src}: ${(err as Error).message}`, { cause: err });
  }
  schart.metadata = md;
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  schart.templates = schart.templates.map((t) => ({ name: t.name, data: enc.encode(transform(dec.decode(t.data), md.name)) }));
  schart.rawValues = transform(schart.rawValues, md.name);
  return saveDir(schart, dest);
}

/** chartutil.SaveDir: a chart written out as a folder; subcharts as archives. */
export async function saveDir(c: Chart, dest: string): Promise<string> {
  const outdir = join(dest, c.metadata.name);
  try {
    await mkdir(outdir, { mode: 0o755 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new HelmError(e.code === 'EEXIST' ? `mkdir ${outdir}: file exists` : e.message, { file: outdir });
  }
  await writeFile(join(outdir, 'Chart.yaml'), chartYamlBytes(c.metadata), { mode: 0o644 });
  if (c.rawValues.length > 0) await writeFile(join(outdir, 'values.yaml'), c.rawValues, { mode: 0o755 });
  for (const d of ['templates', 'charts']) await mkdir(join(outdir, d), { recursive: true, mode: 0o755 });
  for (const f of [...c.templates, ...c.files]) {
    const n = join(outdir, f.name);
    await mkdir(dirname(n), { recursive: true, mode: 0o755 });
    await writeFile(n, f.data, { mode: 0o755 });
  }
  if (c.schema) await writeFile(join(outdir, 'values.schema.json'), c.schema, { mode: 0o755 });
  for (const dep of c.dependencies) await saveChart(dep, join(outdir, 'charts'));
  return outdir;
}
