import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import { HelmError } from '../errors/index.js';

/** Helm 3's per-platform command (`platformCommand`, `platformHooks`): chosen by GOOS and GOARCH. */
export interface PlatformCommand {
  os: string;
  arch: string;
  command: string;
}

/** A downloader entry: `command` serves every scheme in `protocols` (spec §12.4). */
export interface Downloader {
  command: string;
  protocols: string[];
}

/** plugin.yaml (spec §12.1), plus Helm 3's platformCommand and platformHooks. */
export interface PluginMetadata {
  name: string;
  version: string;
  usage: string;
  description: string;
  command: string;
  platformCommand: PlatformCommand[];
  ignoreFlags: boolean;
  useTunnel: boolean;
  hooks: Record<string, string>;
  platformHooks: Record<string, PlatformCommand[]>;
  downloaders: Downloader[];
}

/** A loaded Helm plugin: its metadata and the folder it was found in (the symlink path, not its target). */
export interface Plugin {
  metadata: PluginMetadata;
  dir: string;
}

export const pluginFileName = 'plugin.yaml';

/**
 * The error for one bad plugin.yaml: it names the file and the key so the warning can point at it.
 * Helm v2 validated strictly and then crashed on a nil plugin; we keep the strictness, not the crash.
 */
export class PluginMetadataError extends HelmError {
  constructor(readonly key: string, detail: string, file: string, line?: number) {
    super(`${file}${line ? `:${line}` : ''}: key "${key}": ${detail}`, { file, line });
  }
}

function lineOf(text: string, offset: number | undefined): number | undefined {
  if (offset === undefined) return undefined;
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Parses plugin.yaml the way yaml.v2's UnmarshalStrict fills Helm's Metadata struct: YAML 1.1 scalars, any
 * scalar accepted into a string field as written (`version: 1.10` stays "1.10"), booleans only for the
 * bool fields, and an unknown key is an error.
 */
export function parsePluginMetadata(text: string, file: string): PluginMetadata {
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new HelmError(`${file}:${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`, { file, line: e.linePos?.[0]?.line });
  }
  const md: PluginMetadata = {
    name: '', version: '', usage: '', description: '', command: '', platformCommand: [], ignoreFlags: false,
    useTunnel: false, hooks: {}, platformHooks: {}, downloaders: [],
  };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return md;
  if (!isMap(root)) throw new HelmError(`${file}: plugin.yaml must be a map of keys`, { file });
  const at = (n: Node | Pair | null | undefined): number | undefined => {
    const range = n && 'range' in n ? n.range : n && 'key' in n && n.key && typeof n.key === 'object' && 'range' in n.key ? (n.key as Node).range : undefined;
    return lineOf(text, range?.[0]);
  };
  const str = (key: string, n: unknown, path = key): string => {
    if (n === null || n === undefined) return '';
    if (isScalar(n)) {
      if (n.value === null) return '';
      return typeof n.value === 'string' ? n.value : (n.source ?? String(n.value));
    }
    throw new PluginMetadataError(path, `expected a string, found ${isSeq(n) ? 'a list' : 'a map'}`, file, at(n as Node));
  };
  const bool = (key: string, n: unknown): boolean => {
    if (n === null || n === undefined) return false;
    if (isScalar(n)) {
      if (n.value === null) return false;
      if (typeof n.value === 'boolean') return n.value;
    }
    throw new PluginMetadataError(key, `expected true or false, found ${JSON.stringify(isScalar(n) ? n.source ?? n.value : 'a collection')}`, file, at(n as Node));
  };
  const platformCommands = (key: string, n: unknown): PlatformCommand[] => {
    if (n === null || n === undefined || (isScalar(n) && n.value === null)) return [];
    if (!isSeq(n)) throw new PluginMetadataError(key, 'expected a list of {os, arch, command}', file, at(n as Node));
    return n.items.map((item, i) => {
      if (!isMap(item)) throw new PluginMetadataError(`${key}[${i}]`, 'expected a map with os, arch and command', file, at(item as Node));
      const pc: PlatformCommand = { os: '', arch: '', command: '' };
      for (const p of item.items) {
        const k = isScalar(p.key) ? String(p.key.value) : '';
        if (k !== 'os' && k !== 'arch' && k !== 'command') throw new PluginMetadataError(`${key}[${i}].${k}`, 'unknown key', file, at(p));
        pc[k] = str(k, p.value, `${key}[${i}].${k}`);
      }
      return pc;
    });
  };
  const seen = new Set<string>();
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (seen.has(key)) throw new PluginMetadataError(key, 'duplicate key', file, at(pair));
    seen.add(key);
    const v = pair.value;
    switch (key) {
      case 'name': case 'version': case 'usage': case 'description': case 'command':
        md[key] = str(key, v);
        break;
      case 'ignoreFlags': case 'useTunnel':
        md[key] = bool(key, v);
        break;
      case 'platformCommand':
        md.platformCommand = platformCommands(key, v);
        break;
      case 'hooks': {
        if (v === null || (isScalar(v) && v.value === null)) break;
        if (!isMap(v)) throw new PluginMetadataError(key, 'expected a map of event: command', file, at(pair));
        for (const p of v.items) {
          const event = isScalar(p.key) ? String(p.key.value) : String(p.key);
          md.hooks[event] = str(event, p.value, `hooks.${event}`);
        }
        break;
      }
      case 'platformHooks': {
        if (v === null || (isScalar(v) && v.value === null)) break;
        if (!isMap(v)) throw new PluginMetadataError(key, 'expected a map of event: [{os, arch, command}]', file, at(pair));
        for (const p of v.items) {
          const event = isScalar(p.key) ? String(p.key.value) : String(p.key);
          md.platformHooks[event] = platformCommands(`platformHooks.${event}`, p.value);
        }
        break;
      }
      case 'downloaders': {
        if (v === null || (isScalar(v) && v.value === null)) break;
        if (!isSeq(v)) throw new PluginMetadataError(key, 'expected a list of {command, protocols}', file, at(pair));
        v.items.forEach((item, i) => {
          if (!isMap(item)) throw new PluginMetadataError(`downloaders[${i}]`, 'expected a map with command and protocols', file, at(item as Node));
          const d: Downloader = { command: '', protocols: [] };
          for (const p of item.items) {
            const k = isScalar(p.key) ? String(p.key.value) : '';
            if (k === 'command') d.command = str(k, p.value, `downloaders[${i}].command`);
            else if (k === 'protocols') {
              const pv = p.value;
              if (pv === null || (isScalar(pv) && pv.value === null)) continue;
              if (!isSeq(pv)) throw new PluginMetadataError(`downloaders[${i}].protocols`, 'expected a list of URL schemes', file, at(p));
              d.protocols = pv.items.map((s, j) => str('protocols', s, `downloaders[${i}].protocols[${j}]`));
            } else throw new PluginMetadataError(`downloaders[${i}].${k}`, 'unknown key', file, at(p));
          }
          md.downloaders.push(d);
        });
        break;
      }
      default:
        throw new PluginMetadataError(key, 'unknown key', file, at(pair));
    }
  }
  if (!md.name) throw new PluginMetadataError('name', 'missing: a Helm plugin needs a name', file);
  return md;
}
