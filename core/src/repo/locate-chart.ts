import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import type { HelmSettings } from '../home/index.js';
import { HelmError } from '../errors/index.js';
import { type DownloaderLookup, pluginDownloaders } from './getter.js';
import { VerificationStrategy, downloadTo, findChartInRepoURL } from './chart-downloader.js';
import { chartYamlFromArchive } from './chart-yaml-fast.js';

export interface LocateChartOptions {
  version?: string;
  /** `--devel`: an empty version becomes `>0.0.0-0`. */
  devel?: boolean;
  verify?: boolean;
  keyring?: string;
  repoURL?: string;
  username?: string;
  password?: string;
  certFile?: string;
  keyFile?: string;
  caFile?: string;
  downloaders?: DownloaderLookup;
  warn?: (line: string) => void;
}

async function exists(p: string): Promise<import('node:fs').Stats | undefined> {
  try {
    return await stat(p);
  } catch {
    return undefined;
  }
}

/**
 * locateChartPath (spec §1.3), for install, upgrade, template and inspect: a local file or folder; else a
 * chart under $HELM_HOME/repository; else `--repo URL`, `repo/chart` or a chart URL downloaded into
 * $HELM_HOME/cache/archive. Returns an absolute path.
 */
export async function locateChart(ref: string, options: LocateChartOptions, settings: HelmSettings): Promise<string> {
  let name = ref.trim();
  let version = (options.version ?? '').trim();
  if (version === '' && options.devel) version = '>0.0.0-0';
  const keyring = options.keyring ?? defaultKeyring();
  const downloaders = options.downloaders ?? pluginDownloaders(settings);
  const local = await exists(name);
  if (local) {
    const abs = resolve(name);
    if (options.verify) {
      if (local.isDirectory()) throw new HelmError('cannot verify a directory');
      const { verifyChart } = await import('../provenance/verify.js');
      await verifyChart(abs, keyring);
    }
    return abs;
  }
  if (isAbsolute(name) || name.startsWith('.')) throw new HelmError(`path "${name}" not found`);
  const inRepo = join(settings.home.repository, name);
  if (await exists(inRepo)) return resolve(inRepo);
  if (options.repoURL) {
    name = await findChartInRepoURL(options.repoURL, name, version, options, downloaders);
  }
  await mkdir(settings.home.archive, { recursive: true });
  try {
    const r = await downloadTo(name, version, settings.home.archive, {
      home: settings.home,
      verify: options.verify ? VerificationStrategy.Always : VerificationStrategy.Never,
      keyring,
      username: options.username,
      password: options.password,
      certFile: options.certFile,
      keyFile: options.keyFile,
      caFile: options.caFile,
      downloaders,
      warn: options.warn,
    });
    try {
      // An archive that is not a readable chart (hostile paths, no Chart.yaml) is not kept in the home.
      chartYamlFromArchive(await readFile(r.path));
    } catch (err) {
      await rm(r.path, { force: true });
      await rm(`${r.path}.prov`, { force: true });
      throw new HelmError(`${name}: ${(err as Error).message}`, { cause: err, exitCode: 1 });
    }
    return resolve(r.path);
  } catch (err) {
    if (err instanceof HelmError && err.message.startsWith(`${name}: `)) throw err;
    if (settings.debug) throw err;
    throw new HelmError(`failed to download "${name}" (hint: running \`helm repo update\` may help)`, { cause: err });
  }
}

/** Helm's `--keyring` default: ~/.gnupg/pubring.gpg. */
export function defaultKeyring(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.HOME ?? '', '.gnupg', 'pubring.gpg');
}
