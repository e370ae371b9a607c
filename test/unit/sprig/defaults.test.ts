import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCase, renderCaseError } from '../../support/sprig-cases.js';

// Expected outputs: Helm v3.10.1 `helm template` rendering each one-line template.
const cases: [string, string][] = [
  ["{{ default \"d\" \"\" }}|{{ default \"d\" \"x\" }}|{{ default \"d\" nil }}|{{ default \"d\" 0 }}|{{ default \"d\" 0.0 }}|{{ default \"d\" false }}|{{ default \"d\" (list) }}|{{ default \"d\" (dict) }}|{{ default \"d\" true }}|{{ default \"d\" 1 }}|{{ default \"d\" }}|{{ default nil nil }}", "d|x|d|d|d|d|d|d|true|1|d|<no value>"],
  ["{{ \"\" | default \"x\" }}|{{ .Values.missing | default \"fallback\" }}|{{ .Values.num | default 5 }}|{{ default 3 .Values.s }}|{{ default \"x\" (list 0) }}", "x|fallback|1|str|[0]"],
  ["{{ empty \"\" }}|{{ empty \"a\" }}|{{ empty 0 }}|{{ empty 1 }}|{{ empty nil }}|{{ empty (list) }}|{{ empty (dict) }}|{{ empty false }}|{{ empty 0.0 }}|{{ empty .Values.missing }}|{{ empty (dict \"a\" 1) }}|{{ empty (int64 0) }}", "true|false|true|false|true|true|true|true|true|true|false|true"],
  ["{{ coalesce 0 \"\" nil \"x\" \"y\" }}|{{ coalesce }}|{{ coalesce 0 \"\" }}|{{ coalesce .Values.missing .Values.num }}|{{ typeOf (coalesce nil) }}", "x|<no value>|<no value>|1|<nil>"],
  ["{{ all 1 \"a\" true }}|{{ all 1 \"\" }}|{{ all }}|{{ any 0 \"\" nil }}|{{ any 0 \"a\" }}|{{ any }}", "true|false|true|false|true|false"],
  ["{{ ternary \"y\" \"n\" true }}|{{ ternary \"y\" \"n\" false }}|{{ true | ternary 1 2 }}|{{ ternary nil \"n\" true }}", "y|n|1|<no value>"],
];

const errors: [string, string][] = [

];

for (const [tpl, want] of cases) test(`defaults: ${tpl}`, () => assert.equal(renderCase(tpl), want));
for (const [tpl, want] of errors) test(`defaults error: ${tpl}`, () => assert.equal(renderCaseError(tpl), want));
