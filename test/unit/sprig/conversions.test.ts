import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCase, renderCaseError } from '../../support/sprig-cases.js';

// Expected outputs: Helm v3.10.1 `helm template` rendering each one-line template.
const cases: [string, string][] = [
  ["{{ int \"010\" }}|{{ int \"1.0\" }}|{{ int \"0x1f\" }}|{{ int \"1_000\" }}|{{ int64 \"0b11\" }}|{{ int \" 5\" }}|{{ int 3.9 }}|{{ int -3.9 }}|{{ int true }}|{{ int nil }}", "8|0|31|1000|3|0|3|-3|1|0"],
  ["{{ float64 \"1e3\" }}|{{ float64 \"0x10\" }}|{{ float64 \"abc\" }}|{{ float64 \"1.5\" }}|{{ float64 2 }}|{{ float64 true }}|{{ float64 \"inf\" }}|{{ float64 \" 1\" }}|{{ float64 \"1_0.5\" }}|{{ float64 .Values.big }}", "1000|0|0|1.5|2|1|+Inf|0|10.5|1e+06"],
  ["{{ int64 \"9223372036854775807\" }}|{{ int64 \"9223372036854775808\" }}|{{ int64 \"-9223372036854775808\" }}|{{ int64 1e19 }}|{{ int \"abc\" }}|{{ int (list 1) }}|{{ int .Values.f }}|{{ int64 .Values.big }}", "9223372036854775807|0|-9223372036854775808|-9223372036854775808|0|0|1|1000000"],
  ["{{ typeOf (int 1) }}|{{ typeOf (int64 1) }}|{{ typeOf (float64 1) }}|{{ typeOf (atoi \"3\") }}|{{ typeOf (toDecimal \"777\") }}", "int|int64|float64|int|int64"],
  ["{{ toDecimal \"777\" }}|{{ toDecimal 777 }}|{{ toDecimal \"8\" }}|{{ toDecimal \"0777\" }}|{{ toDecimal \"-17\" }}|{{ toDecimal 1.5 }}|{{ toDecimal nil }}|{{ toDecimal true }}", "511|511|0|511|-15|0|0|0"],
  ["{{ atoi \"12\" }}|{{ atoi \"1.5\" }}|{{ atoi \" 3\" }}|{{ atoi \"0x10\" }}|{{ atoi \"-7\" }}|{{ atoi \"+7\" }}|{{ atoi \"\" }}|{{ atoi \"99999999999999999999\" }}", "12|0|0|0|-7|7|0|9223372036854775807"],
  ["{{ int \"-0x10\" }}|{{ int \"0o17\" }}|{{ int \"1e3\" }}|{{ int \"+5\" }}|{{ int64 \"\" }}|{{ int \"0\" }}|{{ int \"00\" }}|{{ int \"08\" }}", "-16|15|0|5|0|0|0|0"],
];

const errors: [string, string][] = [

];

for (const [tpl, want] of cases) test(`conversions: ${tpl}`, () => assert.equal(renderCase(tpl), want));
for (const [tpl, want] of errors) test(`conversions error: ${tpl}`, () => assert.equal(renderCaseError(tpl), want));
