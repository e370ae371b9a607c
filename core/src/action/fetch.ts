import { readFile, stat, mkdir } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { HelmSettings } from '../home/index.js';
import { HelmError } from '../errors/index.js';
import type { Verification } from '../provenance/index.js';
import { type DownloaderLookup, pluginDownloaders } from '../repo/getter.js';
import { VerificationStrategy, downloadTo, findChartInRepoURL, withTempDir } from '../repo/chart-downloader.js';
import { defaultKeyring } from '../repo/locate-chart.js';
import { expandArchive } from '../repo/expand.js';

export interface FetchOptions {
  ref: string;
  version?: string;
  devel?: boolean;
  untar?: boolean;
  untardir?: string;
  destination?: string;
  /** `--prov`: also fetch the .prov, without verifying. */
  prov?: boolean;
  verify?: boolean;
  keyring?: string;
  repoURL?: string;
  username?: string;
  password?: string;
  certFile?: string;
  keyFile?: string;
  caFile?: string;
  downloaders?: DownloaderLookup;
}

export interface FetchResult {
  /** The saved archive, or the folder the chart was expanded into with --untar. */
  path: string;
  verification?: Verification;
}

/**
 * `helm fetch`: `repo/chart`, a chart URL, or a chart of `--repo URL` saved to --destination, or expanded
 * into --untardir (downloaded to a temporary folder first, so nothing is left behind on failure).
 */
export async function fetchChart(o: FetchOptions, settings: HelmSettings, warn: (line: string) => void): Promise<FetchResult> {
  let version = o.version ?? '';
  if (version === '' && o.devel) version = '>0.0.0-0';
  const destdir = o.destination ?? '.';
  let ref = o.ref;
  if (o.repoURL) ref = await findChartInRepoURL(o.repoURL, ref, version, o, (o.downloaders ?? pluginDownloaders(settings)));
  const verify = o.verify ? VerificationStrategy.Always : o.prov ? VerificationStrategy.Later : VerificationStrategy.Never;
  const dlOptions = {
    home: settings.home, verify, keyring: o.keyring ?? defaultKeyring(), username: o.username, password: o.password,
    certFile: o.certFile, keyFile: o.keyFile, caFile: o.caFile, downloaders: (o.downloaders ?? pluginDownloaders(settings)), warn,
  };
  if (!o.untar) {
    const r = await downloadTo(ref, version, destdir, dlOptions);
    return { path: r.path, verification: r.verification };
  }
  let ud = o.untardir ?? '.';
  if (!isAbsolute(ud)) ud = join(destdir, ud);
  const chartDirName = o.ref.split('/').pop() ?? o.ref;
  try {
    await stat(join(ud, chartDirName));
    throw new HelmError(`failed to untar: a file or directory with the name ${join(ud, chartDirName)} already exists`);
  } catch (err) {
    if (err instanceof HelmError) throw err;
  }
  return withTempDir(async (tmp) => {
    const r = await downloadTo(ref, version, tmp, dlOptions);
    try {
      const st = await stat(ud);
      if (!st.isDirectory()) throw new HelmError(`Failed to untar: ${ud} is not a directory`);
    } catch (err) {
      if (err instanceof HelmError) throw err;
      await mkdir(ud, { recursive: true });
    }
    const path = await expandArchive(await readFile(r.path), ud, r.path);
    return { path, verification: r.verification };
  });
}
