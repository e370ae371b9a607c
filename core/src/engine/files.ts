import { GoNamedMap, type GoMap, type GoValue } from '../template/value.js';
import { toYaml } from '../encoding/index.js';
import { compileGlob } from './glob.js';
import { decodeGoString } from '../template/go-bytes.js';

const utf8 = new TextDecoder();

/** A file's text as Go's string(bytes): a leading BOM dropped (as Helm's loader does), other bytes kept. */
function fileText(b: Uint8Array): string {
  return decodeGoString(b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b);
}

/** Helm's toYAML helper: the YAML of a value without its final newline. */
function toYamlTrimmed(v: GoValue): string {
  return toYaml(v).replace(/\n$/, '');
}

/**
 * `.Files`: the chart's non-template files as Go's `map[string][]byte` with Helm's methods
 * (pkg/engine/files.go). Missing files read as empty.
 */
export class Files extends GoNamedMap {
  readonly goType = 'engine.files';

  constructor(private readonly data: ReadonlyMap<string, Uint8Array>) {
    super();
  }

  /** A missing file reads as an empty []byte, as indexing Go's map[string][]byte does. */
  override zero(): GoValue {
    return new Uint8Array(0);
  }

  entries(): GoMap {
    const m: GoMap = {};
    for (const [k, v] of this.data) m[k] = v;
    return m;
  }

  GetBytes(name: string): Uint8Array {
    return this.data.get(name) ?? new Uint8Array(0);
  }

  Get(name: string): string {
    const b = this.data.get(name);
    return b ? fileText(b) : '';
  }

  Glob(pattern: string): Files {
    const re = compileGlob(pattern);
    const out = new Map<string, Uint8Array>();
    for (const [k, v] of this.data) if (re.test(k)) out.set(k, v);
    return new Files(out);
  }

  Lines(name: string): string[] {
    const b = this.data.get(name);
    return b ? fileText(b).split('\n') : [];
  }

  /** A ConfigMap `data` block: base names → contents, as YAML. */
  AsConfig(): string {
    const m: GoMap = {};
    for (const [k, v] of this.data) m[k.slice(k.lastIndexOf('/') + 1)] = utf8.decode(v);
    return toYamlTrimmed(m);
  }

  /** A Secret `data` block: base names → base64 contents, as YAML. */
  AsSecrets(): string {
    const m: GoMap = {};
    for (const [k, v] of this.data) m[k.slice(k.lastIndexOf('/') + 1)] = Buffer.from(v).toString('base64');
    return toYamlTrimmed(m);
  }
}

(Files as unknown as { signatures: Record<string, { params: string[] }> }).signatures = {
  GetBytes: { params: ['string'] },
  Get: { params: ['string'] },
  Glob: { params: ['string'] },
  Lines: { params: ['string'] },
  AsConfig: { params: [] },
  AsSecrets: { params: [] },
};
