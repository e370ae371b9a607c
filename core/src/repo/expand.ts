import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, posix, resolve, sep } from 'node:path';
import { parseChartYaml, readArchiveFiles } from '../chart/index.js';
import { HelmError } from '../errors/index.js';

/** securejoin.SecureJoin for paths without symlinks: `..` cannot climb above `root`. */
function secureJoin(root: string, unsafe: string): string {
  const cleaned = posix.normalize(`/${unsafe}`).replace(/^\/+/, '');
  const out = resolve(root, cleaned);
  if (out !== resolve(root) && !out.startsWith(resolve(root) + sep)) throw new HelmError(`illegal path ${JSON.stringify(unsafe)}`);
  return out;
}

/**
 * chartutil.Expand (`fetch --untar`): the archive's files written verbatim under `<dir>/<chart name>/`.
 * Hostile entries (`../`, absolute paths) are refused by the archive reader before anything is written.
 */
export async function expandArchive(data: Uint8Array, dir: string, source = 'archive'): Promise<string> {
  const files = readArchiveFiles(data, source);
  const chartfile = files.find((f) => f.name === 'Chart.yaml');
  const chartName = chartfile ? parseChartYaml(Buffer.from(chartfile.data).toString('utf8')).name : '';
  if (!chartName) throw new HelmError('chart name not specified');
  const chartdir = secureJoin(dir, chartName);
  for (const f of files) {
    const out = secureJoin(chartdir, f.name);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, f.data, { mode: 0o644 });
  }
  return chartdir;
}
