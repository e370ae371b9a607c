import { readFile, stat } from 'node:fs/promises';
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { HelmError } from '../errors/index.js';
import type { Chart, ChartFile, Dependency } from './model.js';
import { parseChartYaml, parseLockYaml, parseRequirementsYaml, validateDependency, validateMetadata } from './metadata.js';
import { readArchiveFilesStreaming, sniffContentType, trimBom, type ArchiveLimits } from './archive.js';
import { HELMIGNORE, IgnoreRules } from './helmignore.js';
import { parseGoYamlMap } from './yaml.js';

/**
 * Chart loading (spec §7.2, §7.3), as Helm 3.10's loader does it, so Helm 2 (apiVersion v1) and
 * Helm 3 (v2) charts both load. Warnings Helm logs go to `warn` (stderr by default).
 */
export interface LoadOptions {
  limits?: ArchiveLimits;
  warn?: (message: string) => void;
}

const defaultWarn = (m: string): void => { process.stderr.write(m + '\n'); };

/** Loads a chart folder or archive. */
export async function loadChart(path: string, options: LoadOptions = {}): Promise<Chart> {
  let st;
  try {
    st = await stat(path);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new HelmError(`path "${path}" not found`, { file: path });
    throw new HelmError(`stat ${path}: ${e.message}`, { file: path });
  }
  if (st.isDirectory()) return loadDir(path, options);
  return loadFile(path, options);
}

/** LoadFile: an archive on disk; the first 512 bytes must sniff as gzip. */
export async function loadFile(path: string, options: LoadOptions = {}): Promise<Chart> {
  const data = new Uint8Array(await readFile(path));
  const ct = sniffContentType(data);
  if (ct !== 'application/x-gzip') {
    const ext = extname(path);
    if (ext === '.yaml' || ext === '.yml') {
      throw new HelmError(`file '${path}' seems to be a YAML file, but expected a gzipped archive`, { file: path });
    }
    throw new HelmError(`file '${path}' does not appear to be a gzipped archive; got '${ct}'`, { file: path });
  }
  return loadArchive(data, path, options);
}

/** Loads a gzipped chart archive from memory; `source` names it in errors. */
export async function loadArchive(data: Uint8Array, source = 'archive', options: LoadOptions = {}): Promise<Chart> {
  return loadFiles(await readArchiveFilesStreaming(data, source, options.limits), { ...options, source });
}

/** LoadDir: walks the folder in sorted order following symlinks, applying .helmignore. */
export async function loadDir(dir: string, options: LoadOptions = {}): Promise<Chart> {
  const warn = options.warn ?? defaultWarn;
  const topdir = resolve(dir);
  let rules = new IgnoreRules();
  const ifile = join(topdir, HELMIGNORE);
  const ist = await stat(ifile).catch(() => undefined);
  if (ist) rules = IgnoreRules.parse(await readFile(ifile, 'utf8'), ifile);
  rules.addDefaults();

  const files: ChartFile[] = [];
  // Real paths of the folders being walked: a symlink back to one of them would recurse forever.
  const stack = new Set<string>();
  // sympath.Walk: symlinks are resolved and walked as what they point to; Helm logs each one. Synchronous
  // fs calls: a chart is many small files, and the thread pool's round trips cost more than the reads.
  const walk = (abs: string, rel: string): void => {
    if (rel !== '' && rules.ignore(rel, true)) return;
    const real = realpathSync(abs);
    if (stack.has(real)) throw new HelmError(`symlink loop: ${join(topdir, rel)} leads back to ${real}`, { file: join(topdir, rel) });
    stack.add(real);
    for (const name of readdirSync(abs).sort()) {
      const childAbs = join(abs, name);
      const childRel = rel === '' ? name : `${rel}/${name}`;
      let target = childAbs;
      let st = lstatSync(childAbs);
      if (st.isSymbolicLink()) {
        try {
          target = realpathSync(childAbs);
          st = statSync(target);
        } catch (err) {
          throw new HelmError(`error evaluating symlink ${childAbs}: ${(err as Error).message}`, { file: childAbs });
        }
        warn(`found symbolic link in path: ${childAbs} resolves to ${target}. Contents of linked file included and used`);
      }
      if (st.isDirectory()) {
        walk(target, childRel);
        continue;
      }
      if (rules.ignore(childRel, false)) continue;
      if (!st.isFile()) {
        throw new HelmError(`cannot load irregular file ${childAbs} as it has file mode type bits set`, { file: childAbs });
      }
      files.push({ name: childRel, data: trimBom(new Uint8Array(readFileSync(target))) });
    }
    stack.delete(real);
  };
  walk(topdir, '');
  return loadFiles(files, { ...options, source: topdir });
}

const decoder = new TextDecoder();
const text = (f: ChartFile): string => decoder.decode(f.data);

/**
 * LoadFiles: sorts chart files into the model. Errors wrap the file they are about, as Helm's do
 * (`cannot load values.yaml: ...`), and name the chart's location.
 */
export async function loadFiles(files: ChartFile[], options: LoadOptions & { source?: string } = {}): Promise<Chart> {
  const warn = options.warn ?? defaultWarn;
  const source = options.source;
  const wrap = (what: string, err: unknown, fileName: string): HelmError => {
    const e = err as HelmError;
    return new HelmError(`cannot load ${what}: ${e.message}`, {
      file: source ? join(source, fileName) : fileName, line: e.line, cause: err,
    });
  };

  const chartFile = files.find((f) => f.name === 'Chart.yaml');
  let metadata;
  if (chartFile) {
    try {
      metadata = parseChartYaml(text(chartFile), 'Chart.yaml');
    } catch (err) {
      throw wrap('Chart.yaml', err, 'Chart.yaml');
    }
  }
  const chart: Chart = {
    metadata: metadata ?? { name: '', version: '', apiVersion: 'v1' },
    templates: [],
    values: {},
    rawValues: '',
    files: [],
    dependencies: [],
  };
  const subcharts = new Map<string, ChartFile[]>();
  let reqDeps: Dependency[] | undefined;

  for (const f of files) {
    const n = f.name;
    if (n === 'Chart.yaml') continue;
    if (n === 'Chart.lock') {
      try { chart.lock = parseLockYaml(text(f), n); } catch (err) { throw wrap('Chart.lock', err, n); }
    } else if (n === 'values.yaml') {
      chart.rawValues = text(f);
      try { chart.values = parseGoYamlMap(chart.rawValues, n); } catch (err) { throw wrap('values.yaml', err, n); }
    } else if (n === 'values.schema.json') {
      chart.schema = f.data;
    } else if (n === 'values.toml') {
      throw new HelmError('values.toml is illegal as of 2.0.0-alpha.2', { file: source ? join(source, n) : n });
    } else if (n === 'requirements.yaml') {
      if (chart.metadata.apiVersion !== 'v1') {
        warn('Warning: Dependencies are handled in Chart.yaml since apiVersion "v2". We recommend migrating dependencies to Chart.yaml.');
      }
      try { reqDeps = parseRequirementsYaml(text(f), n); } catch (err) { throw wrap('requirements.yaml', err, n); }
      if (chart.metadata.apiVersion === 'v1') chart.files.push(f);
    } else if (n === 'requirements.lock') {
      try { chart.lock = parseLockYaml(text(f), n); } catch (err) { throw wrap('requirements.lock', err, n); }
      if (chart.metadata.apiVersion === 'v1') chart.files.push(f);
    } else if (n.startsWith('templates/')) {
      chart.templates.push(f);
    } else if (n.startsWith('charts/')) {
      if (extname(n) === '.prov') { chart.files.push(f); continue; }
      const fname = n.slice('charts/'.length);
      const cname = fname.split('/', 1)[0]!;
      const list = subcharts.get(cname) ?? [];
      list.push({ name: fname, data: f.data });
      subcharts.set(cname, list);
    } else {
      chart.files.push(f);
    }
  }

  if (!chartFile) {
    throw new HelmError('Chart.yaml file is missing', { file: source });
  }
  try {
    validateMetadata(chart.metadata);
    for (const d of reqDeps ?? []) validateDependency(d);
  } catch (err) {
    throw new HelmError((err as Error).message, { file: source ? join(source, 'Chart.yaml') : 'Chart.yaml' });
  }
  // requirements.yaml is read into the same Metadata.Dependencies in Helm 3, after Chart.yaml.
  const deps = reqDeps ?? chart.metadata.dependencies;
  if (deps !== undefined) chart.requirements = { dependencies: deps };

  const byName = (a: ChartFile, b: ChartFile): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  chart.templates.sort(byName);
  chart.files.sort(byName);

  for (const n of [...subcharts.keys()].sort()) {
    const subFiles = subcharts.get(n)!;
    if (n.startsWith('_') || n.startsWith('.')) continue;
    let sub: Chart;
    try {
      if (extname(n) === '.tgz') {
        const file = subFiles[0]!;
        if (file.name !== n) {
          throw new HelmError(`error unpacking tar in ${chart.metadata.name}: expected ${n}, got ${file.name}`);
        }
        sub = await loadArchive(file.data, source ? join(source, 'charts', n) : n, { ...options });
      } else {
        const buff: ChartFile[] = [];
        for (const f of subFiles) {
          const i = f.name.indexOf('/');
          if (i < 0) continue;
          buff.push({ name: f.name.slice(i + 1), data: f.data });
        }
        sub = await loadFiles(buff, { ...options, source: source ? join(source, 'charts', n) : undefined });
      }
    } catch (err) {
      const e = err as HelmError;
      throw new HelmError(`error unpacking ${n} in ${chart.metadata.name}: ${e.message}`, {
        file: e.file, line: e.line, cause: err,
      });
    }
    sub.parent = chart;
    chart.dependencies.push(sub);
  }
  return chart;
}

/** Whether a directory looks like a chart (IsChartDir): Chart.yaml exists and names the chart. */
export async function isChartDir(dir: string): Promise<boolean> {
  const st = await stat(join(dir, 'Chart.yaml')).catch(() => undefined);
  if (!st || !st.isFile()) return false;
  try {
    return parseChartYaml(await readFile(join(dir, 'Chart.yaml'), 'utf8')).name !== '';
  } catch {
    return false;
  }
}
