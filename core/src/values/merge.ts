import { readFile } from 'node:fs/promises';
import { HelmError } from '../errors/index.js';
import { isGoMap, type GoMap, type GoValue } from '../template/value.js';
import { parseGoYamlMap } from '../chart/yaml.js';
import { parseSetFlag } from './strvals.js';

/**
 * Assembling user values as Helm's `vals` does (spec §1.3): every `-f` file deep-merged in order, then
 * all `--set`, then all `--set-string`, then all `--set-file` (grouping fixed, command-line interleaving
 * ignored). `-` reads stdin. Reading a URL is delegated to `readValuesSource` (the repository getters).
 */
export interface MergeValuesOptions {
  valueFiles?: string[];
  set?: string[];
  setString?: string[];
  setFile?: string[];
  /** Reads a values source (path, `-` or URL); defaults to local files and stdin. */
  readValuesSource?: (source: string) => Promise<Uint8Array>;
}

/** Go's os.ReadFile error text. */
function osError(path: string, err: NodeJS.ErrnoException): string {
  const reason: Record<string, string> = {
    ENOENT: 'no such file or directory', EACCES: 'permission denied', EISDIR: 'is a directory', ENOTDIR: 'not a directory',
  };
  if (err.code === 'EISDIR') return `read ${path}: is a directory`;
  return `open ${path}: ${reason[err.code ?? ''] ?? err.message}`;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Helm v2's readFile for values: `-` is stdin, a URL with an http(s) scheme goes through the getter,
 * anything else is a local path.
 */
export async function readLocalSource(source: string): Promise<Uint8Array> {
  if (source.trim() === '-') return readStdin();
  if (/^https?:\/\//i.test(source)) {
    const { httpGetter } = await import('../repo/getter.js');
    return new Uint8Array(await httpGetter.get(source));
  }
  try {
    return new Uint8Array(await readFile(source));
  } catch (err) {
    throw new HelmError(osError(source, err as NodeJS.ErrnoException), { file: source });
  }
}

/** Helm's mergeMaps: maps merge recursively, anything else in `b` replaces. */
export function mergeMaps(a: GoMap, b: GoMap): GoMap {
  const out: GoMap = { ...a };
  for (const [k, v] of Object.entries(b)) {
    if (isGoMap(v)) {
      const bv = out[k];
      if (isGoMap(bv)) { out[k] = mergeMaps(bv, v); continue; }
    }
    out[k] = v;
  }
  return out;
}

const decoder = new TextDecoder();

export async function mergeValues(
  filesOrOptions: string[] | MergeValuesOptions = {},
  set: string[] = [],
  setString: string[] = [],
  setFile: string[] = [],
): Promise<GoMap> {
  const o: MergeValuesOptions = Array.isArray(filesOrOptions)
    ? { valueFiles: filesOrOptions, set, setString, setFile }
    : filesOrOptions;
  const read = o.readValuesSource ?? readLocalSource;
  let base: GoMap = {};
  for (const filePath of o.valueFiles ?? []) {
    const bytes = await read(filePath);
    let current: GoMap;
    try {
      current = parseGoYamlMap(decoder.decode(bytes), filePath);
    } catch (err) {
      const e = err as HelmError;
      throw new HelmError(`failed to parse ${filePath}: ${e.message}`, { file: filePath, line: e.line, cause: err });
    }
    base = mergeMaps(base, current);
  }
  for (const value of o.set ?? []) parseSetFlag('set', value, base);
  for (const value of o.setString ?? []) parseSetFlag('set-string', value, base);
  // --set-file reads synchronously inside the parser in Go; read every named file first here.
  for (const value of o.setFile ?? []) {
    const contents = new Map<string, string>();
    const probe: GoMap = {};
    parseSetFlag('set-file', value, probe, (p) => { contents.set(p, ''); return p; });
    for (const p of contents.keys()) {
      try {
        contents.set(p, decoder.decode(await read(p)));
      } catch (err) {
        throw new HelmError(`failed parsing --set-file data: ${(err as Error).message}`, { cause: err });
      }
    }
    parseSetFlag('set-file', value, base, (p) => contents.get(p) as GoValue);
  }
  return base;
}
