/**
 * BurntSushi/toml's Encoder as Helm 3.10's toToml uses it: in each table the plain keys first, then
 * sub-tables and arrays of tables, each group sorted; nested headers indented two spaces per level;
 * a blank line before top-level tables and before every `[[array]]`; floats with 'f' formatting and a
 * forced `.0`; nil map values skipped. An array is an array of tables when its first element is a map.
 */
import { GoNamedList, GoNamedMap, GoNumber, GoStruct, isGoMap, isNilMap, isNilSlice, type GoMap, type GoValue } from '../template/value.js';
import { formatFloat } from '../template/strconv.js';
import { goStringCompare } from './go-strings.js';
import { structJsonValue } from './json-marshal.js';
import { HelmError } from '../errors/index.js';

/** An error BurntSushi/toml returns (its message is what toToml prints). */
export class TomlError extends HelmError {}

/** A Go panic inside the encoder that Encode does not recover: the template call fails with it. */
export class TomlPanic extends HelmError {}

const INDENT = '  ';

// Struct fields as BurntSushi's eStruct sees them: Go field names in declaration order (no sorting).
const structFields = new WeakSet<GoMap>();

function asMap(v: GoValue): GoMap | undefined {
  if (v instanceof GoStruct) {
    // time.Time is written as a value; other types with a JSON form of their own (semver.Version) are
    // structs whose fields are all unexported: an empty table.
    if (typeof (v as { jsonValue?: unknown }).jsonValue === 'function' && !isGoMap(structJsonValue(v))) {
      if (v.goType === 'time.Time') return undefined;
      const empty: GoMap = {};
      structFields.add(empty);
      return empty;
    }
    const out: GoMap = {};
    for (const k of Object.keys(v)) {
      const c = k.charCodeAt(0);
      if (k === 'goType' || (c >= 97 && c <= 122)) continue;
      out[k] = (v as unknown as GoMap)[k];
    }
    structFields.add(out);
    return out;
  }
  if (v instanceof GoNamedMap) return v.entries();
  if (v !== null && typeof v === 'object' && isGoMap(v)) return v;
  return undefined;
}

/** A time.Time as eElement writes it (RFC 3339 with nanoseconds, unquoted), else undefined. */
function textValue(v: GoValue): string | undefined {
  if (!(v instanceof GoStruct) || v.goType !== 'time.Time' || typeof (v as { jsonValue?: unknown }).jsonValue !== 'function') return undefined;
  const j = structJsonValue(v);
  return typeof j === 'string' ? j : undefined;
}

// Named slice types encode as their items.
function plain(v: GoValue): GoValue {
  return v instanceof GoNamedList ? v.items() : v;
}

// Nil slices and maps count as nil (BurntSushi skips them), as do nil interfaces.
function isNil(v: GoValue): boolean {
  return v === null || v === undefined || isNilSlice(v) || isNilMap(v);
}

function checkNoNil(arr: GoValue[]): void {
  for (const e of arr) if (isNil(e)) throw new TomlError('toml: cannot encode array with nil element');
}

function isTableArray(v: GoValue): v is GoValue[] {
  v = plain(v);
  if (!Array.isArray(v) || v.length === 0) return false;
  checkNoNil(v);
  return asMap(v[0]) !== undefined;
}

function isTable(v: GoValue): boolean {
  return asMap(v) !== undefined || isTableArray(v);
}

const BARE_KEY = /^[A-Za-z0-9_-]+$/;
const QUOTE_RE = /["\\\u0000-\u001f\u007f]/g;

function quoteString(s: string): string {
  return '"' + s.replace(QUOTE_RE, (c) => {
    switch (c) {
      case '"': return '\\"';
      case '\\': return '\\\\';
      case '\b': return '\\b';
      case '\t': return '\\t';
      case '\n': return '\\n';
      case '\f': return '\\f';
      case '\r': return '\\r';
    }
    return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
  }) + '"';
}

function quoteKey(k: string): string {
  return BARE_KEY.test(k) ? k : quoteString(k);
}

function floatText(f: number, bits: 32 | 64): string {
  if (Number.isNaN(f)) return 'nan';
  if (!Number.isFinite(f)) return f < 0 ? '-inf' : '+inf';
  const s = formatFloat(f, 'f', -1, bits);
  return s.includes('.') ? s : s + '.0';
}

class TomlEncoder {
  private out = '';
  private hasWritten = false;

  private wf(s: string): void {
    this.out += s;
    this.hasWritten = true;
  }

  private newline(): void {
    if (this.hasWritten) this.wf('\n');
  }

  result(): string {
    return this.out;
  }

  encode(key: string[], v: GoValue): void {
    v = plain(v);

    if (v === undefined) throw new TomlPanic('reflect: call of reflect.Value.Interface on zero Value');
    if (v === null) {
      if (key.length === 0) throw new TomlPanic('reflect: call of reflect.Value.Interface on zero Value');
      return;
    }
    if (Array.isArray(v) && isTableArray(v)) return this.eArrayOfTables(key, v);
    const m = asMap(v);
    if (m !== undefined) return this.eTable(key, m);
    if (typeof v === 'function') throw new TomlError(`toml: unsupported type for key '${key.map(quoteKey).join('.')}': func`);
    this.writeKeyValue(key, v, false);
  }

  private eTable(key: string[], m: GoMap): void {
    if (key.length === 1) this.newline();
    if (key.length > 0) {
      this.wf(INDENT.repeat(key.length - 1) + '[' + key.map(quoteKey).join('.') + ']');
      this.newline();
    }
    this.eMap(key, m, false);
  }

  private eArrayOfTables(key: string[], arr: GoValue[]): void {
    if (key.length === 0) throw new TomlError('toml: top-level values must be Go maps or structs');
    for (const item of arr) {
      this.newline();
      this.wf(INDENT.repeat(key.length - 1) + '[[' + key.map(quoteKey).join('.') + ']]');
      this.newline();
      const m = asMap(item);
      if (m === undefined) throw new TomlPanic(`eTable: unhandled reflect.Value Kind: ${goKind(item)}`);
      this.eMap(key, m, false);
    }
  }

  private eMap(key: string[], m: GoMap, inline: boolean): void {
    const direct: string[] = [];
    const sub: string[] = [];
    for (const k of Object.keys(m)) (isTable(m[k]) ? sub : direct).push(k);
    const ordered = structFields.has(m);
    const write = (keys: string[], trailComma: boolean): void => {
      if (!ordered) keys.sort(goStringCompare);
      keys.forEach((k, i) => {
        const val = m[k];
        if (isNil(val)) return;
        if (inline) {
          this.writeKeyValue([k], val, true);
          if (trailComma || i !== keys.length - 1) this.wf(', ');
        } else this.encode([...key, k], val);
      });
    };
    if (inline) this.wf('{');
    write(direct, sub.length > 0);
    write(sub, false);
    if (inline) this.wf('}');
  }

  private writeKeyValue(key: string[], v: GoValue, inline: boolean): void {
    if (key.length === 0) throw new TomlError('toml: top-level values must be Go maps or structs');
    this.wf(INDENT.repeat(key.length - 1) + quoteKey(key[key.length - 1]!) + ' = ');
    this.eElement(v);
    if (!inline) this.newline();
  }

  private eElement(v: GoValue): void {
    v = plain(v);
    switch (typeof v) {
      case 'string': return this.wf(quoteString(v));
      case 'number': return this.wf(floatText(v, 64));
      case 'bigint': return this.wf(v.toString());
      case 'boolean': return this.wf(v ? 'true' : 'false');
    }
    if (v instanceof GoNumber) return this.wf(v.type === 'float32' ? floatText(Number(v.value), 32) : v.value.toString());
    const text = textValue(v);
    if (text !== undefined) return this.wf(text);
    if (v instanceof Uint8Array) return this.eArray(Array.from(v, (b) => BigInt(b)));
    if (Array.isArray(v)) return this.eArray(v);
    const m = asMap(v);
    if (m !== undefined) return this.eMap([], m, true);
    throw new TomlError(`toml: cannot encode a value of type ${goKind(v)}`);
  }

  private eArray(arr: GoValue[]): void {
    checkNoNil(arr);
    this.wf('[');
    arr.forEach((e, i) => {
      this.eElement(e);
      if (i !== arr.length - 1) this.wf(', ');
    });
    this.wf(']');
  }
}

function goKind(v: GoValue): string {
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'slice';
  if (v instanceof GoNumber) return v.type;
  return 'interface';
}

/**
 * toml.NewEncoder(w).Encode(v). Throws TomlError for errors Encode returns (toToml prints their
 * message) and TomlPanic for panics that escape it (the template call fails).
 */
export function toToml(v: GoValue): string {
  const e = new TomlEncoder();
  e.encode([], v);
  return e.result();
}
