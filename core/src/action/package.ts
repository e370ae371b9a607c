import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { HelmError } from '../errors/index.js';
import { loadDir, saveChart, isValidSemver, metadataJson, type Chart } from '../chart/index.js';
import { missingDependencies } from '../values/index.js';
import { digestFile } from '../provenance/index.js';
import { loadIndexFile, indexAdd, writeIndexFile } from '../repo/index.js';

/**
 * `helm package` (Helm v2.17 cmd/helm/package.go): load the folder (with .helmignore), apply
 * `--version` / `--app-version`, check the folder name and the requirements, write
 * `<dest>/<name>-<version>.tgz`, then (with `save`) add it to the local repository. Signing and
 * `--dependency-update` are hooks the repository commands provide.
 */
export interface PackageOptions {
  path: string;
  version?: string;
  appVersion?: string;
  /** `-d/--destination`; '.' (the default) is the working directory. */
  destination?: string;
  /** `--save`: also copy into the local repository (`$HELM_HOME/repository/local`). */
  save?: boolean;
  localRepository?: string;
  /** `-u`: runs `helm dependency update` on the chart folder first. */
  dependencyUpdate?: (chartPath: string) => Promise<void>;
  /** Called once the archive is written, before the local-repository copy (Helm prints then). */
  onPackaged?: (archivePath: string) => void;
  /** `--sign`: signs the written archive (writes `<archive>.prov`). */
  sign?: (archivePath: string) => Promise<void>;
}

export interface PackageResult {
  archive: string;
  chart: Chart;
  /** The copy in the local repository, when saved there. */
  localCopy?: string;
}

export async function packageChart(o: PackageOptions): Promise<PackageResult> {
  const path = resolve(o.path);
  if (o.dependencyUpdate) await o.dependencyUpdate(path);
  const ch = await loadDir(path, { warn: () => {} });
  if (o.version) {
    if (!isValidSemver(o.version)) throw new HelmError('Invalid Semantic Version');
    ch.metadata.version = o.version;
  }
  if (o.appVersion) ch.metadata.appVersion = o.appVersion;
  if (basename(path) !== ch.metadata.name) {
    throw new HelmError(`directory name (${basename(path)}) and Chart.yaml name (${ch.metadata.name}) must match`);
  }
  const missing = missingDependencies(ch);
  if (missing.length > 0) {
    throw new HelmError(`found in requirements.yaml, but missing in charts/ directory: ${missing.join(', ')}`);
  }
  const dest = !o.destination || o.destination === '.' ? process.cwd() : o.destination;
  let archive: string;
  try {
    archive = await saveChart(ch, dest);
  } catch (err) {
    throw new HelmError(`Failed to save: ${(err as Error).message}`, { cause: err });
  }
  o.onPackaged?.(archive);
  const result: PackageResult = { archive, chart: ch };
  if (o.save && o.localRepository) result.localCopy = await addChartToLocalRepo(ch, o.localRepository);
  if (o.sign) await o.sign(archive);
  return result;
}

/**
 * repo.AddChartToLocalRepo: save into the local repository, then add an entry to its index.yaml when
 * the chart's name has none. Helm v2 digests the index file itself here, not the archive; kept as is.
 */
export async function addChartToLocalRepo(ch: Chart, localRepo: string): Promise<string> {
  const archive = await saveChart(ch, localRepo);
  const indexPath = join(localRepo, 'index.yaml');
  if (!(await stat(indexPath).catch(() => undefined))) return archive;
  const index = await loadIndexFile(indexPath);
  const name = `${ch.metadata.name}-${ch.metadata.version}`;
  if (!index.entries.has(name)) {
    const dig = await digestFile(indexPath);
    indexAdd(index, metadataJson(ch.metadata), `${name}.tgz`, 'http://127.0.0.1:8879/charts', `sha256:${dig}`);
    await writeIndexFile(index, indexPath);
  }
  return archive;
}
