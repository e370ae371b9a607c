import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCase, renderCaseError } from '../../support/sprig-cases.js';

// Expected outputs: Helm v3.10.1 `helm template` rendering each one-line template.
const cases: [string, string][] = [
  ["{{ .Values.big | int }}|{{ .Values.big | quote }}|{{ toString .Values.f }}|{{ max .Values.f 1 }}|{{ until (int .Values.num) }}|{{ .Values.list | first }}|{{ has 1 .Values.list }}|{{ has 1.0 .Values.list }}|{{ .Values.list | last | typeOf }}", "1000000|\"1e+06\"|1.5|1|[0]|1|false|true|float64"],
  ["{{ .Values.missing | quote }}|{{ quote .Values.missing \"x\" }}|{{ .Values.missing | toString }}|{{ empty .Values.missing }}|{{ .Values.missing | default \"d\" }}|{{ typeOf .Values.missing }}|{{ kindOf .Values.missing }}|{{ .Values.missing | toStrings }}|{{ cat .Values.missing \"x\" }}", "|\"x\"|<nil>|true|d|<nil>|invalid|[]|x"],
  ["{{ .Values.list | join \",\" }}|{{ .Values.list | sortAlpha }}|{{ .Values.list | uniq }}|{{ concat .Values.list (list 3) }}|{{ .Values.list | reverse }}|{{ without .Values.list 1.0 }}|{{ .Values.list | compact }}|{{ slice .Values.list 1 }}", "1,2|[1 2]|[1 2]|[1 2 3]|[2 1]|[2]|[1 2]|[2]"],
  ["{{ int64 .Values.f | typeOf }}|{{ .Values.s | upper | repeat 2 }}|{{ .Values.s | b64enc | b64dec }}|{{ .Values.s | sha1sum | trunc 7 }}|{{ regexReplaceAll \"s\" .Values.s \"S\" }}|{{ .Values.s | title }}|{{ printf \"%s-%d\" .Values.s (int .Values.num) }}|{{ ternary \"y\" \"n\" (eq .Values.s \"str\") }}", "int64|STRSTR|str|3442496|Str|Str|str-1|y"],
  ["{{ dict \"a\" .Values.num \"b\" .Values.missing }}|{{ list .Values.missing .Values.num }}|{{ coalesce .Values.missing .Values.s }}|{{ semverCompare \">=1.0\" (printf \"%v.0.0\" .Values.num) }}|{{ .Values.num | toDecimal }}|{{ atoi (toString .Values.num) }}|{{ .Values.big | toDecimal }}", "map[a:1 b:<nil>]|[<nil> 1]|str|true|1|1|0"],
  ["{{ deepCopy .Values.m | typeOf }}|{{ $c := deepCopy .Values.list }}{{ $c }}|{{ get .Values.m \"a\" }}|{{ index .Values.m \"a\" }}|{{ values .Values.m }}", "map[string]interface {}|[1 2]|1|1|[1]"],
  ["{{ dig \"a\" \"none\" .Values.m }}|{{ dig \"z\" \"none\" .Values.m }}", "1|none"],
];

const errors: [string, string][] = [
  ["{{ keys .Values.m }}|{{ merge (dict \"b\" 2) .Values.m }}|{{ hasKey .Values.m \"a\" }}|{{ .Values.m | toStrings }}|{{ pluck \"a\" .Values.m }}|{{ .Values.m.a | add1 }}|{{ .Values.f | floor }}|{{ .Values.f | round 0 }}|{{ mul .Values.f .Values.f }}|{{ mulf .Values.f .Values.f }}", "wrong type for value; expected int; got float64"],
  ["{{ dig \"m\" \"a\" \"none\" .Values }}", "error calling dig: interface conversion: interface {} is chartutil.Values, not map[string]interface {}"],
];

for (const [tpl, want] of cases) test(`values: ${tpl}`, () => assert.equal(renderCase(tpl), want));
for (const [tpl, want] of errors) test(`values error: ${tpl}`, () => assert.equal(renderCaseError(tpl), want));
