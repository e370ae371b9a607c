import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCase, renderCaseError } from '../../support/sprig-cases.js';

// Expected outputs: Helm v3.10.1 `helm template` rendering each one-line template.
const cases: [string, string][] = [
  ["{{ typeOf nil }}|{{ kindOf nil }}|{{ typeOf (list) }}|{{ typeOf (dict) }}|{{ typeOf 1 }}|{{ typeOf 1.5 }}|{{ typeOf \"\" }}|{{ typeOf true }}|{{ typeOf .Values.num }}|{{ typeOf .Values.list }}|{{ typeOf .Values.m }}", "<nil>|invalid|[]interface {}|map[string]interface {}|int|float64|string|bool|float64|[]interface {}|map[string]interface {}"],
  ["{{ kindOf (list) }}|{{ kindOf (dict) }}|{{ kindOf 1 }}|{{ kindOf 1.5 }}|{{ kindOf \"s\" }}|{{ kindOf true }}|{{ kindOf (int64 1) }}|{{ kindOf (splitList \"\" \"\") }}|{{ kindOf (split \",\" \"\") }}", "slice|map|int|float64|string|bool|int64|slice|map"],
  ["{{ typeIs \"int\" 1 }}|{{ typeIs \"float64\" 1 }}|{{ typeIsLike \"int\" 1 }}|{{ typeIsLike \"string\" \"x\" }}|{{ kindIs \"map\" (dict) }}|{{ kindIs \"slice\" (list) }}|{{ kindIs \"invalid\" nil }}|{{ typeIs \"<nil>\" nil }}", "true|false|true|true|true|true|true|true"],
  ["{{ deepEqual (list 1) (list 1) }}|{{ deepEqual 1 1.0 }}|{{ deepEqual (splitList \",\" \"a\") (list \"a\") }}|{{ deepEqual (dict \"a\" 1) (dict \"a\" 1) }}|{{ deepEqual nil nil }}|{{ deepEqual \"a\" \"a\" }}|{{ deepEqual (int64 1) 1 }}|{{ deepEqual (dict) (dict \"a\" nil) }}", "true|false|false|true|true|true|false|false"],
];

const errors: [string, string][] = [

];

for (const [tpl, want] of cases) test(`reflection: ${tpl}`, () => assert.equal(renderCase(tpl), want));
for (const [tpl, want] of errors) test(`reflection error: ${tpl}`, () => assert.equal(renderCaseError(tpl), want));
