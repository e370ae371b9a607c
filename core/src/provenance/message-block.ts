import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { HelmError } from '../errors/index.js';
import { readYaml, writeYaml } from '../repo/yaml-io.js';

/** provenance.DigestFile: plain hex SHA-256 of a file's bytes. */
export function digest(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function digestFile(path: string): Promise<string> {
  return digest(await readFile(path));
}

/**
 * The signed text of a .prov (spec §11): the chart's metadata as ghodss YAML, the YAML document end
 * marker `...` (a `---` line is not allowed inside a clear-signed block), then `files: {<tgz>: sha256:<hex>}`.
 */
export async function messageBlock(archivePath: string): Promise<string> {
  const data = await readFile(archivePath);
  const { loadArchive, metadataJson } = await import('../chart/index.js');
  const chart = await loadArchive(data, archivePath);
  const files = { files: { [basename(archivePath)]: `sha256:${digest(data)}` } };
  return `${await writeYaml(metadataJson(chart.metadata))}...\n${await writeYaml(files)}`;
}

export interface SumCollection {
  files: Record<string, string>;
  images?: Record<string, string>;
}

/** parseMessageBlock: the metadata part and the sums part, split on the first `\n...\n`. */
export async function parseMessageBlock(text: string): Promise<{ metadata: unknown; sums: SumCollection }> {
  const normal = text.replace(/\r\n/g, '\n');
  const i = normal.indexOf('\n...\n');
  if (i < 0) throw new HelmError('message block must have at least two parts');
  const metadata = await readYaml(normal.slice(0, i + 1));
  const raw = ((await readYaml(normal.slice(i + 5))) ?? {}) as Record<string, unknown>;
  const files: Record<string, string> = {};
  if (raw.files && typeof raw.files === 'object') {
    for (const [k, v] of Object.entries(raw.files as Record<string, unknown>)) files[k] = String(v);
  }
  return { metadata, sums: { files } };
}
