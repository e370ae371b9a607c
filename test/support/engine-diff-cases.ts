/**
 * The generator of small template cases for differential testing (engine-diff.ts): every Sprig and Helm
 * function over edge inputs, printf verbs, comparisons across types, serializers of awkward values.
 */
import type { DiffCase } from './engine-diff.js';

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

function unaryCases(): DiffCase[] {
  const out: DiffCase[] = [];
  UNARY.forEach((fn, i) => {
    INPUTS.forEach((input, j) => out.push({ name: `u${i}-${j}`, tpl: `{{ ${input} | ${fn} }}` }));
  });
  return out;
}

/** Hand-written cases by topic: [name prefix, templates]. */
const TOPICS: [string, string[]][] = [
  ['cmp', [
    '{{ eq 1 1.0 }}', '{{ eq .Values.int 1 }}', '{{ eq .Values.int 1.0 }}', '{{ eq (int64 1) 1 }}', '{{ eq "a" "a" "b" }}', '{{ eq .Values.nil nil }}',
    '{{ eq .Values.missing nil }}', '{{ lt 1 2.5 }}', '{{ lt .Values.int 2 }}', '{{ lt "a" "b" }}', '{{ lt (int64 1) (int 2) }}', '{{ eq (uint 1) 1 }}',
    '{{ lt -1 (uint 1) }}', '{{ eq .Values.list .Values.list }}', '{{ eq .Values.map .Values.map }}', '{{ ne 1 "1" }}', '{{ eq true true }}',
    '{{ lt true false }}', '{{ le 2 2 }}', '{{ gt 2.5 2 }}', '{{ ge "b" "a" }}', '{{ eq 1 }}', '{{ eq }}', '{{ lt nil 1 }}', '{{ eq nil nil }}',
    '{{ eq .Values.big 1000000 }}', '{{ eq .Values.e6 1000000 }}', '{{ eq .Values.huge 12345678901234567890 }}', '{{ lt .Values.neg 0 }}',
  ]],
  ['def', [
    '{{ default "d" .Values.missing }}', '{{ default "d" .Values.empty }}', '{{ default "d" .Values.zero }}', '{{ default "d" .Values.f }}',
    '{{ default "d" .Values.emptyList }}', '{{ default "d" .Values.emptyMap }}', '{{ default "d" .Values.nil }}', '{{ default 1 0 }}',
    '{{ default "d" }}', '{{ empty .Values.map.missing }}', '{{ empty (dict) }}', '{{ empty 0.0 }}', '{{ empty "" }}', '{{ empty .Values.whole }}',
    '{{ coalesce .Values.missing .Values.empty "x" }}', '{{ coalesce }}', '{{ coalesce 0 "" nil }}', '{{ ternary 1 2 true }}', '{{ ternary 1 2 .Values.bool }}',
    '{{ ternary 1 2 "x" }}', '{{ ternary 1 2 }}', '{{ all 1 "a" true }}', '{{ all 1 "" }}', '{{ any 0 "" nil }}', '{{ any }}', '{{ all }}',
    '{{ required "need it" .Values.missing }}', '{{ required "need it" .Values.empty }}', '{{ required "need it" .Values.zero }}', '{{ fail "boom" }}',
    '{{ default (list 1) .Values.missing | toJson }}', '{{ .Values.missing | default "x" | quote }}',
  ]],
  ['dict', [
    '{{ dict "a" 1 "b" | toJson }}', '{{ dict 1 2 | toJson }}', '{{ dict "a" nil | toJson }}', '{{ dict | toJson }}', '{{ list | toJson }}',
    '{{ merge (dict "a" 1 "n" (dict "x" 1)) (dict "a" 2 "b" 3 "n" (dict "y" 2)) | toJson }}', '{{ mergeOverwrite (dict "a" 1 "n" (dict "x" 1)) (dict "a" 2 "b" 3 "n" (dict "y" 2)) | toJson }}',
    '{{ merge (dict "a" (list 1)) (dict "a" (list 2 3)) | toJson }}', '{{ mergeOverwrite (dict "a" (list 1)) (dict "a" (list 2 3)) | toJson }}',
    '{{ mergeOverwrite (dict "a" 1) (dict "a" nil) | toJson }}', '{{ merge (dict "a" nil) (dict "a" 1) | toJson }}', '{{ mergeOverwrite (dict "a" 1) (dict "a" "") | toJson }}',
    '{{ mergeOverwrite (dict "a" 1) (dict "a" 0) | toJson }}', '{{ merge (dict "a" 0) (dict "a" 1) | toJson }}', '{{ merge (dict "a" "") (dict "a" "x") | toJson }}',
    '{{ merge (dict) .Values.map | toJson }}', '{{ mustMerge (dict) .Values.map | toJson }}', '{{ mustMergeOverwrite (dict "x" 1) .Values.nested | toJson }}',
    '{{ $d := dict "a" 1 }}{{ $_ := set $d "b" 2 }}{{ $_ := unset $d "a" }}{{ toJson $d }}', '{{ $d := deepCopy .Values.map }}{{ $_ := set $d "a" 9 }}{{ .Values.map.a }}',
    '{{ pluck "a" (dict "a" 1) (dict "b" 2) (dict "a" 3) | toJson }}', '{{ pluck "a" | toJson }}', '{{ dig "a" "b" "c" "def" .Values.nested }}', '{{ dig "a" "x" "def" .Values.nested }}',
    '{{ dig "list" "def" .Values.nested | toJson }}', '{{ dig "a" "def" (dict) }}', '{{ dig "def" .Values.nested }}', '{{ keys (dict "b" 1 "a" 2) | sortAlpha | toJson }}',
    '{{ keys (dict "b" 1) (dict "a" 2) | toJson }}', '{{ values (dict "b" 1 "a" 2) | toJson }}', '{{ pick .Values.map "a" "zz" | toJson }}', '{{ omit .Values.map "a" "b" | toJson }}',
    '{{ get .Values.map "zz" }}', '{{ get .Values.map "a" }}', '{{ hasKey .Values.map "d" }}', '{{ .Values.map | toYaml }}', '{{ deepCopy nil | toJson }}',
    '{{ deepCopy .Values.nested | toYaml }}', '{{ mustDeepCopy .Values.list | toJson }}', '{{ index .Values.map "c" 1 }}', '{{ index .Values.list 5 }}', '{{ index .Values.map "zz" "y" }}',
    '{{ index .Values.nested "list" 0 "n" }}', '{{ index .Values.strs -1 }}', '{{ slice .Values.strs 1 2 | toJson }}', '{{ slice .Values.str 1 3 }}', '{{ slice .Values.strs 2 1 }}',
    '{{ $m := dict "k" (list 1 2) }}{{ $m2 := merge (dict) $m }}{{ $_ := set $m2 "z" 1 }}{{ toJson $m }}',
  ]],
  ['list', [
    '{{ list 1 2 3 | toJson }}', '{{ list 1 "a" nil 1.5 true | toJson }}', '{{ append .Values.list 4 | toJson }}', '{{ prepend .Values.list 0 | toJson }}',
    '{{ concat .Values.list .Values.strs (list) | toJson }}', '{{ concat .Values.list nil | toJson }}', '{{ uniq .Values.dups | toJson }}', '{{ without .Values.dups "a" 1 | toJson }}',
    '{{ has 1 .Values.dups }}', '{{ has 1.0 .Values.list }}', '{{ has "1" .Values.list }}', '{{ compact (list 0 "" nil false "a" 1 (list) (dict)) | toJson }}',
    '{{ sortAlpha (list "b" 10 "a" 2 1.5) | toJson }}', '{{ sortAlpha .Values.map | toJson }}', '{{ reverse (list) | toJson }}', '{{ first (list) }}', '{{ last (list) }}',
    '{{ rest (list) | toJson }}', '{{ initial (list) | toJson }}', '{{ slice .Values.list 1 | toJson }}', '{{ slice .Values.list 5 | toJson }}', '{{ mustSlice .Values.list 2 1 | toJson }}',
    '{{ until 3 | toJson }}', '{{ until -3 | toJson }}', '{{ untilStep 0 10 3 | toJson }}', '{{ untilStep 10 0 -3 | toJson }}', '{{ untilStep 0 10 -1 | toJson }}', '{{ seq 5 | toJson }}',
    '{{ seq 1 3 }}', '{{ seq 3 1 }}', '{{ seq 1 2 10 }}', '{{ seq 0 }}', '{{ seq -3 }}', '{{ seq 1 -1 -5 }}', '{{ chunk 2 (list 1 2 3 4 5) | toJson }}', '{{ chunk 0 (list 1) | toJson }}',
    '{{ join "-" (list 1 "a" nil 1.5) }}', '{{ join "-" .Values.str }}', '{{ join "-" 3 }}', '{{ splitList "," "a,,b," | toJson }}', '{{ split "," "a,b" | toJson }}',
    '{{ splitn "," 2 "a,b,c" | toJson }}', '{{ toStrings (list 1 nil 1.5 "a" true (list 1)) | toJson }}', '{{ list .Values.nil | len }}', '{{ len .Values.map }}',
    '{{ range $i, $e := .Values.strs }}{{ $i }}{{ $e }}{{ end }}', '{{ range .Values.mixedKeys }}{{ . }},{{ end }}', '{{ range $k, $v := .Values.mixedKeys }}{{ $k }};{{ end }}',
    '{{ rest (list) }}', '{{ rest (list) | typeOf }}', '{{ initial (list) | len }}', '{{ concat (list) (list) | toJson }}', '{{ concat | toJson }}', '{{ concat (list) | toYaml }}',
    '{{ regexFindAll "x" "abc" -1 | toJson }}', '{{ regexSplit "x" "abc" 0 | toJson }}', '{{ regexFindAll "x" "abc" 0 | toJson }}', '{{ without (list 1) 1 | toJson }}', '{{ compact (list "") | toJson }}',
    '{{ uniq (list) | toJson }}', '{{ keys (dict) | toJson }}', '{{ values (dict) | toJson }}', '{{ pluck "a" (dict) | toJson }}', '{{ until 0 | toJson }}', '{{ splitList "," "" | toJson }}',
    '{{ toStrings nil | toJson }}', '{{ slice (list) | toJson }}', '{{ chunk 2 (list) | toJson }}', '{{ reverse (list) | toJson }}', '{{ (list) | toPrettyJson }}', '{{ rest (list 1) | toJson }}',
    '{{ tuple 1 "a" | toJson }}', '{{ without (list 1 2 1) 1 | toJson }}', '{{ mustPrepend nil 1 | toJson }}', '{{ append nil 1 | toJson }}', '{{ first nil }}',
  ]],
  ['str', [
    '{{ trunc 5 .Values.unicode }}', '{{ substr 0 3 .Values.unicode }}', '{{ substr -1 3 "abcdef" }}', '{{ substr 3 1 "abcdef" }}', '{{ substr 2 99 "abcdef" }}',
    '{{ abbrev 3 "abcdef" }}', '{{ abbrev 4 "abcdef" }}', '{{ abbrevboth 5 10 "1234 5678 9123 4567" }}', '{{ wrap 5 "a long sentence here" }}', '{{ wrapWith 5 "\\t" "a long sentence here" }}',
    '{{ title "hello wORLD-x_y z.w" }}', '{{ untitle "Hello World" }}', '{{ camelcase "http_server_x-y z" }}', '{{ snakecase "HTTPServer FooBar" }}', '{{ kebabcase "HTTPServerFooBar" }}',
    '{{ snakecase "already_snake" }}', '{{ camelcase "_a__b_" }}', '{{ kebabcase "a1B2" }}', '{{ swapcase "Hello Wörld" }}', '{{ initials "hello big world" }}',
    '{{ nospace " a b\\tc\\n" }}', '{{ trim "\\u00a0 x \\u3000" }}', '{{ trimAll "$-" "$-a-$" }}', '{{ indent 3 "a\\nb\\n" }}', '{{ nindent 2 "" }}', '{{ indent 2 "" }}',
    '{{ replace "" "x" "abc" }}', '{{ repeat 0 "x" }}', '{{ repeat -1 "x" }}', '{{ quote 1 nil "a" 1.5 }}', '{{ squote nil }}', '{{ quote }}', '{{ quote "a\\"b\\\\c\\n\\t\\u00e9\\u0001" }}',
    '{{ cat "a" nil 1 "" (list 1) }}', '{{ plural "a" "b" 0 }}', '{{ plural "a" "b" 1 }}', '{{ contains "" "" }}', '{{ lower "ÀÉÎ" }}', '{{ upper "straße ǆ" }}', '{{ title "ǆungla" }}',
    '{{ print 1 2 "a" "b" 3 nil 4 }}', '{{ println 1 "a" }}', '{{ print nil }}', '{{ print (list nil) }}', '{{ print .Values.map }}', '{{ print .Values.nested }}',
    '{{ html "<a href=\\"x\\">&\'</a>" }}', '{{ js "<a>\'\\"\\\\\\n=&" }}', '{{ urlquery "a b&c=d/é" }}', '{{ "a" | printf "%s-%s" "b" }}', '{{ printf "%s" }}',
    '{{ printf "%d %d" 1 }}', '{{ printf "%d" 1 2 }}', '{{ printf "%!" }}', '{{ printf "%z" 1 }}', '{{ printf "%v %v" .Values.list .Values.map }}', '{{ printf "%+v" .Values.nested }}',
    '{{ printf "%#v" .Values.map }}', '{{ printf "%#v" .Values.list }}', '{{ printf "%#v" 1.0 }}', '{{ printf "%#v" "x" }}', '{{ printf "%v" 1e21 }}', '{{ printf "%v" 1e20 }}',
    '{{ printf "%v" .Values.sci }}', '{{ printf "%v" 0.000001 }}', '{{ printf "%v" 0.0000001 }}', '{{ printf "%.3v" 3.14159 }}', '{{ printf "%6.2f|%-8.3e|%G" 3.14159 1234.5 1e-10 }}',
    '{{ printf "%x %X %o %O %b" 255 255 8 8 5 }}', '{{ printf "%x" "hi" }}', '{{ printf "% x" "hi" }}', '{{ printf "%#x" 255 }}', '{{ printf "%q" 65 }}', '{{ printf "%c" 0x1F600 }}',
    '{{ printf "%U" 0x1F600 }}', '{{ printf "%#U" 65 }}', '{{ printf "%5s|%-5s|%.2s" "a" "b" "xyz" }}', '{{ printf "%05d" -42 }}', '{{ printf "%+d" 5 }}', '{{ printf "%x" 1.5 }}',
    '{{ printf "%t" 1 }}', '{{ printf "%d" "s" }}', '{{ printf "%s" 1 }}', '{{ printf "%s" nil }}', '{{ printf "%v" nil }}', '{{ printf "%d" nil }}', '{{ printf "%s" .Values.list }}',
    '{{ printf "%d" .Values.list }}', '{{ printf "%[2]d %[1]d" 1 2 }}', '{{ printf "%[3]d" 1 }}', '{{ printf "%*d" 5 1 }}', '{{ printf "%.*f" 2 3.14159 }}', '{{ printf "%v" .Values.huge }}',
    '{{ printf "%d" .Values.huge }}', '{{ printf "%v" .Values.int64 }}', '{{ printf "%v" .Values.octal }}', '{{ printf "%v" .Values.hex }}', '{{ printf "%v %v" .Values.inf .Values.nan }}',
    '{{ printf "%T %T %T %T" .Values.int .Values.list .Values.map .Values.nil }}', '{{ printf "%v" (list "a" (dict "b" nil)) }}', '{{ printf "%q" (list "a" "b") }}', '{{ printf "%5.1f%%" 12.345 }}',
  ]],
  ['num', [
    '{{ add 1 2.5 }}', '{{ add "1" "2" }}', '{{ add .Values.float 1 }}', '{{ add .Values.huge 1 }}', '{{ add .Values.int64 0 }}', '{{ mul 1.5 2 }}', '{{ div 7 2 }}', '{{ div 7 0 }}',
    '{{ mod 7 0 }}', '{{ mod -7 3 }}', '{{ div -7 2 }}', '{{ sub 1 }}', '{{ add }}', '{{ max 1 "5" 3.7 }}', '{{ min 1.9 2 }}', '{{ maxf 1 "5" 3.7 }}', '{{ minf 1.9 2 "x" }}',
    '{{ addf 0.1 0.2 }}', '{{ subf 1 0.9 }}', '{{ mulf 1.1 3 }}', '{{ divf 1 3 }}', '{{ divf 1 0 }}', '{{ round 2.5 0 }}', '{{ round -2.5 0 }}', '{{ round 1.2345 2 0.4 }}',
    '{{ floor -1.5 }}', '{{ ceil "1.2" }}', '{{ int "1.9" }}', '{{ int "0x1F" }}', '{{ int "1e3" }}', '{{ int64 "-12" }}', '{{ float64 "1e-3" }}', '{{ float64 "x" }}', '{{ atoi "12a" }}',
    '{{ atoi " 12" }}', '{{ int 1e19 }}', '{{ int -1.9 }}', '{{ toDecimal "0777" }}', '{{ toDecimal "8" }}', '{{ 1e6 }}', '{{ 1.0 }}', '{{ 0x10 }}', '{{ 1_000 }}', '{{ -0.0 }}',
    '{{ 3.0e2 }}', '{{ 1e-7 }}', '{{ 123456789012 }}', '{{ .Values.e6 }}', '{{ .Values.huge }}', '{{ .Values.int64 }}', '{{ .Values.big }}', '{{ .Values.whole }}', '{{ .Values.sci }}',
    '{{ .Values.octal }}', '{{ .Values.hex }}', '{{ 1e6 | toString }}', '{{ .Values.big | toString }}', '{{ .Values.big | quote }}',
    '{{ .Values.e6 | int }}', '{{ .Values.huge | int64 }}', '{{ .Values.huge | int }}', '{{ .Values.float | int }}', '{{ .Values.big | toYaml }}', '{{ .Values.huge | toJson }}',
    '{{ 12345678.9 | toJson }}', '{{ 1e21 | toJson }}', '{{ 1e20 | toJson }}', '{{ 0.0000001 | toJson }}', '{{ 1e21 | toYaml }}', '{{ 0.0000001 | toYaml }}', '{{ 1e6 | toYaml }}',
    '{{ -0.0 | toJson }}', '{{ (fromYaml "a: .nan").a | toJson }}', '{{ fromYaml "a: .inf" | toYaml }}', '{{ add1 .Values.float }}', '{{ randInt 1 1 }}', '{{ biggest 1 2 }}',
  ]],
  ['ser', [
    '{{ toYaml .Values.awkward }}', '{{ toJson .Values.awkward }}', '{{ toPrettyJson .Values.nested }}', '{{ toRawJson (dict "a" "<&>") }}', '{{ toJson (dict "a" "<&>") }}',
    '{{ toYaml .Values.mixedKeys }}', '{{ toJson .Values.mixedKeys }}', '{{ toToml .Values.mixedKeys }}', '{{ toToml .Values.nested }}', '{{ toToml .Values.awkward }}',
    '{{ toYaml .Values.multi }}', '{{ toYaml .Values.ws }}', '{{ toYaml .Values.unicode }}', '{{ toYaml nil }}', '{{ toYaml .Values.missing }}', '{{ toJson nil }}',
    '{{ toYaml (list) }}', '{{ toYaml (dict) }}', '{{ toYaml (list (list) (dict) nil) }}', '{{ toYaml (dict "a" (list (dict "b" 1 "c" (list 1 2)))) }}',
    '{{ toYaml (repeat 100 "word ") }}', '{{ toYaml (dict "k" (repeat 30 "word ")) }}', '{{ toYaml "a: b\\nc" }}', '{{ toYaml "  x\\n  y\\n" }}', '{{ toYaml "x\\n\\n" }}',
    '{{ toYaml "\\tx" }}', '{{ toYaml "x\\r\\ny" }}', '{{ toYaml "é\\u0085" }}', '{{ toYaml (b64dec "/w==") }}', '{{ toJson (b64dec "/w==") }}', '{{ toYaml 1.5 }}', '{{ toYaml true }}',
    '{{ toYaml (int64 3) }}', '{{ toYaml (list 1 2 | toStrings) }}', '{{ toJson (list 1 2 | toStrings) }}', '{{ toJson .Values.list }}', '{{ toJson 1e6 }}', '{{ toJson 1.5 }}',
    '{{ fromYaml .Values.yaml | toJson }}', '{{ fromYaml "a: [" | toJson }}', '{{ fromYaml "- a" | toJson }}', '{{ fromYaml "" | toJson }}', '{{ fromYaml "a: 1\\na: 2" | toJson }}',
    '{{ fromYaml "a: 1e3\\nb: 0x10\\nc: 010\\nd: 1_000\\ne: .5\\nf: yes\\ng: ~\\nh: 2001-12-14\\ni: !!str 1\\nj: 12345678901234567890" | toJson }}', '{{ fromYamlArray "- 1\\n- a" | toJson }}',
    '{{ fromYamlArray "a: 1" | toJson }}', '{{ fromJson .Values.json | toYaml }}', '{{ fromJson "{" | toJson }}', '{{ fromJson "[1]" | toJson }}', '{{ fromJson "" | toJson }}',
    '{{ fromJsonArray "[1,\\"a\\"]" | toJson }}', '{{ fromJsonArray "{}" | toJson }}', '{{ fromJson "{\\"a\\":1e400}" | toJson }}', '{{ fromYaml "a: &x 1\\nb: *x" | toJson }}',
    '{{ fromYaml "? [a]\\n: 1" | toJson }}', '{{ fromYaml "a:\\n  b: 1\\n c: 2" | toJson }}', '{{ fromYaml "a: \'x" | toJson }}', '{{ fromYaml "a: b: c" | toJson }}', '{{ fromYaml "\\ta: 1" | toJson }}',
    '{{ (fromYaml "a: 1").a | typeOf }}', '{{ (fromYaml "a: 12345678901234567890").a | typeOf }}', '{{ (fromJson "{\\"a\\":1}").a | typeOf }}', '{{ (fromYaml "a: 1").Error }}',
    '{{ toYaml (dict "a" (b64dec "aGk=")) }}', '{{ toJson (list (dict "z" 1 "a" 2)) }}', '{{ toPrettyJson (list) }}', '{{ toPrettyJson (dict) }}', '{{ toPrettyJson "x" }}',
    '{{ toYaml (dict "a" "yes" "b" "1" "c" "" "d" "null" "e" "~" "f" "0o7" "g" "1e3" "h" "0b1" "i" "+.5") }}',
    '{{ mustFromJson "{\\"a\\":1,\\"b\\":[1,2.5,\\"x\\"],\\"c\\":null}" | toString }}', '{{ mustFromJson "[1,\\"a\\"]" | typeOf }}', '{{ mustFromJson "12345678901234567890" }}',
    '{{ mustFromJson "\\"str\\"" }}', '{{ mustFromJson "{bad" }}', '{{ mustFromJson "" }}', '{{ mustFromJson "1 2" }}', '{{ fromJson "1 2" | toJson }}', '{{ fromJson "[1]x" | toJson }}',
    '{{ toToml .Capabilities.KubeVersion }}', '{{ toToml .Chart }}', '{{ toToml (dict "a" (list 1 (dict "b" 2))) }}', '{{ toToml (dict "a" nil "b" (list)) }}',
    '{{ fromYaml "a: [1," | toJson }}', '{{ fromYaml "a: {b: 1," | toJson }}', '{{ fromYaml "a: [1, 2]]" | toJson }}', '{{ fromYaml "a: !!binary zz" | toJson }}', '{{ fromYaml "a: !!binary aGk=" | toJson }}', '{{ fromYaml "a: !!binary aGk" | toJson }}', '{{ fromYaml "a: !!binary |\\n  aG\\n  k=" | toJson }}', '{{ fromYaml "a: !!binary a Gk=" | toJson }}', '{{ fromYaml "a: !!binary \\"\\"" | toJson }}',
    '{{ fromYaml "a: {" | toJson }}', '{{ fromYaml "[: 1" | toJson }}', '{{ fromYaml "{: 1" | toJson }}', '{{ fromYaml "k:\\n  - [\\n  - x" | toJson }}', '{{ fromYaml "a: ?" | toJson }}',
    '{{ fromYaml "--- a: 1" | toJson }}', '{{ fromYaml ": a: 1" | toJson }}', '{{ fromYaml "%a: 1" | toJson }}', '{{ fromYaml "... a: 1" | toJson }}', '{{ fromYaml "*: 1" | toJson }}',
    '{{ fromYaml "a: ]" | toJson }}', '{{ fromYaml "[1, 2]]" | toJson }}', '{{ fromYaml "a: [1, ,]" | toJson }}', '{{ fromYaml "a: [,]" | toJson }}', '{{ fromYaml "a:\\n- [1]]" | toJson }}', '{{ fromYaml "- [1]]\\n" | toJson }}', '{{ fromYaml "a: [1, 2" | toJson }}', '{{ fromYaml "a: [\\n" | toJson }}', '{{ fromYaml "a: [\\n\\n" | toJson }}', '{{ fromYaml "a: [ # c" | toJson }}', '{{ fromYaml "a: [1,\\n" | toJson }}', '{{ fromYaml "a:\\n  b: [\\n  c: 1" | toJson }}', '{{ fromYaml "a: {b: ,}" | toJson }}', '{{ fromYaml "a: {,}" | toJson }}', '{{ fromYaml "a: {b: [}" | toJson }}', '{{ fromYaml "a: [{]" | toJson }}', '{{ fromYaml "x: 1\\na: [\\n" | toJson }}', '{{ fromYaml "a: ]\\n" | toJson }}', '{{ fromYaml "a: 1\\n]" | toJson }}', '{{ fromYaml "a: ? a" | toJson }}', '{{ fromYaml "- ?" | toJson }}', '{{ fromYaml "a: *" | toJson }}', '{{ fromYaml "a: *x" | toJson }}', '{{ fromYaml "a: &" | toJson }}', '{{ fromYaml "a: & x" | toJson }}', 
    '{{ fromYaml "{}: 1" | toJson }}', '{{ fromYaml "&a: 1" | toJson }}', '{{ fromYaml "*a: 1" | toJson }}', '{{ fromYaml "[]: 1" | toJson }}',
  ]],
  ['helm', [
    '{{ toJson .Chart }}', '{{ toYaml .Chart }}', '{{ toJson .Capabilities }}', '{{ toYaml .Capabilities.KubeVersion }}', '{{ toJson .Capabilities.KubeVersion }}',
    '{{ .Capabilities.KubeVersion }}', '{{ .Capabilities.KubeVersion | quote }}', '{{ printf "%v" .Capabilities.KubeVersion }}', '{{ printf "%s" .Capabilities.KubeVersion }}',
    '{{ .Capabilities.KubeVersion.Version }}', '{{ .Capabilities.KubeVersion.Major }}', '{{ .Capabilities.KubeVersion.String }}', '{{ print .Capabilities.KubeVersion }}',
    '{{ toString .Capabilities.KubeVersion }}', '{{ .Capabilities.APIVersions | len }}', '{{ .Capabilities.APIVersions.Has "v1" }}', '{{ typeOf .Capabilities.APIVersions }}',
    '{{ toJson .Template }}', '{{ .Template.Name }}', '{{ .Template.BasePath }}', '{{ toJson .Release.Name }}', '{{ .Release.Namespace }}', '{{ .Release.IsInstall }}',
    '{{ .Release.Revision }}', '{{ typeOf .Release.Revision }}', '{{ typeOf .Release }}', '{{ typeOf .Chart }}', '{{ typeOf .Capabilities }}', '{{ typeOf .Values }}',
    '{{ typeOf .Files }}', '{{ typeOf .Template }}', '{{ .Chart.Name }}-{{ .Chart.Version }}-{{ .Chart.AppVersion }}', '{{ .Chart.IsRoot }}', '{{ .Chart.Maintainers | toJson }}',
    '{{ .Chart.Keywords | toJson }}', '{{ .Chart.Annotations | toJson }}', '{{ .Chart.Dependencies | toJson }}', '{{ printf "%v" .Chart.Annotations }}', '{{ kindOf .Chart }}',
    '{{ .Values | typeOf }}', '{{ .Values.map | typeOf }}', '{{ tpl "{{ .Values.str }}" . }}', '{{ tpl "{{ .Template.Name }}" . }}', '{{ tpl "{{ add 1 }}" . }}', '{{ tpl "{{ " . }}',
    '{{ tpl (toYaml .Values.map) . }}', '{{ tpl "x" (dict) }}', '{{ tpl "{{ .a }}" (dict "a" 1) }}', '{{ include "nope" . }}', '{{ required "r" nil }}', '{{ .Files.Get "nope" | quote }}',
    '{{ .Files.Glob "*.yaml" | len }}', '{{ toJson .Files }}', '{{ .Capabilities.HelmVersion.Version | typeOf }}', '{{ semverCompare ">=1.20-0" .Capabilities.KubeVersion.GitVersion }}',
    '{{ semverCompare ">=1.20-0" .Capabilities.KubeVersion.Version }}', '{{ printf "%T" .Capabilities.KubeVersion }}', '{{ printf "%+v" .Capabilities.KubeVersion }}',
    '{{ .Capabilities.KubeVersion | toString }}', '{{ list .Capabilities.KubeVersion | toJson }}', '{{ dict "k" .Capabilities.KubeVersion | toYaml }}',
  ]],
  ['semver', [
    '{{ semverCompare "^1.2.0" "1.2.3" }}', '{{ semverCompare "~1.2" "1.3.0" }}', '{{ semverCompare ">=1.20" "v1.25.0" }}', '{{ semverCompare ">1.0" "1.1.0-beta" }}',
    '{{ semverCompare ">1.0-0" "1.1.0-beta" }}', '{{ semverCompare "1.x" "1.9.9" }}', '{{ semverCompare "bad" "1.0" }}', '{{ semverCompare "1.0" "bad" }}', '{{ semverCompare "" "1.0" }}',
    '{{ semverCompare ">= 1.2, < 3.0" "2.5" }}', '{{ semverCompare "1.2 || 2.x" "2.0.1" }}', '{{ semverCompare "!=1.2.3" "1.2.3" }}', '{{ semverCompare "=1.2.3" "v1.2.3" }}',
    '{{ semverCompare "*" "0.0.1-alpha" }}', '{{ semverCompare ">1.2.3-alpha.1" "1.2.3-alpha.10" }}', '{{ semverCompare "1.2.3 - 2.3.4" "2.3" }}', '{{ semverCompare "^0.2.3" "0.3.0" }}',
    '{{ (semver "1.2.3-rc.1+build").Prerelease }}', '{{ (semver "v1.2").Major }}', '{{ semver "1.2.3" | toJson }}', '{{ (semver "1.2.3").Original }}', '{{ semver "x" }}',
    '{{ (semver "1.2.3").Compare (semver "1.3.0") }}', '{{ (semver "1.2.3").LessThan (semver "1.3.0") }}', '{{ semver "1.2.3" }}', '{{ (semver "01.2.3").Major }}', '{{ semverCompare ">=1.2.3" "1.2.3.4" }}',
  ]],
  ['date', [
    '{{ toDate "2006-01-02" "2021-03-04" }}', '{{ toDate "2006-01-02" "bad" }}', '{{ toDate "2006-01-02T15:04:05Z07:00" .Values.date | date "Mon Jan 2 15:04:05 MST 2006" }}',
    '{{ date "2006-01-02" 0 }}', '{{ date "2006-01-02 15:04" 1614834367 }}', '{{ date "2006-01-02" "x" }}', '{{ dateInZone "2006-01-02 15:04 MST" 1614834367 "Asia/Tokyo" }}',
    '{{ dateInZone "2006" 0 "Bad/Zone" }}', '{{ htmlDate 1614834367 }}', '{{ htmlDateInZone 1614834367 "America/New_York" }}', '{{ unixEpoch (toDate "2006-01-02" "2021-03-04") }}',
    '{{ dateModify "+1h" (toDate "2006-01-02" "2021-03-04") }}', '{{ dateModify "bad" (toDate "2006-01-02" "2021-03-04") }}', '{{ duration 3661 }}', '{{ duration "95" }}', '{{ durationRound "2h10m5s" }}',
    '{{ durationRound 100000000 }}', '{{ durationRound "bad" }}', '{{ mustToDate "2006" "x" }}', '{{ toDate "2006-01-02" "2021-03-04" | typeOf }}', '{{ toDate "2006-01-02" "2021-03-04" | toJson }}',
    '{{ toDate "2006-01-02" "2021-03-04" | toYaml }}', '{{ toDate "Jan _2 2006" "Mar  4 2021" | date "02 Jan 06 15:04 -0700 .000" }}', '{{ date "Monday January 2 3:04PM" 1614834367 }}',
    '{{ toDate "2006-01-02T15:04:05.999999999Z07:00" "2021-03-04T05:06:07.123456789+02:00" | date "2006-01-02T15:04:05.000Z07:00" }}',
  ]],
  ['enc', [
    '{{ b64enc "é" }}', '{{ b64dec "!!" }}', '{{ b64dec "aGk" }}', '{{ b32enc "hi" }}', '{{ b32dec "NBUQ====" }}', '{{ b32dec "x" }}', '{{ sha256sum "" }}', '{{ adler32sum "x" }}',
    '{{ b64enc 1 }}', '{{ b64enc nil }}', '{{ b64dec "aGk=" | typeOf }}', '{{ "hi" | b64enc | b64dec }}', '{{ urlParse "https://u:p@h:8/p?q=1#f" | toJson }}',
    '{{ urlJoin (dict "scheme" "https" "host" "h" "path" "/p" "query" "a=b") }}', '{{ urlParse "::" }}', '{{ regexMatch "^[a-z]+$" "abc" }}',
  ]],
  ['re', [
    '{{ regexFindAll "(a|(b))+" "ab" -1 }}', '{{ regexReplaceAll "(a|(b))+" "ab" "<$2>" }}', '{{ regexReplaceAll "(a)|b" "ab" "[$1]" }}', '{{ regexReplaceAll "(?P<x>a)" "a" "${x}${x}" }}',
    '{{ regexReplaceAll "(a)" "a" "$1x" }}', '{{ regexReplaceAll "(a)" "a" "$10" }}', '{{ regexReplaceAll "a" "a" "$" }}', '{{ regexFind "(a*)*" "b" }}', '{{ regexFind "(a|ab)(c|bcd)(d*)" "abcd" }}',
    '{{ regexReplaceAll "(a*)+" "b" "<$1>" }}', '{{ regexReplaceAll "(a*)*" "aab" "<$1>" }}', '{{ regexReplaceAll "(a?)*?b" "aab" "<$1>" }}', '{{ regexReplaceAll "((a)|b)+" "ab" "<$2>" }}',
    '{{ regexReplaceAll "(a|b)*?c" "abc" "<$1>" }}', '{{ regexFindAll "\\\\b" "a b" -1 | len }}', '{{ regexSplit "\\\\s*" "a b" -1 }}', '{{ regexFindAll "[\\\\p{Han}]+" "日本x語" -1 }}',
    '{{ regexFindAll "\\\\p{Lu}\\\\p{Ll}+" "HelloWorldÉté" -1 }}', '{{ regexMatch "^\\\\p{Cyrillic}+$" "привет" }}', '{{ regexReplaceAll "é" "éé" "e" }}', '{{ regexFindAll "." "😀a" -1 }}',
    '{{ regexFindAll "" "😀" -1 | len }}', '{{ regexReplaceAll "" "😀é" "-" }}', '{{ regexSplit "" "😀é" -1 }}', '{{ regexReplaceAll "(?i)Σ" "σςΣ" "x" }}', '{{ regexMatch "[[:^alpha:][:digit:]]" "5" }}',
    '{{ regexMatch "\\\\pN" "½" }}', '{{ regexMatch "\\\\p{^L}" "1" }}', '{{ regexMatch "\\\\P{^L}" "a" }}', '{{ regexMatch "[\\\\P{L}]" "a" }}', '{{ regexFindAll "(?m:^a)" "a\\na" -1 }}',
    '{{ regexReplaceAll "(?s:.)" "a\\n" "x" }}', '{{ regexMatch "(?i)[k]" "\\u212a" }}', '{{ regexMatch "[^\\\\x00-\\\\x{10FFFF}]" "a" }}', '{{ regexMatch "a{,3}" "a{,3}" }}', '{{ regexMatch "\\\\z" "" }}',
    '{{ regexMatch "(?U)a*?" "" }}', '{{ regexReplaceAll "a*?" "baaa" "-" }}', '{{ regexReplaceAll "a*" "baaa" "-" }}', '{{ regexFindAll "a|ab" "ab" -1 }}', '{{ regexFindAll "ab|a" "ab" -1 }}',
    '{{ regexReplaceAllLiteral "a" "aa" "${0}" }}', '{{ regexReplaceAll "a" "aa" "${0}$0" }}', '{{ regexReplaceAll "(?P<n1>a)" "a" "$n1" }}', '{{ regexReplaceAll "(a)" "a" "${1}1" }}',
    '{{ regexReplaceAll "(a)" "a" "$1_" }}', '{{ regexReplaceAll "(a)" "a" "$1-" }}', '{{ regexReplaceAll "(a)" "a" "${-1}" }}', '{{ regexReplaceAll "(a)" "a" "${ 1}" }}',
    '{{ regexReplaceAll "(a)" "a" "$é" }}', '{{ regexReplaceAll "(a)" "a" "$01" }}', '{{ regexReplaceAll "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)" "abcdefghij" "$10|${1}0" }}',
    '{{ regexMatch "x*y*z*" "" }}', '{{ regexFind "(?:(a)|b)*" "ab" }}', '{{ regexMatch "\\\\Q\\\\E*" "" }}', '{{ regexMatch "[a-\\\\d]" "a" }}', '{{ regexMatch "(?i)\\\\Q\\\\E" "" }}',
    '{{ regexMatch "[[:alpha:]-z]" "-" }}', '{{ regexMatch "(?P<name>a)(?P<name>b)" "ab" }}', '{{ regexMatch "\\\\pZ" "\\u00a0" }}', '{{ regexMatch "\\\\p{Braille}" "⠁" }}',
    '{{ regexMatch "a{1000}" "a" }}', '{{ regexMatch "(a{2}){501}" "a" }}', '{{ regexMatch "((((((((((a{10}){10}){10}){10})))))))" "a" }}', '{{ regexMatch "a{2}{3}" "aaaaaa" }}',
    '{{ regexFindAll "(?i)ǅ" "Ǆǅǆ" -1 }}', '{{ regexFindAll "(?i)ſ" "sSſ" -1 }}', '{{ regexMatch "(?-i:a)" "a" }}', '{{ regexMatch "(?i-s:a.)" "A\\n" }}', '{{ regexMatch "(?:)" "" }}',
    '{{ regexMatch "()" "" }}', '{{ regexMatch "(?P<n>)" "" }}', '{{ regexMatch "(?P=n)" "" }}', '{{ regexMatch "(?#c)" "" }}', '{{ regexMatch "\\\\C" "" }}', '{{ regexMatch "[[.a.]]" "a" }}',
    '{{ regexMatch "[[=a=]]" "a" }}', '{{ regexMatch "\\\\p" "a" }}', '{{ regexMatch "\\\\p{" "a" }}', '{{ regexMatch "\\\\x{110000}" "a" }}', '{{ regexMatch "\\\\x{" "a" }}', '{{ mustRegexMatch "(?i)(?P<n>" "a" }}',
    '{{ mustRegexMatch "x{2}{" "a" }}', '{{ mustRegexMatch "\\\\8" "a" }}', '{{ mustRegexMatch "[a-]" "-" }}', '{{ mustRegexMatch "[-a]" "-" }}', '{{ mustRegexMatch "[]" "a" }}', '{{ mustRegexMatch "[^]" "a" }}',
    '{{ mustRegexMatch "a**" "a" }}', '{{ mustRegexMatch "a*+" "a" }}', '{{ mustRegexMatch "(?i)(?i)a" "A" }}', '{{ mustRegexMatch "(?im-sU:a)" "A" }}', '{{ mustRegexMatch "(?-)a" "a" }}',
    '{{ mustRegexMatch "(?i-)a" "A" }}', '{{ mustRegexMatch "(?--i)a" "A" }}', '{{ mustRegexMatch "(?P<n>a)(?P<n>b)" "ab" }}', '{{ mustRegexMatch "(?P<1a>a)" "a" }}', '{{ mustRegexMatch "(?P<é>a)" "a" }}',
    '{{ mustRegexMatch "\\\\0" "\\u0000" }}', '{{ mustRegexMatch "\\\\07" "\\u0007" }}', '{{ mustRegexMatch "\\\\a\\\\f\\\\t\\\\n\\\\r\\\\v" "\\u0007\\f\\t\\n\\r\\u000b" }}', '{{ mustRegexMatch "\\\\e" "a" }}',
    '{{ mustRegexMatch "[\\\\b]" "a" }}', '{{ mustRegexMatch "\\\\B" "ab" }}', '{{ mustRegexMatch "\\\\A\\\\z" "" }}', '{{ mustRegexMatch "$^" "" }}', '{{ mustRegexMatch "(?m)$^" "\\n" }}',
    '{{ mustRegexMatch "\\\\pX" "a" }}', '{{ mustRegexMatch "\\\\p{IsGreek}" "a" }}', '{{ mustRegexMatch "\\\\p{Any}" "a" }}', '{{ mustRegexMatch "\\\\p{L&}" "a" }}', '{{ mustRegexMatch "\\\\p{Lt}" "ǅ" }}',
    '{{ mustRegexMatch "[[:word:][:^word:]]" "a" }}', '{{ mustRegexMatch "[a-b-c]" "-" }}', '{{ mustRegexMatch "(?i)[^k]" "\\u212a" }}', '{{ mustRegexMatch ".{1001}" "a" }}',
  ]],
  ['dz', [
    '{{ date "Mon Monday Jan January 01 1 02 2 _2 15 03 3 04 4 05 5 06 2006 PM pm MST -0700 -07:00 Z0700 Z07:00 .000 .999 ,000 002 __2" 1614834367 }}',
    '{{ dateInZone "2006-01-02T15:04:05Z07:00 MST" 1614834367 "America/Los_Angeles" }}', '{{ dateInZone "15:04 MST -07" 1614834367 "Asia/Kolkata" }}',
    '{{ dateInZone "2006-01-02 15:04:05.000000 Z07:00" (toDate "2006-01-02T15:04:05.999999999Z07:00" "2021-03-04T05:06:07.123456789+02:00") "Europe/Paris" }}',
    '{{ toDate "2006-01-02 15:04:05 -0700" "2021-03-04 05:06:07 +0530" | date "2006-01-02T15:04:05Z07:00" }}', '{{ toDate "02/01/2006" "31/12/2020" | unixEpoch }}',
    '{{ toDate "2006-01-02" "2021-02-30" }}', '{{ toDate "2006-01-02" "2021-3-4" }}', '{{ toDate "Jan 2, 2006 at 3:04pm (MST)" "Feb 3, 2013 at 7:54pm (PST)" | date "2006-01-02 15:04 MST" }}',
    '{{ toDate "2006-01-02" "2021-03-04" | dateModify "-25h" | date "2006-01-02 15:04" }}', '{{ toDate "2006-01-02" "2021-03-04" | dateModify "1h30m15.5s" | date "15:04:05.000" }}',
    '{{ dateModify "1d" (toDate "2006-01-02" "2021-03-04") }}', '{{ duration 0 }}', '{{ duration -5 }}', '{{ duration 86400 }}', '{{ duration 1.5 }}', '{{ duration "1.5" }}',
    '{{ durationRound "26h" }}', '{{ durationRound "3000h" }}', '{{ durationRound "1.5s" }}', '{{ durationRound "-2h" }}', '{{ durationRound 3600 }}', '{{ durationRound "1ms" }}',
    '{{ durationRound 0 }}', '{{ durationRound "10000h" }}', '{{ durationRound "9000h" }}', '{{ durationRound "61m" }}', '{{ (toDate "2006-01-02" "2021-03-04").Year }}',
    '{{ (toDate "2006-01-02" "2021-03-04").Weekday }}', '{{ (toDate "2006-01-02" "2021-03-04").Month }}', '{{ (toDate "2006-01-02" "2021-03-04").YearDay }}',
    '{{ (toDate "2006-01-02" "2021-03-04").Format "Jan 2" }}', '{{ (toDate "2006-01-02" "2021-03-04").Unix }}', '{{ (toDate "2006-01-02" "2021-03-04").UTC }}',
    '{{ printf "%v" (toDate "2006-01-02" "2021-03-04") }}', '{{ printf "%T" (toDate "2006-01-02" "2021-03-04") }}', '{{ toDate "2006-01-02" "2021-03-04" | toString }}',
    '{{ dict "t" (toDate "2006-01-02" "2021-03-04") | toJson }}', '{{ date "2006" (int64 1614834367) }}',
    '{{ dateInZone "2006" 1614834367 "" }}', '{{ dateInZone "2006 MST" 1614834367 "Local" }}',
  ]],
  ['nz', [
    '{{ add 9223372036854775807 1 }}', '{{ mul 4294967296 4294967296 }}', '{{ sub -9223372036854775808 1 }}', '{{ int64 "9223372036854775808" }}', '{{ atoi "9223372036854775808" }}',
    '{{ int "9223372036854775807" }}', '{{ float64 "1e400" }}', '{{ int 1e300 }}', '{{ int64 -1e300 }}', '{{ toDecimal "0o17" }}', '{{ toDecimal "-017" }}', '{{ toDecimal "abc" }}',
    '{{ div 1 -1 }}', '{{ mod 5 -3 }}', '{{ max 1 2 "x" }}', '{{ min }}', '{{ max }}', '{{ round 123.456 -1 }}', '{{ round 0.5 0 }}', '{{ round 1.005 2 }}', '{{ floor "x" }}',
    '{{ add1 9223372036854775807 }}', '{{ 9223372036854775808 }}', '{{ -9223372036854775809 }}', '{{ 0x7fffffffffffffff }}', '{{ 1e309 }}', '{{ 0b101 }}', '{{ 0o17 }}', '{{ 017 }}',
    '{{ \'a\' }}', '{{ \'\\n\' }}', '{{ printf "%c" \'é\' }}', '{{ 1.5e3 | int }}', '{{ .Values.huge | toString }}', '{{ .Values.int64 | int64 }}', '{{ .Values.int64 | toJson }}',
    '{{ .Values.sci | toJson }}', '{{ .Values.sci | toYaml }}', '{{ 100000000000000000000.0 | toYaml }}', '{{ 123456789.0 | toYaml }}', '{{ 1234567.0 | toString }}', '{{ 12345678.0 | print }}',
    '{{ 21e20 }}', '{{ 0.000001 }}', '{{ 0.00001 | toString }}', '{{ 1e-5 | toJson }}', '{{ float64 1 | toString }}', '{{ list 1.0 2.5 | toString }}', '{{ dict "a" 1.0 | toString }}',
    '{{ (int64 3) | printf "%T %v %05.1f" (int64 2) }}', '{{ printf "%d" 1.0 }}', '{{ printf "%v" (float64 1) }}', '{{ printf "%6.3v" 3.14159 }}', '{{ printf "%-8q|" "x" }}',
    '{{ printf "%x" -255 }}', '{{ printf "%08b" 5 }}', '{{ printf "%o %#o" 8 8 }}', '{{ printf "%e" 0.0 }}', '{{ printf "%g" 1e-7 }}', '{{ printf "%G" 1e21 }}', '{{ printf "%.0f" 2.5 }}',
    '{{ printf "%.0f" 3.5 }}', '{{ printf "%5.2s|" "abc" }}', '{{ printf "%v" true }}', '{{ printf "%5t|" true }}', '{{ printf "%q" "é\\x00" }}', '{{ printf "%+q" "é" }}', '{{ printf "%#q" "a`b" }}',
    '{{ printf "%x" (list 1 2) }}', '{{ printf "%s" (dict "a" "b") }}', '{{ printf "%d" (dict "a" 1) }}', '{{ printf "%v" (b64dec "aGk=") }}', '{{ printf "%s" (b64dec "aGk=") }}',
    '{{ printf "%T" (b64dec "aGk=") }}', '{{ printf "%v" (list (list 1) (dict "a" (list))) }}', '{{ printf "%p" 1 }}', '{{ printf "%-5v|%5v" nil nil }}', '{{ printf "%10.4v|" "abcdefg" }}',
  ]],
  ['lang', ["{{- /* c */ -}} x", "{{ range $i, $v := .Values.list }}{{ if eq $i 1 }}{{ continue }}{{ end }}{{ $v }}{{ end }}", "{{ range .Values.list }}{{ if gt . 1.5 }}{{ break }}{{ end }}{{ . }}{{ end }}", "{{ range $k, $v := .Values.map }}{{ $k }}={{ $v }};{{ end }}", "{{ range .Values.emptyList }}x{{ else }}empty{{ end }}", "{{ range 3 }}{{ . }}{{ end }}", "{{ range $i := 3 }}{{ $i }}{{ end }}", "{{ with .Values.missing }}x{{ else }}none{{ end }}", "{{ with .Values.map }}{{ .a }}{{ end }}", "{{ with $x := .Values.str }}{{ $x }}{{ end }}", "{{ if and .Values.str .Values.int }}y{{ end }}", "{{ if or .Values.empty .Values.zero }}y{{ else }}n{{ end }}", "{{ and 1 0 \"x\" }}|{{ or 0 \"\" \"z\" }}|{{ and }}", "{{ not .Values.empty }}", "{{ $x := 1 }}{{ $x = 2 }}{{ $x }}", "{{ $x := 1 }}{{ range .Values.list }}{{ $x = . }}{{ end }}{{ $x }}", "{{ define \"d1\" }}D{{ . }}{{ end }}{{ template \"d1\" 5 }}", "{{ block \"b1\" . }}B{{ end }}", "{{ include \"d2\" . }}{{ define \"d2\" }}[{{ .Values.str }}]{{ end }}", "{{ .Values.map.a }}|{{ .Values.map.zz }}|{{ .Values.missing.x }}", "{{ .Values.nested.a.b.c }}", "{{ index .Values \"map\" \"a\" }}", "{{ (index .Values.nested.list 1).n }}", "{{ len .Values.str }}|{{ len .Values.unicode }}", "{{ print \"a\" 1 2 \"b\" }}", "{{ printf \"%s-%d\" \"a\" 1 | upper }}", "{{ \"x\" | printf \"%s%s\" \"y\" }}", "{{ .Values.str | upper | quote | trunc 4 }}", "{{- \"a\" -}} {{- \"b\" -}}", "a  {{- 1 }}  {{- 2 -}}  b", "{{ 1 }}{{/* comment */}}{{ 2 }}", "{{ eq .Values.str \"hello\" | not }}", "{{ (list 1 2 3) | last }}", "{{ $m := dict \"a\" 1 }}{{ $m.a }}{{ $m.b }}", "{{ $l := list }}{{ range .Values.strs }}{{ $l = append $l . }}{{ end }}{{ $l }}", "{{ .Values.list }}", "{{ .Values.map }}", "{{ .Values.nil }}", "{{ .Values.missing }}", "{{ .Values }}", "{{ .Release.Name }}-{{ .Release.Namespace }}-{{ .Release.Service }}", "{{ template \"nope\" }}", "{{ .Values.str.foo }}", "{{ .Values.list.foo }}", "{{ index .Values.str 1 }}", "{{ nil }}", "{{ $x }}", "{{ range .Values.int }}{{ end }}", "{{ if }}{{ end }}", "{{ end }}", "{{ .Values.str 1 }}", "{{ len 3 }}", "{{ index .Values.list 1.5 }}", "{{ slice .Values.str 3 1 }}", "{{ call .Values.str }}", "{{ html \"<\" }}{{ js \"<\" }}{{ urlquery \"<\" }}", "{{ 01 }}|{{ 0x1p4 }}|{{ 1i }}", "{{ \"\\x41\\101\\u0041\" }}", "{{ `raw\\n` }}", "{{ 'a' }}|{{ '\\n' }}", "{{ 1.0 }}|{{ 1e3 }}|{{ -0 }}|{{ +1 }}", "{{ $.Values.str }}", "{{ range .Values.list }}{{ $.Values.str }}{{ end }}", "{{ with .Values.map }}{{ $.Chart.Name }}{{ end }}", "{{ range $i, $e := .Values.strs }}{{ $i }}:{{ $e }} {{ end }}", "{{ tpl \"{{ .Values.str | upper }}\" . }}", "{{ tpl \"{{ define \\\"tp\\\" }}T{{ end }}{{ include \\\"tp\\\" . }}\" . }}", "{{ include \"d3\" (dict \"x\" 1) }}{{ define \"d3\" }}{{ .x }}{{ end }}", "{{ required \"msg\" .Values.str }}", "{{ fail \"custom failure\" }}", "{{ toYaml .Values.nested | indent 2 }}", "{{ toYaml .Values.nested | nindent 4 }}", "{{- with .Values.nested }}", "a: {{ .a.b.c }}", "{{- end }}"]],
  ['misc', ["{{ derivePassword 1 \"long\" \"password\" \"user\" \"example.com\" }}", "{{ derivePassword 2 \"maximum\" \"pw\" \"u\" \"site\" }}", "{{ derivePassword 1 \"basic\" \"pw\" \"u\" \"site\" }}", "{{ derivePassword 1 \"pin\" \"pw\" \"u\" \"site\" }}", "{{ derivePassword 1 \"bogus\" \"pw\" \"u\" \"site\" }}", "{{ \"hello\" | encryptAES \"secretkey\" | decryptAES \"secretkey\" }}", "{{ decryptAES \"k\" \"bad\" }}", "{{ decryptAES \"k\" \"aGVsbG8=\" }}", "{{ typeIsLike \"string\" \"x\" }}", "{{ typeIsLike \"*string\" \"x\" }}", "{{ deepEqual (list 1 2) (list 1 2) }}", "{{ deepEqual (dict \"a\" 1) (dict \"a\" 1.0) }}", "{{ deepEqual 1 1.0 }}", "{{ kindIs \"slice\" (list) }}", "{{ kindIs \"invalid\" nil }}", "{{ kindOf nil }}", "{{ typeOf nil }}", "{{ typeOf .Values.missing }}", "{{ kindOf (toStrings (list)) }}", "{{ len (randAlphaNum 7) }}", "{{ len (randAlpha 0) }}", "{{ len (randNumeric 3) }}", "{{ len (randAscii 4) }}", "{{ len uuidv4 }}", "{{ regexMatch \"^[0-9a-f-]{36}$\" uuidv4 }}", "{{ len (randBytes 6) }}", "{{ bcrypt \"x\" | len }}", "{{ htpasswd \"user\" \"pw\" | regexMatch \"^user:\\\\$2a\\\\$10\\\\$\" }}", "{{ (genPrivateKey \"ecdsa\") | regexMatch \"^-----BEGIN EC PRIVATE KEY-----\" }}", "{{ genPrivateKey \"foo\" }}", "{{ base \"a/b/c.txt\" }}|{{ dir \"a/b/c.txt\" }}|{{ ext \"a/b/c.txt\" }}|{{ clean \"a//b/../c\" }}|{{ isAbs \"/a\" }}", "{{ osBase \"a/b\" }}|{{ osDir \"a/b\" }}|{{ osExt \"a.b\" }}|{{ osClean \"a//b\" }}|{{ osIsAbs \"a\" }}", "{{ base \"\" }}|{{ dir \"\" }}|{{ ext \"\" }}|{{ clean \"\" }}", "{{ env \"HOME\" }}", "{{ expandenv \"$HOME\" }}", "{{ getHostByName \"localhost\" }}", "{{ sortAlpha (list \"b\" \"B\" \"a\" \"_\" \"1\") }}", "{{ splitn \".\" 0 \"a.b\" | toJson }}", "{{ splitn \".\" -1 \"a.b.c\" | toJson }}", "{{ nospace \"\" }}", "{{ cat }}", "{{ seq 1 0 }}", "{{ semver \"1.2.3\" | toString }}", "{{ (semver \"1.2.3-alpha+b\").Metadata }}", "{{ (semver \"1.2.3\").IncMinor }}", "{{ ((semver \"1.2.3\").IncPatch).String }}", "{{ semver \"v1\" }}", "{{ semver \"1.2.3.4\" }}", "{{ semverCompare \"> 1.2\" \"1.10.0\" }}", "{{ semverCompare \"<= 1.2.3\" \"1.2.3-beta\" }}", "{{ semverCompare \"~> 1.2\" \"1.2.9\" }}", "{{ semverCompare \"^1\" \"2.0.0\" }}", "{{ semverCompare \"1.2.x\" \"1.2.15\" }}", "{{ semverCompare \">=1.2 <1.3\" \"1.2.5\" }}", "{{ semverCompare \">=v1.2.0\" \"1.2.0\" }}", "{{ semverCompare \"x\" \"1.0.0\" }}", "{{ semverCompare \">1.2.3+build\" \"1.2.4\" }}", "{{ urlParse \"http://[::1]:80/a%20b?x=1&x=2\" | toJson }}", "{{ urlParse \"mailto:a@b.c\" | toJson }}", "{{ urlParse \"//h/p\" | toJson }}", "{{ urlParse \"a b\" | toJson }}", "{{ urlJoin (dict \"scheme\" \"http\" \"host\" \"h\" \"userinfo\" \"u:p\" \"fragment\" \"f\" \"opaque\" \"x\") }}", "{{ urlJoin (dict) }}", "{{ urlJoin (dict \"path\" \"a b/é\") }}", "{{ b32enc \"\" }}|{{ b64enc \"\" }}|{{ b64dec \"\" }}", "{{ sha1sum \"é\" }}", "{{ adler32sum \"\" }}", "{{ abbrev 3 \"ab\" }}", "{{ abbrev 2 \"abcdef\" }}", "{{ abbrevboth 0 4 \"abcdefgh\" }}", "{{ abbrevboth 5 5 \"abcdefghijkl\" }}", "{{ wrap 0 \"a b\" }}", "{{ wrap -1 \"a b\" }}", "{{ wrapWith 10 \"\\n\" \"aaaaaaaaaaaaaaaaaaaa bbbb\" }}", "{{ wrap 5 \"a\\nbbbbbbbbb c\" }}", "{{ trimAll \"\" \"x\" }}", "{{ trimPrefix \"\" \"x\" }}", "{{ replace \"a\" \"\" \"banana\" }}", "{{ title \"\" }}", "{{ title \"123abc DEF\" }}", "{{ untitle \"ABC\" }}", "{{ camelcase \"\" }}", "{{ camelcase \"a-b_c d\" }}", "{{ snakecase \"ABCDef GHi\" }}", "{{ kebabcase \"A_B c\" }}", "{{ swapcase \"ǅ\" }}", "{{ initials \"\" }}", "{{ shuffle \"\" }}", "{{ repeat 3 \"\" }}", "{{ indent 0 \"a\" }}", "{{ indent -1 \"a\" }}", "{{ nindent 0 \"a\" }}", "{{ substr 0 0 \"abc\" }}", "{{ substr 1 -1 \"abc\" }}", "{{ trunc 0 \"abc\" }}", "{{ trunc -10 \"abc\" }}", "{{ quote \"\" }}", "{{ squote \"a'b\" }}", "{{ plural \"x\" \"y\" -1 }}", "{{ hasPrefix \"\" \"a\" }}", "{{ contains \"a\" \"\" }}", "{{ toString (list 1 \"a\" nil) }}", "{{ toStrings \"a\" | toJson }}", "{{ toStrings (dict \"a\" 1) | toJson }}", "{{ int (list) }}", "{{ float64 nil }}", "{{ int64 true }}", "{{ atoi \"\" }}", "{{ toDecimal 8 }}", "{{ int \"08\" }}", "{{ int \" 1\" }}", "{{ float64 \" 1.5\" }}", "{{ float64 \"0x10\" }}", "{{ float64 \"1_000\" }}", "{{ int \"1_000\" }}", "{{ ternary \"a\" \"b\" nil }}", "{{ coalesce nil .Values.missing }}", "{{ coalesce (list) (dict) 0 false \"x\" }}", "{{ default nil nil }}", "{{ default (dict) .Values.nil | toJson }}", "{{ empty (list nil) }}", "{{ empty false }}", "{{ empty (int64 0) }}", "{{ all (list) }}", "{{ any (list) }}", "{{ fromJson \"null\" | toJson }}", "{{ fromJson \"{\\\"a\\\":null}\" | toJson }}", "{{ fromJsonArray \"null\" | toJson }}", "{{ fromYamlArray \"\" | toJson }}", "{{ fromYaml \"~\" | toJson }}", "{{ fromYaml \"- 1\" | toJson }}", "{{ fromYaml \"a: 1\" | toYaml }}", "{{ fromYaml \"a:\\n  - b: 1\\n    c: [1, {d: e}]\" | toYaml }}", "{{ fromYaml \"a: 2001-12-14t21:59:43.10-05:00\" | toJson }}", "{{ fromYaml \"a: 0o17\\nb: 0b11\\nc: +12\\nd: -0x1A\\ne: 1:20\\nf: .Inf\" | toJson }}", "{{ fromYaml \"a: !!float 1\\nb: !!int \\\"3\\\"\\nc: !!bool yes\\nd: !!null x\" | toJson }}", "{{ fromYaml \"a: <<\\n<<: {b: 1}\\nc: 2\" | toJson }}", "{{ fromYaml \"x: &a {b: 1}\\ny:\\n  <<: *a\\n  c: 2\" | toJson }}", "{{ fromYaml \"a: 1\\n---\\nb: 2\" | toJson }}", "{{ fromYaml \"---\\na: 1\\n...\" | toJson }}", "{{ fromYaml \"a: |\\n  x\\n  y\\nb: >\\n  p\\n  q\\n\" | toJson }}", "{{ fromYaml \"a: \\\"\\\\u00e9\\\\x41\\\\N\\\"\" | toJson }}", "{{ fromYaml \"1: a\\n2.5: b\\ntrue: c\\n~: d\" | toJson }}", "{{ fromYaml \"? a\\n: 1\" | toJson }}", "{{ fromYaml \"a: b\\n  c\" | toJson }}", "{{ fromYaml \"a:   \\n  b\" | toJson }}", "{{ fromYaml \"a: 'it''s'\" | toJson }}"]],
  ['kv', ["{{ cat .Capabilities.KubeVersion }}", "{{ list .Capabilities.KubeVersion | join \",\" }}", "{{ toStrings (list .Capabilities.KubeVersion) | toJson }}", "{{ .Capabilities.KubeVersion | squote }}", "{{ .Capabilities.KubeVersion | upper }}", "{{ .Capabilities.KubeVersion | trunc 3 }}", "{{ .Capabilities.KubeVersion | len }}", "{{ .Capabilities.KubeVersion | b64enc }}", "{{ .Capabilities.KubeVersion | sha256sum | trunc 8 }}", "{{ .Capabilities.KubeVersion | replace \"v\" \"V\" }}", "{{ .Capabilities.KubeVersion | contains \"1.25\" }}", "{{ .Capabilities.KubeVersion | semverCompare \">=1.20\" }}", "{{ semverCompare \">=1.20\" .Capabilities.KubeVersion }}", "{{ .Capabilities.KubeVersion | default \"x\" }}", "{{ .Capabilities.KubeVersion | toYaml }}", "{{ .Capabilities.KubeVersion | toPrettyJson }}", "{{ .Capabilities.KubeVersion | kindOf }}", "{{ .Capabilities.KubeVersion | println }}", "{{ printf \"%q\" .Capabilities.KubeVersion }}", "{{ printf \"%x\" .Capabilities.KubeVersion }}", "{{ printf \"%10v|\" .Capabilities.KubeVersion }}", "{{ printf \"%#v\" .Capabilities.KubeVersion }}", "{{ with .Capabilities.KubeVersion }}{{ . | quote }}{{ end }}", "{{ $k := .Capabilities.KubeVersion }}{{ $k }}|{{ $k | quote }}", "{{ index (list .Capabilities.KubeVersion) 0 }}", "{{ range list .Capabilities.KubeVersion }}{{ . }}{{ end }}", "{{ dict \"k\" .Capabilities.KubeVersion | toString }}", "{{ eq .Capabilities.KubeVersion.Version \"v1.25.0\" }}", "{{ .Capabilities.KubeVersion.GitVersion }}", "{{ toJson .Capabilities.HelmVersion }}", "{{ .Capabilities.HelmVersion }}", "{{ .Capabilities.HelmVersion | quote }}", "{{ .Capabilities.APIVersions | toJson | len }}", "{{ .Capabilities.APIVersions | toString | len }}", "{{ .Capabilities | toString | len }}", "{{ .Release | toJson }}", "{{ .Release }}", "{{ .Chart | toString }}", "{{ .Chart.Metadata.Name }}", "{{ .Files | toString }}", "{{ .Template | toString }}", "{{ .Values | toString | len }}", "{{ .Subcharts | toJson }}", "{{ . | keys | sortAlpha | toJson }}"]],
  ['set', ["{{ .Values.i  }}", "{{ .Values.i | typeOf }}", "{{ .Values.i | toJson }}", "{{ .Values.i | toYaml }}", "{{ .Values.i | quote }}", "{{ .Values.i | add 1 }}", "{{ .Values.i | int }}", "{{ .Values.i | float64 }}", "{{ .Values.i | empty }}", "{{ .Values.i | printf \"%v %T %d\" }}", "{{ .Values.i | eq 5 }}", "{{ .Values.i | toString }}", "{{ .Values.i | mul 2 }}", "{{ .Values.i | default \"d\" }}", "{{ .Values.i | len }}", "{{ .Values.f  }}", "{{ .Values.f | typeOf }}", "{{ .Values.f | toJson }}", "{{ .Values.f | toYaml }}", "{{ .Values.f | quote }}", "{{ .Values.f | add 1 }}", "{{ .Values.f | int }}", "{{ .Values.f | float64 }}", "{{ .Values.f | empty }}", "{{ .Values.f | printf \"%v %T %d\" }}", "{{ .Values.f | eq 5 }}", "{{ .Values.f | toString }}", "{{ .Values.f | mul 2 }}", "{{ .Values.f | default \"d\" }}", "{{ .Values.f | len }}", "{{ .Values.s  }}", "{{ .Values.s | typeOf }}", "{{ .Values.s | toJson }}", "{{ .Values.s | toYaml }}", "{{ .Values.s | quote }}", "{{ .Values.s | add 1 }}", "{{ .Values.s | int }}", "{{ .Values.s | float64 }}", "{{ .Values.s | empty }}", "{{ .Values.s | printf \"%v %T %d\" }}", "{{ .Values.s | eq 5 }}", "{{ .Values.s | toString }}", "{{ .Values.s | mul 2 }}", "{{ .Values.s | default \"d\" }}", "{{ .Values.s | len }}", "{{ .Values.b  }}", "{{ .Values.b | typeOf }}", "{{ .Values.b | toJson }}", "{{ .Values.b | toYaml }}", "{{ .Values.b | quote }}", "{{ .Values.b | add 1 }}", "{{ .Values.b | int }}", "{{ .Values.b | float64 }}", "{{ .Values.b | empty }}", "{{ .Values.b | printf \"%v %T %d\" }}", "{{ .Values.b | eq 5 }}", "{{ .Values.b | toString }}", "{{ .Values.b | mul 2 }}", "{{ .Values.b | default \"d\" }}", "{{ .Values.b | len }}", "{{ .Values.n  }}", "{{ .Values.n | typeOf }}", "{{ .Values.n | toJson }}", "{{ .Values.n | toYaml }}", "{{ .Values.n | quote }}", "{{ .Values.n | add 1 }}", "{{ .Values.n | int }}", "{{ .Values.n | float64 }}", "{{ .Values.n | empty }}", "{{ .Values.n | printf \"%v %T %d\" }}", "{{ .Values.n | eq 5 }}", "{{ .Values.n | toString }}", "{{ .Values.n | mul 2 }}", "{{ .Values.n | default \"d\" }}", "{{ .Values.n | len }}", "{{ .Values.big  }}", "{{ .Values.big | typeOf }}", "{{ .Values.big | toJson }}", "{{ .Values.big | toYaml }}", "{{ .Values.big | quote }}", "{{ .Values.big | add 1 }}", "{{ .Values.big | int }}", "{{ .Values.big | float64 }}", "{{ .Values.big | empty }}", "{{ .Values.big | printf \"%v %T %d\" }}", "{{ .Values.big | eq 5 }}", "{{ .Values.big | toString }}", "{{ .Values.big | mul 2 }}", "{{ .Values.big | default \"d\" }}", "{{ .Values.big | len }}", "{{ .Values.neg  }}", "{{ .Values.neg | typeOf }}", "{{ .Values.neg | toJson }}", "{{ .Values.neg | toYaml }}", "{{ .Values.neg | quote }}", "{{ .Values.neg | add 1 }}", "{{ .Values.neg | int }}", "{{ .Values.neg | float64 }}", "{{ .Values.neg | empty }}", "{{ .Values.neg | printf \"%v %T %d\" }}", "{{ .Values.neg | eq 5 }}", "{{ .Values.neg | toString }}", "{{ .Values.neg | mul 2 }}", "{{ .Values.neg | default \"d\" }}", "{{ .Values.neg | len }}", "{{ .Values.list  }}", "{{ .Values.list | typeOf }}", "{{ .Values.list | toJson }}", "{{ .Values.list | toYaml }}", "{{ .Values.list | quote }}", "{{ .Values.list | add 1 }}", "{{ .Values.list | int }}", "{{ .Values.list | float64 }}", "{{ .Values.list | empty }}", "{{ .Values.list | printf \"%v %T %d\" }}", "{{ .Values.list | eq 5 }}", "{{ .Values.list | toString }}", "{{ .Values.list | mul 2 }}", "{{ .Values.list | default \"d\" }}", "{{ .Values.list | len }}", "{{ .Values.e  }}", "{{ .Values.e | typeOf }}", "{{ .Values.e | toJson }}", "{{ .Values.e | toYaml }}", "{{ .Values.e | quote }}", "{{ .Values.e | add 1 }}", "{{ .Values.e | int }}", "{{ .Values.e | float64 }}", "{{ .Values.e | empty }}", "{{ .Values.e | printf \"%v %T %d\" }}", "{{ .Values.e | eq 5 }}", "{{ .Values.e | toString }}", "{{ .Values.e | mul 2 }}", "{{ .Values.e | default \"d\" }}", "{{ .Values.e | len }}", "{{ .Values.z  }}", "{{ .Values.z | typeOf }}", "{{ .Values.z | toJson }}", "{{ .Values.z | toYaml }}", "{{ .Values.z | quote }}", "{{ .Values.z | add 1 }}", "{{ .Values.z | int }}", "{{ .Values.z | float64 }}", "{{ .Values.z | empty }}", "{{ .Values.z | printf \"%v %T %d\" }}", "{{ .Values.z | eq 5 }}", "{{ .Values.z | toString }}", "{{ .Values.z | mul 2 }}", "{{ .Values.z | default \"d\" }}", "{{ .Values.z | len }}", "{{ .Values.nested  }}", "{{ .Values.nested | typeOf }}", "{{ .Values.nested | toJson }}", "{{ .Values.nested | toYaml }}", "{{ .Values.nested | quote }}", "{{ .Values.nested | add 1 }}", "{{ .Values.nested | int }}", "{{ .Values.nested | float64 }}", "{{ .Values.nested | empty }}", "{{ .Values.nested | printf \"%v %T %d\" }}", "{{ .Values.nested | eq 5 }}", "{{ .Values.nested | toString }}", "{{ .Values.nested | mul 2 }}", "{{ .Values.nested | default \"d\" }}", "{{ .Values.nested | len }}", "{{ .Values.arr  }}", "{{ .Values.arr | typeOf }}", "{{ .Values.arr | toJson }}", "{{ .Values.arr | toYaml }}", "{{ .Values.arr | quote }}", "{{ .Values.arr | add 1 }}", "{{ .Values.arr | int }}", "{{ .Values.arr | float64 }}", "{{ .Values.arr | empty }}", "{{ .Values.arr | printf \"%v %T %d\" }}", "{{ .Values.arr | eq 5 }}", "{{ .Values.arr | toString }}", "{{ .Values.arr | mul 2 }}", "{{ .Values.arr | default \"d\" }}", "{{ .Values.arr | len }}", "{{ .Values.i64  }}", "{{ .Values.i64 | typeOf }}", "{{ .Values.i64 | toJson }}", "{{ .Values.i64 | toYaml }}", "{{ .Values.i64 | quote }}", "{{ .Values.i64 | add 1 }}", "{{ .Values.i64 | int }}", "{{ .Values.i64 | float64 }}", "{{ .Values.i64 | empty }}", "{{ .Values.i64 | printf \"%v %T %d\" }}", "{{ .Values.i64 | eq 5 }}", "{{ .Values.i64 | toString }}", "{{ .Values.i64 | mul 2 }}", "{{ .Values.i64 | default \"d\" }}", "{{ .Values.i64 | len }}", "{{ .Values.octal  }}", "{{ .Values.octal | typeOf }}", "{{ .Values.octal | toJson }}", "{{ .Values.octal | toYaml }}", "{{ .Values.octal | quote }}", "{{ .Values.octal | add 1 }}", "{{ .Values.octal | int }}", "{{ .Values.octal | float64 }}", "{{ .Values.octal | empty }}", "{{ .Values.octal | printf \"%v %T %d\" }}", "{{ .Values.octal | eq 5 }}", "{{ .Values.octal | toString }}", "{{ .Values.octal | mul 2 }}", "{{ .Values.octal | default \"d\" }}", "{{ .Values.octal | len }}", "{{ .Values.exp  }}", "{{ .Values.exp | typeOf }}", "{{ .Values.exp | toJson }}", "{{ .Values.exp | toYaml }}", "{{ .Values.exp | quote }}", "{{ .Values.exp | add 1 }}", "{{ .Values.exp | int }}", "{{ .Values.exp | float64 }}", "{{ .Values.exp | empty }}", "{{ .Values.exp | printf \"%v %T %d\" }}", "{{ .Values.exp | eq 5 }}", "{{ .Values.exp | toString }}", "{{ .Values.exp | mul 2 }}", "{{ .Values.exp | default \"d\" }}", "{{ .Values.exp | len }}", "{{ .Values.ss  }}", "{{ .Values.ss | typeOf }}", "{{ .Values.ss | toJson }}", "{{ .Values.ss | toYaml }}", "{{ .Values.ss | quote }}", "{{ .Values.ss | add 1 }}", "{{ .Values.ss | int }}", "{{ .Values.ss | float64 }}", "{{ .Values.ss | empty }}", "{{ .Values.ss | printf \"%v %T %d\" }}", "{{ .Values.ss | eq 5 }}", "{{ .Values.ss | toString }}", "{{ .Values.ss | mul 2 }}", "{{ .Values.ss | default \"d\" }}", "{{ .Values.ss | len }}", "{{ .Values.st  }}", "{{ .Values.st | typeOf }}", "{{ .Values.st | toJson }}", "{{ .Values.st | toYaml }}", "{{ .Values.st | quote }}", "{{ .Values.st | add 1 }}", "{{ .Values.st | int }}", "{{ .Values.st | float64 }}", "{{ .Values.st | empty }}", "{{ .Values.st | printf \"%v %T %d\" }}", "{{ .Values.st | eq 5 }}", "{{ .Values.st | toString }}", "{{ .Values.st | mul 2 }}", "{{ .Values.st | default \"d\" }}", "{{ .Values.st | len }}", "{{ lt .Values.i 10 }}", "{{ eq .Values.i 5 }}", "{{ eq .Values.i .Values.z }}", "{{ gt .Values.f .Values.i }}", "{{ .Values | toYaml }}", "{{ .Values | toJson }}", "{{ div .Values.i 2 }}", "{{ until (int .Values.i) | toJson }}", "{{ untilStep 0 .Values.i 2 | toJson }}", "{{ seq .Values.i }}", "{{ repeat .Values.i \"x\" }}", "{{ trunc .Values.i \"abcdefgh\" }}", "{{ substr 0 .Values.i \"abcdefgh\" }}", "{{ index .Values.list 1 }}", "{{ max .Values.i 3 .Values.f }}", "{{ round .Values.f 0 }}", "{{ ternary 1 2 .Values.b }}", "{{ ternary 1 2 .Values.st }}", "{{ semverCompare \">1\" (toString .Values.f) }}"]],
  ['fy', ["{{ fromYaml \"a: [a\\nb]\" | toJson }}", "{{ fromYaml \"x:\\n  a: [1,\\n2]\\n  b: 2\" | toJson }}", "{{ fromYaml \"a: {k: v,\\nl: w}\" | toJson }}", "{{ fromYaml \"a: [\\n\\\"x\\ny\\\"]\" | toJson }}", "{{ fromYaml \"a: [a\\nb\" | toJson }}", "{{ fromYaml \"- [a,\\nb]\\n- c\" | toJson }}", "{{ fromYaml \"a: [a,\\n# c\\nb]\" | toJson }}", "{{ fromYaml \"a:\\n- [x,\\ny]\" | toJson }}", "{{ fromYaml \"]\" | toJson }}", "{{ fromYaml \"}\" | toJson }}", "{{ fromYaml \"%FOO bar\\n---\\na: 1\" | toJson }}", "{{ fromYaml \"a: []|x\" | toJson }}", "{{ fromYaml \"- [a]b\" | toJson }}", "{{ fromYaml \"- {a: 1}b\" | toJson }}", "{{ fromYaml \"a: |0\\n x\" | toJson }}", "{{ fromYaml \"a:\\nb\\n  c: 1\" | toJson }}", "{{ fromYaml \"a: |-\\n  beforeafter\\nb: 1\" | toJson }}", "{{ fromYaml \"    name: volume\\n  - name: w\" | toJson }}", "{{ fromYaml \"tolerations:\\nnull\\n      apiVersion: v1\" | toJson }}"]],
  ['cl', ["{{ fromYaml \"# c\\n\\n}\" | toJson }}", "{{ fromYaml \"\\n  ]\" | toJson }}", "{{ fromYaml \"---\\n]\" | toJson }}"]],
  ['ind', ["{{ fromYaml \"    name: volume\\n  - name: w\" | toJson }}", "{{ fromYaml \"    a: 1\\n  b: 2\" | toJson }}", "{{ fromYaml \"  - a\\n- b\" | toJson }}", "{{ fromYaml \"    a: 1\\n  b: [\" | toJson }}", "{{ fromYaml \"  a: 1\\n\\tb\" | toJson }}", "{{ fromYaml \"  a: 1\\n b: 2\\nc: 3\" | toJson }}", "{{ fromYaml \"  a:\\n    b: 1\\n c: 2\" | toJson }}", "{{ fromYaml \"  - a\\n  - b\\n c: 1\" | toJson }}", "{{ fromYamlArray \"  - a\\n- b\" | toJson }}"]],
  ['efc', ["{{ fromYaml \"m:\\n  a: 1\\n  {}\\n\" | toJson }}", "{{ fromYaml \"a: 1\\n{}\\n\" | toJson }}", "{{ fromYaml \"m:\\n  a: 1\\n  [ ]\\n\" | toJson }}", "{{ fromYaml \"m:\\n  a: 1\\n  {}\\n  c: 2\" | toJson }}", "{{ fromYaml \"m:\\n  a: 1\\n  [a]\\n\" | toJson }}", "{{ fromYaml \"a:\\n  {}\\n  {}\\n\" | toJson }}", "{{ fromYaml \"nums: [.inf]\\nkeys:\\n  ~: null-key\\n\" | toJson }}", "{{ fromYaml \"m:\\n  a: 1\\n  {} \\n\" | toJson }}"]],
  ['dm', ["{{ fromYaml \"--- a: 1\" | toJson }}", "{{ fromYaml \"---\\n--- a: 1\" | toJson }}", "{{ fromYaml \"--- - a\" | toJson }}", "{{ fromYaml \"...\" | toJson }}", "{{ fromYaml \"... a: 1\" | toJson }}", "{{ fromYaml \"# c\\n...\\n\" | toJson }}", "{{ fromYaml \"a: 1\\n...\\n\" | toJson }}", "{{ fromYaml \"--- |\\n  x\" | toJson }}", "{{ fromYaml \"--- {a: 1}\" | toJson }}", "{{ fromYaml \"--- a\" | toJson }}"]],
  ['st', ["{{ toYaml (toDate \"2006-01-02\" \"2021-03-04\") }}", "{{ toYaml (semver \"1.2.3-rc.1\") }}", "{{ toJson (semver \"1.2.3\") }}", "{{ toYaml .Capabilities }}", "{{ toPrettyJson .Capabilities.KubeVersion }}", "{{ toYaml .Chart }}", "{{ toPrettyJson .Chart }}", "{{ toYaml .Files }}", "{{ toYaml .Template }}", "{{ toToml .Template }}", "{{ toToml (semver \"1.2.3\") }}", "{{ toToml (dict \"t\" (toDate \"2006-01-02\" \"2021-03-04\")) }}", "{{ toYaml (list (toDate \"2006-01-02\" \"2021-03-04\")) }}", "{{ (semver \"1.2.3\") | toString }}", "{{ printf \"%v\" (semver \"1.2.3\") }}", "{{ printf \"%+v\" (semver \"1.2.3\") }}", "{{ semver \"1.2.3\" | typeOf }}", "{{ toRawJson .Chart }}", "{{ .Chart | toJson | fromJson | toYaml }}", "{{ dict \"c\" .Chart \"k\" .Capabilities.KubeVersion | toJson }}", "{{ toYaml (genCA \"x\" 1).Cert | len | lt 0 }}", "{{ (genCA \"x\" 1) | typeOf }}"]],
  ['tm', ["{{ toToml (dict \"s\" (semver \"1.2.3-rc.1\")) }}", "{{ toToml (dict \"t\" (toDate \"2006-01-02T15:04:05.999999999Z07:00\" \"2021-03-04T05:06:07.123456789+02:00\")) }}", "{{ toToml (dict \"l\" (list (toDate \"2006-01-02\" \"2021-03-04\"))) }}", "{{ toToml (toDate \"2006-01-02\" \"2021-03-04\") }}"]],
  ['case', ["{{ upper \"ᾳᾀᾗᾧῃῳᾲᾶß\" }}", "{{ title \"ᾳbc ᾀx\" }}", "{{ swapcase \"ᾳᾼ\" }}", "{{ camelcase \"ᾳ_b\" }}", "{{ upper \"ŉǰΐẖ\" }}", "{{ lower \"ᾼᾈ\" }}", "{{ regexMatch \"(?i)ᾳ\" \"ᾼ\" }}", "{{ untitle \"ᾼ\" }}"]],
  ['bom', [
    '{{ toYaml (list "\\ufeffxy" "a\\ufeffxy" "\\ufeff" "\\ufeff\\ufeff" "ab\\ufeff" "\\ufeffé" "\\ufeff\\u00a0z" "x\\ufeff\\ny" "\\ufeff1" "\\ufeff \\ufeff" "\\ufeff\\n\\t\\\\\\"😀") }}',
    '{{ toYaml (dict "\\ufeffk" "\\ufeffv") }}', '{{ "\\ufeffx" | len }}', '{{ "\\ufeffx" | quote }}', '{{ "\\ufeffx" | toJson }}', '{{ printf "%q" "\\ufeffx" }}',
    '{{ toYaml (dict "a\\nb" 1) }}', '{{ toYaml (dict "a\\u2028b" 1) }}', '{{ toYaml (dict "k" "a\\u0085b") }}', '{{ fromYaml "a: \\ufeffx" | toJson }}', '{{ fromYaml "\\ufeffa: 1" | toJson }}',
  ]],
  ['yz', [
    '{{ toYaml (list "a\\u007fb") }}',
    '{{ toYaml (dict "a\\u007fb" 1) }}',
    '{{ toYaml (list "\\u0085") }}',
    '{{ toYaml (dict "\\u0085" 1) }}',
    '{{ toYaml (list "a\\u00a0b") }}',
    '{{ toYaml (dict "a\\u00a0b" 1) }}',
    '{{ toYaml (list "\\ufeffx") }}',
    '{{ toYaml (dict "\\ufeffx" 1) }}',
    '{{ toYaml (list "\\u2029") }}',
    '{{ toYaml (dict "\\u2029" 1) }}',
    '{{ toYaml (list "x\\u0001") }}',
    '{{ toYaml (dict "x\\u0001" 1) }}',
    '{{ toYaml (list "emoji 😀 ok") }}',
    '{{ toYaml (dict "emoji 😀 ok" 1) }}',
    '{{ toYaml (list "tab\\tin") }}',
    '{{ toYaml (dict "tab\\tin" 1) }}',
    '{{ toYaml (list "\\ttab lead") }}',
    '{{ toYaml (dict "\\ttab lead" 1) }}',
    '{{ toYaml (list "trail\\t") }}',
    '{{ toYaml (dict "trail\\t" 1) }}',
    '{{ toYaml (list "a\\r") }}',
    '{{ toYaml (dict "a\\r" 1) }}',
    '{{ toYaml (list "\\r\\n") }}',
    '{{ toYaml (dict "\\r\\n" 1) }}',
    '{{ toYaml (list "\\n") }}',
    '{{ toYaml (dict "\\n" 1) }}',
    '{{ toYaml (list "\\n\\n") }}',
    '{{ toYaml (dict "\\n\\n" 1) }}',
    '{{ toYaml (list " ") }}',
    '{{ toYaml (dict " " 1) }}',
    '{{ toYaml (list "  ") }}',
    '{{ toYaml (dict "  " 1) }}',
    '{{ toYaml (list "a  b") }}',
    '{{ toYaml (dict "a  b" 1) }}',
    '{{ toYaml (list "a\\n b") }}',
    '{{ toYaml (dict "a\\n b" 1) }}',
    '{{ toYaml (list "a \\nb") }}',
    '{{ toYaml (dict "a \\nb" 1) }}',
    '{{ toYaml (list "a\\n\\n\\nb") }}',
    '{{ toYaml (dict "a\\n\\n\\nb" 1) }}',
    '{{ toYaml (list "line\\n  indented\\nback") }}',
    '{{ toYaml (dict "line\\n  indented\\nback" 1) }}',
    '{{ toYaml (list "- dash") }}',
    '{{ toYaml (dict "- dash" 1) }}',
    '{{ toYaml (list "-") }}',
    '{{ toYaml (dict "-" 1) }}',
    '{{ toYaml (list "--") }}',
    '{{ toYaml (dict "--" 1) }}',
    '{{ toYaml (list "---") }}',
    '{{ toYaml (dict "---" 1) }}',
    '{{ toYaml (list "...") }}',
    '{{ toYaml (dict "..." 1) }}',
    '{{ toYaml (list "? q") }}',
    '{{ toYaml (dict "? q" 1) }}',
    '{{ toYaml (list "?") }}',
    '{{ toYaml (dict "?" 1) }}',
    '{{ toYaml (list ": c") }}',
    '{{ toYaml (dict ": c" 1) }}',
    '{{ toYaml (list "a:b") }}',
    '{{ toYaml (dict "a:b" 1) }}',
    '{{ toYaml (list "a :b") }}',
    '{{ toYaml (dict "a :b" 1) }}',
    '{{ toYaml (list "a: b") }}',
    '{{ toYaml (dict "a: b" 1) }}',
    '{{ toYaml (list "a #b") }}',
    '{{ toYaml (dict "a #b" 1) }}',
    '{{ toYaml (list "a#b") }}',
    '{{ toYaml (dict "a#b" 1) }}',
    '{{ toYaml (list "#a") }}',
    '{{ toYaml (dict "#a" 1) }}',
    '{{ toYaml (list "[a") }}',
    '{{ toYaml (dict "[a" 1) }}',
    '{{ toYaml (list "a]") }}',
    '{{ toYaml (dict "a]" 1) }}',
    '{{ toYaml (list "{a") }}',
    '{{ toYaml (dict "{a" 1) }}',
    '{{ toYaml (list "a}") }}',
    '{{ toYaml (dict "a}" 1) }}',
    '{{ toYaml (list ",a") }}',
    '{{ toYaml (dict ",a" 1) }}',
    '{{ toYaml (list "a,b") }}',
    '{{ toYaml (dict "a,b" 1) }}',
    '{{ toYaml (list "*a") }}',
    '{{ toYaml (dict "*a" 1) }}',
    '{{ toYaml (list "&a") }}',
    '{{ toYaml (dict "&a" 1) }}',
    '{{ toYaml (list "!a") }}',
    '{{ toYaml (dict "!a" 1) }}',
    '{{ toYaml (list "|a") }}',
    '{{ toYaml (dict "|a" 1) }}',
    '{{ toYaml (list ">a") }}',
    '{{ toYaml (dict ">a" 1) }}',
    '{{ toYaml (list "\'a") }}',
    '{{ toYaml (dict "\'a" 1) }}',
    '{{ toYaml (list "\\"a") }}',
    '{{ toYaml (dict "\\"a" 1) }}',
    '{{ toYaml (list "%a") }}',
    '{{ toYaml (dict "%a" 1) }}',
    '{{ toYaml (list "@a") }}',
    '{{ toYaml (dict "@a" 1) }}',
    '{{ toYaml (list "`a") }}',
    '{{ toYaml (dict "`a" 1) }}',
    '{{ toYaml (list "a\\\'b") }}',
    '{{ toYaml (dict "a\\\'b" 1) }}',
    '{{ toYaml (list "a\\"b") }}',
    '{{ toYaml (dict "a\\"b" 1) }}',
    '{{ toYaml (list "~") }}',
    '{{ toYaml (dict "~" 1) }}',
    '{{ toYaml (list "null") }}',
    '{{ toYaml (dict "null" 1) }}',
    '{{ toYaml (list "Null") }}',
    '{{ toYaml (dict "Null" 1) }}',
    '{{ toYaml (list "NULL") }}',
    '{{ toYaml (dict "NULL" 1) }}',
    '{{ toYaml (list "true") }}',
    '{{ toYaml (dict "true" 1) }}',
    '{{ toYaml (list "True") }}',
    '{{ toYaml (dict "True" 1) }}',
    '{{ toYaml (list "TRUE") }}',
    '{{ toYaml (dict "TRUE" 1) }}',
    '{{ toYaml (list "yes") }}',
    '{{ toYaml (dict "yes" 1) }}',
    '{{ toYaml (list "Yes") }}',
    '{{ toYaml (dict "Yes" 1) }}',
    '{{ toYaml (list "no") }}',
    '{{ toYaml (dict "no" 1) }}',
    '{{ toYaml (list "on") }}',
    '{{ toYaml (dict "on" 1) }}',
    '{{ toYaml (list "off") }}',
    '{{ toYaml (dict "off" 1) }}',
    '{{ toYaml (list "y") }}',
    '{{ toYaml (dict "y" 1) }}',
    '{{ toYaml (list "Y") }}',
    '{{ toYaml (dict "Y" 1) }}',
    '{{ toYaml (list "n") }}',
    '{{ toYaml (dict "n" 1) }}',
    '{{ toYaml (list "N") }}',
    '{{ toYaml (dict "N" 1) }}',
    '{{ toYaml (list "0") }}',
    '{{ toYaml (dict "0" 1) }}',
    '{{ toYaml (list "-0") }}',
    '{{ toYaml (dict "-0" 1) }}',
    '{{ toYaml (list "+0") }}',
    '{{ toYaml (dict "+0" 1) }}',
    '{{ toYaml (list "00") }}',
    '{{ toYaml (dict "00" 1) }}',
    '{{ toYaml (list "01") }}',
    '{{ toYaml (dict "01" 1) }}',
    '{{ toYaml (list "08") }}',
    '{{ toYaml (dict "08" 1) }}',
    '{{ toYaml (list "0x1F") }}',
    '{{ toYaml (dict "0x1F" 1) }}',
    '{{ toYaml (list "0X1F") }}',
    '{{ toYaml (dict "0X1F" 1) }}',
    '{{ toYaml (list "0o17") }}',
    '{{ toYaml (dict "0o17" 1) }}',
    '{{ toYaml (list "0b11") }}',
    '{{ toYaml (dict "0b11" 1) }}',
    '{{ toYaml (list "1_000") }}',
    '{{ toYaml (dict "1_000" 1) }}',
    '{{ toYaml (list "1,000") }}',
    '{{ toYaml (dict "1,000" 1) }}',
    '{{ toYaml (list "1.") }}',
    '{{ toYaml (dict "1." 1) }}',
    '{{ toYaml (list ".1") }}',
    '{{ toYaml (dict ".1" 1) }}',
    '{{ toYaml (list "-.1") }}',
    '{{ toYaml (dict "-.1" 1) }}',
    '{{ toYaml (list "1e1") }}',
    '{{ toYaml (dict "1e1" 1) }}',
    '{{ toYaml (list "1E1") }}',
    '{{ toYaml (dict "1E1" 1) }}',
    '{{ toYaml (list "1e+1") }}',
    '{{ toYaml (dict "1e+1" 1) }}',
    '{{ toYaml (list "1.5e-3") }}',
    '{{ toYaml (dict "1.5e-3" 1) }}',
    '{{ toYaml (list ".inf") }}',
    '{{ toYaml (dict ".inf" 1) }}',
    '{{ toYaml (list "-.Inf") }}',
    '{{ toYaml (dict "-.Inf" 1) }}',
    '{{ toYaml (list "+.INF") }}',
    '{{ toYaml (dict "+.INF" 1) }}',
    '{{ toYaml (list ".nan") }}',
    '{{ toYaml (dict ".nan" 1) }}',
    '{{ toYaml (list ".NaN") }}',
    '{{ toYaml (dict ".NaN" 1) }}',
    '{{ toYaml (list "inf") }}',
    '{{ toYaml (dict "inf" 1) }}',
    '{{ toYaml (list "nan") }}',
    '{{ toYaml (dict "nan" 1) }}',
    '{{ toYaml (list "2001-12-14") }}',
    '{{ toYaml (dict "2001-12-14" 1) }}',
    '{{ toYaml (list "2001-12-14t21:59:43.10-05:00") }}',
    '{{ toYaml (dict "2001-12-14t21:59:43.10-05:00" 1) }}',
    '{{ toYaml (list "2001-12-14 21:59:43.10 -5") }}',
    '{{ toYaml (dict "2001-12-14 21:59:43.10 -5" 1) }}',
    '{{ toYaml (list "12:30:45") }}',
    '{{ toYaml (dict "12:30:45" 1) }}',
    '{{ toYaml (list "1:20") }}',
    '{{ toYaml (dict "1:20" 1) }}',
    '{{ toYaml (list "190:20:30") }}',
    '{{ toYaml (dict "190:20:30" 1) }}',
    '{{ toYaml (list "=") }}',
    '{{ toYaml (dict "=" 1) }}',
    '{{ toYaml (list "<<") }}',
    '{{ toYaml (dict "<<" 1) }}',
    '{{ toYaml (list "a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w x y z") }}',
    '{{ toYaml (dict "a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w x y z" 1) }}',
    '{{ toYaml (list "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx") }}',
    '{{ toYaml (dict "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" 1) }}',
    '{{ toYaml (list "éééééééééééééééééééééééééééééééééééééééééééééééééé éééééééééééééééééééééééééééééééééééééééééééééééééé") }}',
    '{{ toYaml (dict "éééééééééééééééééééééééééééééééééééééééééééééééééé éééééééééééééééééééééééééééééééééééééééééééééééééé" 1) }}',
    '{{ toYaml (list "word word word word word word word word word word word word word word word word word word word word \\nword word word word word word word word word word word word word word word word word word word word ") }}',
    '{{ toYaml (dict "word word word word word word word word word word word word word word word word word word word word \\nword word word word word word word word word word word word word word word word word word word word " 1) }}',
    '{{ toYaml (list "  leading spaces\\nnext") }}',
    '{{ toYaml (dict "  leading spaces\\nnext" 1) }}',
    '{{ toYaml (list "trailing spaces  \\nnext") }}',
    '{{ toYaml (dict "trailing spaces  \\nnext" 1) }}',
    '{{ toYaml (list "a\\n") }}',
    '{{ toYaml (dict "a\\n" 1) }}',
    '{{ toYaml (list "a\\n\\n") }}',
    '{{ toYaml (dict "a\\n\\n" 1) }}',
    '{{ toYaml (list "\\na") }}',
    '{{ toYaml (dict "\\na" 1) }}',
  ]],
];

function topicCases(): DiffCase[] {
  const out: DiffCase[] = [];
  for (const [prefix, tpls] of TOPICS) tpls.forEach((tpl, i) => out.push({ name: `${prefix}${i}`, tpl }));
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
function regexCases(): DiffCase[] {
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
function binaryCases(): DiffCase[] {
  const out: DiffCase[] = [];
  BINARY.forEach((fn, i) => BIN_INPUTS.forEach((a, j) => BIN_INPUTS.forEach((b, k) => out.push({ name: `b${i}-${j}-${k}`, tpl: `{{ ${fn} ${a} ${b} | toJson }}` }))));
  return out;
}

/** Every generated case; `filter` keeps names starting with one of the prefixes. */
export function engineDiffCases(filter: string[] = []): DiffCase[] {
  const all = [...topicCases(), ...regexCases(), ...binaryCases(), ...unaryCases()];
  return filter.length === 0 ? all : all.filter((c) => filter.some((p) => c.name.startsWith(p)));
}
