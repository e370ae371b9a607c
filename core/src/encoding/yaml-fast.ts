/**
 * A fast path for parseYaml on ordinary documents: js-yaml (several times faster than the `yaml`
 * package) with a schema whose only implicit type is go-yaml v2's resolve, so plain scalars are typed
 * exactly as go-yaml types them and quoted or block scalars stay strings. Whenever the result could
 * differ from go-yaml's (merge keys, self-referencing or heavily used aliases, keys that were not plain
 * strings, NaN or infinities, several documents, any error) it gives up and parseYaml takes the exact path, which also
 * produces Go's error messages.
 */
import { isDeepStrictEqual } from 'node:util';
import jsyaml from 'js-yaml';
import type { GoMap, GoValue } from '../template/value.js';
import { resolvePlain } from './yaml-resolve.js';
import { setKey } from './go-strings.js';

const goPlain = new jsyaml.Type('tag:helm-ts.dev,2024:go-plain', {
  kind: 'scalar',
  resolve: () => true,
  construct: (data: string): unknown => {
    const r = resolvePlain(data);
    // go-yaml keeps timestamps as their text when decoding into interface{}.
    return r.tag === 'str' || r.tag === 'timestamp' ? data : r.value;
  },
});

const SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [goPlain] });

/** Thrown inside the conversion when only the exact path can tell what Go does. */
class GiveUp extends Error {}

// A key is safe when it is a string go-yaml would also have read as a string from a plain scalar.
const SAFE_KEY_START = /^[^-+0-9.yYnNtTfFoO~<[]/;

// js-yaml stringifies non-string keys (true → "true", [a, b] → "a,b", a map → "[object Object]", NaN →
// "NaN"); such keys, and keys go-yaml would treat specially, send the document to the exact path.
function checkKey(k: string): void {
  if (k.length > 1024 || k.includes(',') || k === 'Infinity' || k === 'NaN' || k === '[object Object]') throw new GiveUp();
  if (SAFE_KEY_START.test(k)) return;
  if (k === '' || k === '<<' || k === '-Infinity') throw new GiveUp();
  if (resolvePlain(k).tag !== 'str') throw new GiveUp();
}

// js-yaml hands out the same object for every alias of a collection; go-yaml decodes the anchored node
// again each time, so each use gets its own copy. Self-reference, and enough aliased nodes that go-yaml's
// "excessive aliasing" rule might apply (it needs more than 100), are left to the exact path.
class Converter {
  private readonly seen = new Set<object>();
  private readonly ancestors = new Set<object>();
  private aliasDepth = 0;
  private aliasNodes = 0;

  convert(v: unknown): GoValue {
    if (this.aliasDepth > 0 && ++this.aliasNodes > 100) throw new GiveUp();
    switch (typeof v) {
      case 'string': case 'boolean': return v;
      case 'bigint': return Number(v);
      case 'number':
        if (!Number.isFinite(v)) throw new GiveUp();
        return v;
      case 'undefined': return null;
    }
    if (v === null) return null;
    const o = v as object;
    if (this.ancestors.has(o)) throw new GiveUp();
    const alias = this.seen.has(o);
    this.seen.add(o);
    this.ancestors.add(o);
    if (alias) this.aliasDepth++;
    try {
      if (Array.isArray(v)) return v.map((x) => this.convert(x));
      const out: GoMap = {};
      const m = v as Record<string, unknown>;
      for (const k of Object.keys(m)) {
        checkKey(k);
        setKey(out, k, this.convert(m[k]));
      }
      return out;
    } finally {
      if (alias) this.aliasDepth--;
      this.ancestors.delete(o);
    }
  }
}

// Constructs js-yaml reads differently from libyaml: tabs (libyaml rejects some), content after `---`,
// flow collections or aliases as keys (also after an explicit `?`), empty nested sequence entries, the bare `!` tag, libyaml's missing `\/`
// escape, anchor names libyaml would not accept, and block scalars ending the text without a line break.
const UNSURE = [
  /\t/,
  /^(?:---|\.\.\.)(?![ \t]*(?:#.*)?$)/m,
  /[\]}][ \t]*:(?:[ \t]|$)/m,
  /^[ \t]*(?:- +)*\?(?:[ \t]|$)/m,
  /(?:^|[\s{,])\*[^\s,\]}]+[ \t]*:(?:[ \t]|$)/m,
  /(?:^|\s)-[ \t]+-[ \t]*(?:#.*)?$/m,
  /(?:^|[ \[{,])!(?:[ \t]|$|[,\]}])/m,
  /\\\//,
  /(?:^|[\s\[{,])[&*][\w-]*[^\w\s,\]}-]/m,
  // Directives: libyaml knows only %YAML and %TAG. A closing bracket first: libyaml refuses it.
  /^%/m,
  /^(?:[ \t]*(?:#[^\n]*)?\n)*(?:---[ \t]*\n(?:[ \t]*(?:#[^\n]*)?\n)*)?[ \t]*[\]}]/,
  /^(?:[ \t]*(?:#[^\n]*)?\n)*\.\.\./,
];

// Lines that are comments unless they sit inside a block or quoted scalar. Only spaces may come before
// the `#`: libyaml refuses a tab there at the start of a block line.
const COMMENT_LINES = /^ *#.*$/gm;

function unsure(text: string): boolean {
  for (const re of UNSURE) if (re.test(text)) return true;
  return false;
}

function load(text: string): unknown {
  try {
    return jsyaml.load(text, { schema: SCHEMA, json: true });
  } catch {
    return GIVE_UP;
  }
}
const GIVE_UP = Symbol('give up');

/** The document as parseYaml would return it, or undefined when the exact path must decide. */
export function fastParseYaml(text: string): GoValue | undefined {
  if (!text.endsWith('\n') && /[|>]/.test(text)) return undefined;
  // Real values files trip the checks mostly in comments (tabs, template snippets with `*` and `!`),
  // which libyaml skips unread. Blanking the comment lines (line numbers stay) is sound when the document
  // reads the same without them: a blanked line that was scalar content changes that scalar's value.
  let blanked: string | undefined;
  if (unsure(text)) {
    blanked = text.replace(COMMENT_LINES, '');
    if (blanked === text || unsure(blanked)) return undefined;
  }
  const raw = load(text);
  if (raw === GIVE_UP) return undefined;
  if (blanked !== undefined && !isDeepStrictEqual(raw, load(blanked))) return undefined;
  try {
    return new Converter().convert(raw);
  } catch (err) {
    if (err instanceof GiveUp) return undefined;
    throw err;
  }
}
