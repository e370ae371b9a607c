/** Generated differential cases: one-argument functions over edge inputs, two-argument calls over mixed
 * types, seeded random regular expressions (see engine-diff-cases.ts). */
import type { DiffCase } from './engine-diff.js';

/** Value expressions fed to one-argument functions. */
export const INPUTS = [
  '.Values.str', '.Values.empty', '.Values.int', '.Values.zero', '.Values.neg', '.Values.float', '.Values.negf', '.Values.whole',
  '.Values.big', '.Values.huge', '.Values.e6', '.Values.sci', '.Values.bool', '.Values.nil', '.Values.missing', '.Values.list',
  '.Values.strs', '.Values.emptyList', '.Values.map', '.Values.emptyMap', '.Values.unicode', '.Values.ws', '.Values.numstr',
  '.Values.floatstr', '.Values.octal', '1', '-1', '0', '1.5', '-0.5', '"7"', '"abc"', 'nil', 'true',
  '(list 1 "a")', '(dict "a" 1)', '(list)', '(dict)', '(int64 5)', '(float64 3)', '(toStrings (list 1 2))', '("x" | b64enc | b64dec | toString)',
];

const UNARY = [
  // strings
  'upper', 'lower', 'title', 'untitle', 'trim', 'trimAll "l"', 'trimPrefix "he"', 'trimSuffix "lo"', 'nospace', 'initials',
  'snakecase', 'camelcase', 'kebabcase', 'swapcase', 'shuffle | len', 'abbrev 5', 'abbrevboth 1 6', 'wrap 3', 'wrapWith 3 "|"',
  'contains "l"', 'hasPrefix "h"', 'hasSuffix "o"', 'quote', 'squote', 'cat "x"', 'indent 2', 'nindent 2', 'replace "l" "L"',
  'plural "one" "many"', 'sha1sum', 'sha256sum', 'adler32sum', 'b64enc', 'b32enc', 'trunc 3', 'trunc -3', 'repeat 2', 'substr 1 3',
  'len', 'toString', 'toStrings', 'splitList "l"', 'split "l"', 'splitn "l" 2', 'join ","', 'sortAlpha', 'html' ,
  // conversions
  'atoi', 'int', 'int64', 'float64', 'toDecimal', 'toJson', 'toPrettyJson', 'toRawJson', 'toYaml', 'toToml', 'typeOf', 'kindOf',
  'typeIs "string"', 'kindIs "map"', 'deepCopy', 'empty', 'default "d"', 'required "req"', 'fromYaml', 'fromJson', 'fromYamlArray', 'fromJsonArray',
  // lists
  'first', 'last', 'rest', 'initial', 'reverse', 'uniq', 'compact', 'has 1', 'without 1', 'append 9', 'prepend 0', 'concat (list 9)', 'slice 1',
  'mustFirst', 'mustLast', 'mustRest', 'mustUniq', 'mustReverse', 'mustCompact', 'mustHas 1', 'mustWithout 1', 'mustAppend 9', 'mustSlice 1',
  // dicts
  'keys', 'values', 'pick "a"', 'omit "a"', 'hasKey "a"', 'get "a"', 'dig "a" "d"', 'pluck "a"',
  // math
  'add 1', 'sub 1', 'mul 2', 'div 2', 'mod 2', 'max 2', 'min 2', 'add1', 'floor', 'ceil', 'round 1', 'addf 1', 'subf 1', 'mulf 2', 'divf 2',
  'maxf 2', 'minf 2', 'biggest 2', 'until', 'untilStep 0 1',
  // misc
  'semver', 'semverCompare ">1.0"', 'print', 'println', 'printf "%v"', 'printf "%d"', 'printf "%s"', 'printf "%q"', 'printf "%T"', 'printf "%x"',
  'printf "%5.2f"', 'printf "%g"', 'printf "%e"', 'printf "%+v"', 'printf "%#v"', 'printf "%t"', 'printf "%c"', 'printf "%U"', 'printf "%08.3f"', 'printf "%-5d|"',
  'urlquery', 'js', 'not', 'ternary "y" "n"', 'coalesce 0', 'all', 'any', 'regexQuoteMeta', 'urlParse', 'b64dec', 'b32dec', 'base', 'dir', 'ext', 'clean', 'isAbs',
  'toDate "2006-01-02"', 'date "2006-01-02"', 'htmlDate', 'dateInZone "2006" "UTC"', 'unixEpoch', 'duration', 'durationRound',
  'sha512sum', 'quote | squote', 'list | toJson', 'dict "k" | toYaml', 'eq 1', 'ne 1', 'lt 1', 'le 1', 'gt 1', 'ge 1', 'eq "7"',
  'lt 1.5', 'eq nil', 'index 0', 'index "a"', 'slice', 'len | eq 3',
];

export function unaryCases(): DiffCase[] {
  const out: DiffCase[] = [];
  UNARY.forEach((fn, i) => {
    INPUTS.forEach((input, j) => out.push({ name: `u${i}-${j}`, tpl: `{{ ${input} | ${fn} }}` }));
  });
  return out;
}

/** A deterministic pseudo-random generator (mulberry32), so the generated cases are stable. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RE_ATOMS = ['a', 'b', 'ab', '.', '\\\\d', '\\\\w', '\\\\s', '\\\\b', '[a-c]', '[^a]', '[[:alpha:]]', '\\\\pL', '\\\\p{Greek}', 'é', '日', '(?i:A)', '^', '$', '\\\\A', '\\\\z', 'x*', '(a|b)', '(?P<n>a+)', '(a*)', '(?:ab|a)', '[\\\\d-]', '\\\\.', 'Σ'];
const RE_QUANTS = ['', '', '', '*', '+', '?', '{2}', '{1,2}', '*?', '+?', '??', '{0,}'];
const RE_INPUTS = ['', 'a', 'ab', 'aab', 'abc abc', 'a1b2 c3', 'ΣσςΑα', 'héllo wörld', '日本語a', 'a\\nb\\n', 'A-b_c.d', '  x  ', 'aaaa', 'baab', 'xyz123'];
const RE_REPLS = ['-', '<$0>', '[$1]', '${1}x', '$1x', '$$', '${n}', '$n', '', '$2'];

/** Random regular expressions through every regex function (RE2 syntax and leftmost-first semantics). */
export function regexCases(): DiffCase[] {
  const r = rng(12345);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: DiffCase[] = [];
  for (let i = 0; i < 300; i++) {
    let re = '';
    const n = 1 + Math.floor(r() * 3);
    for (let j = 0; j < n; j++) re += pick(RE_ATOMS) + pick(RE_QUANTS);
    if (r() < 0.2) re = `(${re})|${pick(RE_ATOMS)}`;
    if (r() < 0.15) re = '(?i)' + re;
    if (r() < 0.1) re = '(?s)' + re;
    if (r() < 0.1) re = '(?m)' + re;
    if (r() < 0.05) re = '(?U)' + re;
    const input = pick(RE_INPUTS);
    const fn = pick(['find', 'all', 'repl', 'lit', 'split', 'match']);
    const q = (x: string): string => `"${x}"`;
    let tpl: string;
    switch (fn) {
      case 'find': tpl = `{{ regexFind ${q(re)} ${q(input)} | toJson }}`; break;
      case 'all': tpl = `{{ regexFindAll ${q(re)} ${q(input)} ${pick(['-1', '1', '2'])} | toJson }}`; break;
      case 'repl': tpl = `{{ regexReplaceAll ${q(re)} ${q(input)} ${q(pick(RE_REPLS))} | toJson }}`; break;
      case 'lit': tpl = `{{ regexReplaceAllLiteral ${q(re)} ${q(input)} ${q(pick(RE_REPLS))} | toJson }}`; break;
      case 'split': tpl = `{{ regexSplit ${q(re)} ${q(input)} ${pick(['-1', '2'])} | toJson }}`; break;
      default: tpl = `{{ mustRegexMatch ${q(re)} ${q(input)} }}`;
    }
    out.push({ name: `rx${i}`, tpl });
  }
  return out;
}

const BIN_INPUTS = ['.Values.int', '.Values.float', '.Values.str', '.Values.nil', '.Values.list', '.Values.map', '2', '"3"', '(int64 4)', '-1.5', 'true', '.Values.big'];
const BINARY = ['add', 'sub', 'mul', 'div', 'mod', 'max', 'min', 'eq', 'lt', 'ge', 'default', 'coalesce', 'has', 'index', 'repeat', 'trunc', 'cat', 'without', 'semverCompare', 'printf "%v-%v"', 'list', 'dict', 'append', 'contains', 'addf', 'divf', 'round', 'splitList', 'get', 'pluck'];

/** Two-argument calls over mixed-type arguments. */
export function binaryCases(): DiffCase[] {
  const out: DiffCase[] = [];
  BINARY.forEach((fn, i) => BIN_INPUTS.forEach((a, j) => BIN_INPUTS.forEach((b, k) => out.push({ name: `b${i}-${j}-${k}`, tpl: `{{ ${fn} ${a} ${b} | toJson }}` }))));
  return out;
}

