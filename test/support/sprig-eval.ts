/**
 * A minimal evaluator for one-line Go templates made of function calls, used by the Sprig unit tables
 * until the template engine is available: `{{ f "a" 1 (g 2.5) | h }}`, `{{ $x := ... }}`, `$x`, literals
 * (strings with Go escapes, raw strings, ints, floats, true/false/nil). Arguments are converted for the
 * function's declared Go signature the way text/template converts untyped constants.
 */
import { isGoMap, type FuncMap, type GoValue, type ParamType } from '@helm-ts/core/template/value';

type Tok = { k: 'str' | 'int' | 'float' | 'ident' | 'var' | 'field' | 'punct'; v: string };

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '"') {
      let j = i + 1;
      while (src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      toks.push({ k: 'str', v: unquote(src.slice(i + 1, j)) });
      i = j + 1;
      continue;
    }
    if (c === '`') {
      const j = src.indexOf('`', i + 1);
      toks.push({ k: 'str', v: src.slice(i + 1, j) });
      i = j + 1;
      continue;
    }
    const num = /^[+-]?(0x[0-9a-fA-F]+|\d+\.\d*(e[+-]?\d+)?|\d+e[+-]?\d+|\.\d+|\d+)/.exec(src.slice(i));
    if (num && (c !== '-' && c !== '+' || /[\d.]/.test(src[i + 1] ?? ''))) {
      toks.push({ k: /[.e]/.test(num[0]) && !num[0].startsWith('0x') ? 'float' : 'int', v: num[0] });
      i += num[0].length;
      continue;
    }
    const id = /^\$[A-Za-z_0-9]*(\.[A-Za-z_][A-Za-z0-9_]*)*|^(\.[A-Za-z_][A-Za-z0-9_]*)+|^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) {
      toks.push({ k: id[0].startsWith('$') ? 'var' : id[0].startsWith('.') ? 'field' : 'ident', v: id[0] });
      i += id[0].length;
      continue;
    }
    if (src.startsWith(':=', i)) { toks.push({ k: 'punct', v: ':=' }); i += 2; continue; }
    toks.push({ k: 'punct', v: c });
    i++;
  }
  return toks;
}

function unquote(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_m, e: string) => {
    if (e[0] === 'x' || e[0] === 'u' || e[0] === 'U') return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]{3}$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return ({ n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', '"': '"', "'": "'" } as Record<string, string>)[e] ?? e;
  });
}

class Evaluator {
  private pos = 0;
  constructor(private toks: Tok[], private funcs: FuncMap, private vars: Map<string, GoValue>, private dot: GoValue) {}

  private isPunct(v: string): boolean {
    const t = this.toks[this.pos];
    return t !== undefined && t.k === 'punct' && t.v === v;
  }

  pipeline(): GoValue {
    let prev: { v: GoValue } | undefined;
    for (;;) {
      prev = { v: this.command(prev) };
      if (this.isPunct('|')) { this.pos++; continue; }
      return prev.v;
    }
  }

  private command(piped?: { v: GoValue }): GoValue {
    const t = this.toks[this.pos];
    if (t.k === 'ident' && !['true', 'false', 'nil'].includes(t.v)) {
      this.pos++;
      const f = this.funcs[t.v];
      if (!f) throw new Error(`function "${t.v}" not defined`);
      const args: GoValue[] = [];
      while (this.pos < this.toks.length && !this.isPunct('|') && !this.isPunct(')')) args.push(this.operand());
      if (piped) args.push(piped.v);
      const sig = f.signature;
      const conv = args.map((a, i) => convert(a, sig ? (i < sig.params.length ? sig.params[i] : sig.variadic ?? 'any') : 'any'));
      if (sig && (conv.length < sig.params.length || (!sig.variadic && conv.length > sig.params.length))) {
        throw new Error(`wrong number of args for ${t.v}: want ${sig.params.length} got ${conv.length}`);
      }
      try {
        return f(...conv);
      } catch (e) {
        throw new Error(`error calling ${t.v}: ${(e as Error).message}`);
      }
    }
    return this.operand();
  }

  private operand(): GoValue {
    const t = this.toks[this.pos++];
    if (t.k === 'punct' && t.v === '(') {
      let v = this.pipeline();
      this.pos++;
      if (this.toks[this.pos]?.k === 'field') v = walk(v, this.toks[this.pos++].v);
      return v;
    }
    if (t.k === 'str') return t.v;
    if (t.k === 'int') return BigInt(t.v);
    if (t.k === 'float') return Number(t.v);
    if (t.k === 'var') {
      const dot = t.v.indexOf('.');
      const name = dot < 0 ? t.v : t.v.slice(0, dot);
      const base = name === '$' ? this.dot : this.vars.get(name);
      return dot < 0 ? base : walk(base, t.v.slice(dot));
    }
    if (t.k === 'field') return walk(this.dot, t.v);
    if (t.v === 'true') return true;
    if (t.v === 'false') return false;
    if (t.v === 'nil') return null;
    if (t.k === 'ident') {
      this.pos--;
      return this.command();
    }
    throw new Error(`unexpected ${t.v}`);
  }

  run(): GoValue | typeof NO_OUTPUT {
    if (this.toks[0]?.k === 'var' && this.toks[1]?.v === ':=') {
      this.pos = 2;
      this.vars.set(this.toks[0].v, this.pipeline());
      return NO_OUTPUT;
    }
    return this.pipeline();
  }
}

const NO_OUTPUT = Symbol('no output');

function walk(v: GoValue, path: string): GoValue {
  for (const key of path.split('.').slice(1)) {
    const method = v !== null && typeof v === 'object' && !isGoMap(v) ? (v as unknown as Record<string, unknown>)[key] : undefined;
    v = typeof method === 'function' ? (method.call(v) as GoValue) : isGoMap(v) ? v[key] : undefined;
  }
  return v;
}

function convert(v: GoValue, t: ParamType): GoValue {
  if (v === undefined) v = null;
  if (t === 'int' && typeof v === 'number') throw new Error(`wrong type for value; expected int; got float64`);
  if (t === 'float64' && typeof v === 'bigint') return Number(v);
  return v;
}

/** Renders a one-line template with `funcs`, printing values with `print`. */
export function renderMini(src: string, funcs: FuncMap, print: (v: GoValue) => string, dot: GoValue = {}): string {
  const vars = new Map<string, GoValue>();
  let out = '';
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) { out += src.slice(i); break; }
    let text = src.slice(i, open);
    let body = open + 2;
    if (src[body] === '-' && src[body + 1] === ' ') { text = text.trimEnd(); body += 2; }
    out += text;
    const close = src.indexOf('}}', body);
    let inner = src.slice(body, close);
    let after = close + 2;
    if (inner.endsWith(' -')) {
      inner = inner.slice(0, -2);
      while (after < src.length && /\s/.test(src[after])) after++;
    }
    const v = new Evaluator(lex(inner), funcs, vars, dot).run();
    if (v !== NO_OUTPUT) out += print(v as GoValue);
    i = after;
  }
  return out;
}
