/**
 * The generator of small template cases for differential testing (engine-diff.ts): every Sprig and Helm
 * function over edge inputs, printf verbs, comparisons across types, serializers of awkward values.
 */
import type { DiffCase } from './engine-diff.js';
import { topicCases } from './engine-diff-topics.js';
import { binaryCases, regexCases, unaryCases } from './engine-diff-generated.js';

/** values.yaml shared by every case. */
export const DIFF_VALUES = `str: hello
empty: ""
int: 1
zero: 0
neg: -3
float: 1.5
negf: -2.5
whole: 2.0
big: 1000000
huge: 12345678901234567890
int64: 9007199254740993
e6: 1e6
sci: 1.5e-7
bool: true
f: false
nil: null
list: [1, 2, 3]
strs: [b, a, c]
dups: [a, b, a, 1, 1.0, "1"]
emptyList: []
emptyMap: {}
map: {a: 1, b: two, c: [x, y], d: {e: f}}
nested: {a: {b: {c: deep}}, list: [{n: 1}, {n: 2}]}
unicode: "héllo wörld 日本 😀"
ws: "  padded\\t \\n"
multi: "line1\\nline2\\n"
version: 1.2.3
date: "2021-03-04T05:06:07Z"
octal: 0755
hex: 0x1F
numstr: "42"
floatstr: "3.14"
b64: aGVsbG8=
json: '{"a":1,"b":[true,null,"x"],"c":{"d":1.5}}'
yaml: "a: 1\\nb:\\n- x\\n"
awkward: ["yes", "no", "on", "off", "~", "null", "1.0", "0x10", "-", ": x", "#c", "a: b", " lead", "trail ", "multi\\nline", "tab\\there", "'q'", "\\"dq\\"", "", "@at", "\`bt", "%p", "!bang", "&amp", "*star", "[b]", "{c}", "|", ">", "?", "1e3", "0o17", "+1", ".5", "true", "False", "NULL", "y", "n", "é", "日本", "- x", "a #b", "a\\u0000b", "\\u2028", "1_000", "2001-12-14", "12:30", "0.", "-.inf", ".NaN", "<<"]
mixedKeys: {a1: 1, a10: 2, a2: 3, b: 4, "1": 5, "10": 6, "2": 7, A: 8, "a-1": 9, a01: 10, z: 11, a001: 13, "x.9": 16, "x.10": 17, "-1": 18, "1.5": 19, "": 20, "_": 21, "a b": 22, "é": 23}
`;

/** --set / --set-string for the cases named `set...` (rendered in a chart of their own). */
export const DIFF_SET = ['i=5', 'f=1.5', 's=str', 'b=true', 'n=null', 'big=12345678901234567890', 'neg=-3', 'list={1,a,2.5}', 'e=', 'z=0', 'nested.a.b=1', 'arr[1]=x', 'i64=9223372036854775807', 'octal=0755', 'exp=1e3'];
export const DIFF_SET_STRING = ['ss=7', 'st=true'];

/** Every generated case; `filter` keeps names starting with one of the prefixes. */
export function engineDiffCases(filter: string[] = []): DiffCase[] {
  const all = [...topicCases(), ...regexCases(), ...binaryCases(), ...unaryCases()];
  return filter.length === 0 ? all : all.filter((c) => filter.some((p) => c.name.startsWith(p)));
}
