/**
 * Go's json.Unmarshal into interface{} (numbers float64, last duplicate key wins, invalid UTF-16
 * escapes as U+FFFD) with encoding/json's error messages: the syntax check runs over the whole input
 * first (`invalid character 'x' after object key`, `unexpected end of JSON input`), then decoding
 * reports type errors (`json: cannot unmarshal array into Go value of type map[string]interface {}`).
 */
import type { GoMap, GoValue } from '../template/value.js';
import { JsonError } from './errors.js';
import { setKey } from './go-strings.js';

// Go's quoteChar for scanner errors: the scanner works on bytes, so a non-ASCII character shows as its
// first UTF-8 byte read as a rune (a BOM is 'ï'), quoted as strconv.Quote would.
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  let cp = c.codePointAt(0)!;
  if (cp >= 0x80) cp = Buffer.from(c, 'utf8')[0]!;
  const short: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v', 92: '\\\\' };
  if (short[cp]) return "'" + short[cp] + "'";
  if (cp < 0x20 || cp === 0x7f) return "'\\x" + cp.toString(16).padStart(2, '0') + "'";
  if (cp >= 0x80 && cp < 0xa0) return "'\\u" + cp.toString(16).padStart(4, '0') + "'";
  return "'" + String.fromCodePoint(cp) + "'";
}

class SyntaxErr extends Error {}

class JsonParser {
  private i = 0;
  constructor(private readonly s: string) {}

  private err(context: string): never {
    if (this.i >= this.s.length) throw new SyntaxErr('unexpected end of JSON input');
    const c = String.fromCodePoint(this.s.codePointAt(this.i)!);
    throw new SyntaxErr(`invalid character ${quoteChar(c)} ${context}`);
  }

  private ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  parseTop(): GoValue {
    this.ws();
    const v = this.value();
    this.ws();
    if (this.i < this.s.length) this.err('after top-level value');
    return v;
  }

  private value(): GoValue {
    const s = this.s;
    const c = s[this.i];
    switch (c) {
      case '{': return this.object();
      case '[': return this.array();
      case '"': return this.string();
      case 't': return this.literal('true', true);
      case 'f': return this.literal('false', false);
      case 'n': return this.literal('null', null);
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    return this.err('looking for beginning of value');
  }

  private literal(word: string, v: GoValue): GoValue {
    for (let k = 1; k < word.length; k++) {
      this.i++;
      if (this.s[this.i] !== word[k]) this.err(`in literal ${word} (expecting '${word[k]}')`);
    }
    this.i++;
    return v;
  }

  private number(): GoValue {
    const s = this.s;
    const start = this.i;
    if (s[this.i] === '-') {
      this.i++;
      if (!(s[this.i]! >= '0' && s[this.i]! <= '9')) this.err('in numeric literal');
    }
    if (s[this.i] === '0') this.i++;
    else while (s[this.i]! >= '0' && s[this.i]! <= '9') this.i++;
    if (s[this.i] === '.') {
      this.i++;
      if (!(s[this.i]! >= '0' && s[this.i]! <= '9')) this.err('after decimal point in numeric literal');
      while (s[this.i]! >= '0' && s[this.i]! <= '9') this.i++;
    }
    if (s[this.i] === 'e' || s[this.i] === 'E') {
      this.i++;
      if (s[this.i] === '+' || s[this.i] === '-') this.i++;
      if (!(s[this.i]! >= '0' && s[this.i]! <= '9')) this.err('in exponent of numeric literal');
      while (s[this.i]! >= '0' && s[this.i]! <= '9') this.i++;
    }
    const text = s.slice(start, this.i);
    const v = Number(text);
    if (!Number.isFinite(v)) return new NumberOverflow(text) as unknown as GoValue;
    return v;
  }

  private string(): string {
    const s = this.s;
    this.i++;
    let out = '';
    let start = this.i;
    for (;;) {
      if (this.i >= s.length) this.err('');
      const c = s.charCodeAt(this.i);
      if (c === 34) {
        out += s.slice(start, this.i);
        this.i++;
        return out;
      }
      if (c < 0x20) this.err('in string literal');
      if (c === 92) {
        out += s.slice(start, this.i);
        this.i++;
        const e = s[this.i];
        switch (e) {
          case '"': case '\\': case '/': out += e; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            let code = 0;
            for (let k = 0; k < 4; k++) {
              this.i++;
              const h = s[this.i];
              if (h === undefined || !/[0-9a-fA-F]/.test(h)) this.err('in \\u hexadecimal character escape');
              code = code * 16 + parseInt(h, 16);
            }
            out += String.fromCharCode(code);
            break;
          }
          default: this.err('in string escape code');
        }
        this.i++;
        start = this.i;
        continue;
      }
      this.i++;
    }
  }

  private object(): GoValue {
    const s = this.s;
    this.i++;
    const out: GoMap = {};
    this.ws();
    if (s[this.i] === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      if (s[this.i] !== '"') this.err('looking for beginning of object key string');
      const k = wellFormed(this.string());
      this.ws();
      if (s[this.i] !== ':') this.err('after object key');
      this.i++;
      this.ws();
      setKey(out, k, this.value());
      this.ws();
      if (s[this.i] === ',') {
        this.i++;
        continue;
      }
      if (s[this.i] === '}') {
        this.i++;
        return out;
      }
      this.err('after object key:value pair');
    }
  }

  private array(): GoValue {
    const s = this.s;
    this.i++;
    const out: GoValue[] = [];
    this.ws();
    if (s[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      out.push(this.value());
      this.ws();
      if (s[this.i] === ',') {
        this.i++;
        continue;
      }
      if (s[this.i] === ']') {
        this.i++;
        return out;
      }
      this.err('after array element');
    }
  }
}

/** A number too large for float64: json.Unmarshal reports it after decoding the rest. */
class NumberOverflow {
  constructor(readonly text: string) {}
}

function wellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

// Strings get lone surrogates replaced; overflowing numbers become the first (saved) error.
function finish(v: GoValue, errors: string[]): GoValue {
  if (typeof v === 'string') return wellFormed(v);
  if (v instanceof NumberOverflow) {
    errors.push(`json: cannot unmarshal number ${v.text} into Go value of type float64`);
    return null;
  }
  if (Array.isArray(v)) return v.map((x) => finish(x, errors));
  if (v !== null && typeof v === 'object') {
    const m = v as GoMap;
    for (const k of Object.keys(m)) m[k] = finish(m[k], errors);
  }
  return v;
}

export type JsonTarget = 'any' | 'map' | 'array';

/**
 * The value json.Unmarshal left in its target along with a type error (it keeps decoding after one:
 * Helm's fromJson returns that map with the "Error" key added).
 */
export function partialJsonValue(err: unknown): GoValue | undefined {
  return err instanceof JsonError && err.cause !== undefined ? (err.cause as GoValue) : undefined;
}

/**
 * json.Unmarshal(text, &target): target interface{} (default), map[string]interface{} or []interface{}.
 * Throws JsonError with Go's message.
 */
export function parseJson(text: string, target: JsonTarget = 'any'): GoValue {
  let v: GoValue;
  try {
    v = new JsonParser(text).parseTop();
  } catch (e) {
    if (e instanceof SyntaxErr) throw new JsonError(e.message);
    throw e;
  }
  const errors: string[] = [];
  v = finish(v, errors);
  if (target !== 'any' && v !== null) {
    const isArr = Array.isArray(v);
    const isObj = !isArr && typeof v === 'object';
    if (!(target === 'map' ? isObj : isArr)) {
      const got = isArr ? 'array' : isObj ? 'object' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : 'string';
      throw new JsonError(`json: cannot unmarshal ${got} into Go value of type ${target === 'map' ? 'map[string]interface {}' : '[]interface {}'}`);
    }
  }
  if (errors.length > 0) throw new JsonError(errors[0]!, { cause: v });
  return v;
}
