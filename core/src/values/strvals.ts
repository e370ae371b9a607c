import { HelmError } from '../errors/index.js';
import { GoNumber, isGoMap, type GoMap, type GoValue } from '../template/value.js';

/**
 * Helm's pkg/strvals (spec §8.4): the `--set` grammar.
 *
 *   assignments := assignment (',' assignment)*
 *   assignment  := key ( '.' assignment | '[' INT ']' index-rest | '=' value )
 *   index-rest  := '[' INT ']' index-rest | '.' assignment | '=' value
 *   value       := '{' item (',' item)* '}' | runes up to an unescaped ','
 *
 * `\` escapes the next rune anywhere. Errors and panics keep Helm's texts (`key "a" has no value`).
 */
export const MaxIndex = 65536;
export const MaxNestedNameLevel = 30;

/** Converts the raw runes of a value: typed (`--set`), string (`--set-string`) or file (`--set-file`). */
export type RunesToVal = (runes: string) => GoValue;

class EOF {}
const eof = new EOF();
class NotList {}
const errNotList = new NotList();

/** Go's strconv.ParseInt(s, 10, 64) success. */
function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return undefined;
  return n;
}

/** typedVal: true/false/null (any case), 0, and integers not starting with 0 become typed. */
export function typedVal(val: string, st: boolean): GoValue {
  if (st) return val;
  const lower = val.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (val === '0') return new GoNumber('int64', 0n);
  if (val.length !== 0 && val[0] !== '0') {
    const iv = parseInt64(val);
    if (iv !== undefined) return new GoNumber('int64', iv);
  }
  return val;
}

class Scanner {
  private pos = 0;
  private readonly runes: string[];
  constructor(s: string) { this.runes = [...s]; }
  read(): string | EOF { return this.pos < this.runes.length ? this.runes[this.pos++]! : eof; }
  unread(): void { this.pos--; }
}

/** runesUntil: read up to a stop rune, honouring `\` escapes. */
function runesUntil(sc: Scanner, stop: Set<string>): { v: string; last: string | EOF; err?: EOF } {
  let v = '';
  for (;;) {
    const r = sc.read();
    if (r === eof) return { v, last: eof, err: eof };
    const ch = r as string;
    if (stop.has(ch)) return { v, last: ch };
    if (ch === '\\') {
      const next = sc.read();
      if (next === eof) return { v, last: eof, err: eof };
      v += next as string;
    } else {
      v += ch;
    }
  }
}

const quote = (s: string): string => JSON.stringify(s);

/** Go's %q of a []rune: `['n' 'a' 'm' 'e']`. */
function quoteRunes(s: string): string {
  return `[${[...s].map((r) => `'${r === "'" ? "\\'" : r === '\\' ? '\\\\' : r}'`).join(' ')}]`;
}

function goTypeOf(v: GoValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (v === null || v === undefined) return 'nil';
  if (v instanceof GoNumber) return v.type;
  if (Array.isArray(v)) return '[]interface {}';
  if (isGoMap(v)) return 'map[string]interface {}';
  return 'interface {}';
}

class Parser {
  constructor(private readonly sc: Scanner, private readonly data: GoMap, private readonly reader: RunesToVal) {}

  parse(): void {
    for (;;) {
      const err = this.key(this.data, 0);
      if (err === undefined) continue;
      if (err === eof) return;
      throw err;
    }
  }

  private key(data: GoMap, nestedNameLevel: number): Error | EOF | undefined {
    try {
      return this.keyInner(data, nestedNameLevel);
    } catch (err) {
      if (err instanceof PanicError) return new Error(`unable to parse key: ${err.message}`);
      throw err;
    }
  }

  private keyInner(data: GoMap, nestedNameLevel: number): Error | EOF | undefined {
    const stop = new Set(['=', '[', ',', '.']);
    const { v: k, last, err } = runesUntil(this.sc, stop);
    if (err !== undefined) {
      if (k.length === 0) return eof;
      return new Error(`key ${quote(k)} has no value`);
    }
    if (last === '[') {
      let i: number;
      try {
        i = this.keyIndex();
      } catch (e) {
        return new Error(`error parsing index: ${(e as Error).message}`);
      }
      let list: GoValue[] = [];
      if (k in data) list = assertList(data[k]);
      const r = this.listItem(list, i, nestedNameLevel);
      set(data, k, r.list);
      return r.err;
    }
    if (last === '=') {
      const vl = this.valList();
      if (vl.err === undefined) { set(data, k, vl.list); return undefined; }
      if (vl.err === eof) { set(data, k, ''); return eof; }
      if (vl.err === errNotList) {
        const rs = runesUntil(this.sc, new Set([',']));
        set(data, k, this.reader(rs.v));
        return undefined;
      }
      return vl.err as Error;
    }
    if (last === ',') {
      set(data, k, '');
      return new Error(`key ${quote(k)} has no value (cannot end with ,)`);
    }
    // last === '.'
    nestedNameLevel++;
    if (nestedNameLevel > MaxNestedNameLevel) {
      return new Error(`value name nested level is greater than maximum supported nested level of ${MaxNestedNameLevel}`);
    }
    let inner: GoMap = {};
    if (k in data) inner = assertMap(data[k]);
    const e = this.key(inner, nestedNameLevel);
    if (Object.keys(inner).length === 0) return new Error(`key map ${quote(k)} has no value`);
    set(data, k, inner);
    return e;
  }

  private keyIndex(): number {
    const { v, err } = runesUntil(this.sc, new Set([']']));
    if (err !== undefined) throw new Error('EOF');
    if (!/^[+-]?[0-9]+$/.test(v)) throw new Error(`strconv.Atoi: parsing ${quote(v)}: invalid syntax`);
    const n = Number(v);
    if (!Number.isSafeInteger(n)) throw new Error(`strconv.Atoi: parsing ${quote(v)}: value out of range`);
    return n;
  }

  private listItem(list: GoValue[], i: number, nestedNameLevel: number): { list: GoValue[]; err?: Error | EOF } {
    if (i < 0) return { list, err: new Error(`negative ${i} index not allowed`) };
    const { v: k, last, err } = runesUntil(this.sc, new Set(['[', '.', '=']));
    if (k.length > 0) return { list, err: new Error(`unexpected data at end of array index: ${quoteRunes(k)}`) };
    if (err !== undefined) return { list, err: eof };
    if (last === '=') {
      const vl = this.valList();
      if (vl.err === undefined) return setIndex(list, i, vl.list);
      if (vl.err === eof) return setIndex(list, i, '');
      if (vl.err === errNotList) {
        const rs = runesUntil(this.sc, new Set([',']));
        return setIndex(list, i, this.reader(rs.v));
      }
      return { list, err: vl.err as Error };
    }
    if (last === '[') {
      let nextI: number;
      try {
        nextI = this.keyIndex();
      } catch (e) {
        return { list, err: new Error(`error parsing index: ${(e as Error).message}`) };
      }
      let crtList: GoValue[] = [];
      if (list.length > i && list[i] !== null && list[i] !== undefined) crtList = assertList(list[i]);
      const r = this.listItem(crtList, nextI, nestedNameLevel);
      if (r.err !== undefined) return { list, err: r.err };
      return setIndex(list, i, r.list);
    }
    // last === '.'
    let inner: GoMap = {};
    if (list.length > i) {
      const cur = list[i];
      if (isGoMap(cur)) inner = cur;
      else { inner = {}; list[i] = inner; }
    }
    const e = this.key(inner, nestedNameLevel);
    if (e !== undefined) return { list, err: e };
    return setIndex(list, i, inner);
  }

  private valList(): { list: GoValue[]; err?: Error | EOF | NotList } {
    const r = this.sc.read();
    if (r === eof) return { list: [], err: eof };
    if (r !== '{') { this.sc.unread(); return { list: [], err: errNotList }; }
    const list: GoValue[] = [];
    const stop = new Set([',', '}']);
    for (;;) {
      const { v: rs, last, err } = runesUntil(this.sc, stop);
      if (err !== undefined) return { list, err: new Error("list must terminate with '}'") };
      if (last === '}') {
        const n = this.sc.read();
        if (n !== eof && n !== ',') this.sc.unread();
        list.push(this.reader(rs));
        return { list };
      }
      list.push(this.reader(rs));
    }
  }
}

class PanicError extends Error {}

function assertList(v: GoValue): GoValue[] {
  if (Array.isArray(v)) return v;
  throw new PanicError(`interface conversion: interface {} is ${goTypeOf(v)}, not []interface {}`);
}

function assertMap(v: GoValue): GoMap {
  if (isGoMap(v)) return v;
  throw new PanicError(`interface conversion: interface {} is ${goTypeOf(v)}, not map[string]interface {}`);
}

function set(data: GoMap, key: string, val: GoValue): void {
  if (key.length === 0) return;
  data[key] = val;
}

function setIndex(list: GoValue[], index: number, val: GoValue): { list: GoValue[]; err?: Error } {
  if (index < 0) return { list, err: new Error(`negative ${index} index not allowed`) };
  if (index > MaxIndex) return { list, err: new Error(`index of ${index} is greater than maximum supported index of ${MaxIndex}`) };
  if (list.length <= index) {
    const newlist: GoValue[] = new Array(index + 1).fill(null);
    list.forEach((x, j) => { newlist[j] = x; });
    list = newlist;
  }
  list[index] = val;
  return { list };
}

function run(s: string, dest: GoMap, reader: RunesToVal): GoMap {
  new Parser(new Scanner(s), dest, reader).parse();
  return dest;
}

/** strvals.Parse / ParseInto: `--set` with type inference. */
export function parseInto(s: string, dest: GoMap): GoMap {
  return run(s, dest, (rs) => typedVal(rs, false));
}

/** strvals.ParseIntoString: `--set-string`. */
export function parseIntoString(s: string, dest: GoMap): GoMap {
  return run(s, dest, (rs) => typedVal(rs, true));
}

/** strvals.ParseIntoFile: `--set-file`; `reader` returns a file's contents for its path. */
export function parseIntoFile(s: string, dest: GoMap, reader: RunesToVal): GoMap {
  return run(s, dest, reader);
}

export function parse(s: string): GoMap {
  return parseInto(s, {});
}

export function parseString(s: string): GoMap {
  return parseIntoString(s, {});
}

export type SetKind = 'set' | 'set-string' | 'set-file';

/** One flag's value parsed into `dest`, errors prefixed as Helm's CLI prefixes them. */
export function parseSetFlag(kind: SetKind, value: string, dest: GoMap, fileReader?: RunesToVal): void {
  try {
    if (kind === 'set') parseInto(value, dest);
    else if (kind === 'set-string') parseIntoString(value, dest);
    else parseIntoFile(value, dest, fileReader ?? ((p) => p));
  } catch (err) {
    throw new HelmError(`failed parsing --${kind} data: ${(err as Error).message}`, { cause: err });
  }
}
