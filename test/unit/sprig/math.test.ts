import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCase, renderCaseError } from '../../support/sprig-cases.js';

// Expected outputs: Helm v3.10.1 `helm template` rendering each one-line template.
const cases: [string, string][] = [
  ["{{ add 1 2 3 }}|{{ add }}|{{ add \"1\" 2.7 }}|{{ add1 5 }}|{{ add1 \"x\" }}|{{ sub 5 7 }}|{{ mul 2 3 4 }}|{{ mul 5 }}|{{ div 7 2 }}|{{ div -7 2 }}|{{ mod 7 3 }}|{{ mod -7 3 }}", "6|0|3|6|1|-2|24|5|3|-3|1|-1"],
  ["{{ typeOf (add 1 2) }}|{{ typeOf (add1f 1) }}|{{ typeOf (until 3) }}|{{ typeOf (seq 3) }}|{{ typeOf (max 1 2) }}|{{ typeOf (round 1.5 0) }}", "int64|float64|[]int|string|int64|float64"],
  ["{{ max 1 5 3 }}|{{ min 4 2 8 }}|{{ max \"7\" 2 }}|{{ biggest 1 9 }}|{{ min 1 }}|{{ maxf 1.5 2 0.3 }}|{{ minf 1.5 2 0.3 }}|{{ maxf 1 }}|{{ minf \"x\" 2 }}", "5|2|7|9|1|2|0.3|1|0"],
  ["{{ floor 1.7 }}|{{ floor -1.2 }}|{{ ceil 1.2 }}|{{ ceil \"2.1\" }}|{{ round 3.14159 2 }}|{{ round 2.5 0 }}|{{ round -2.5 0 }}|{{ round 1.4999 0 }}|{{ round 1.25 1 0.3 }}|{{ round 123.456 -1 }}|{{ floor 5 }}", "1|-2|2|3|3.14|3|-3|1|1.3|120|5"],
  ["{{ addf 1.1 2.2 }}|{{ add1f 1.5 }}|{{ subf 5.5 1.1 1.1 }}|{{ mulf 1.1 3 }}|{{ divf 1 3 }}|{{ divf 10 4 }}|{{ divf 2 3 }}|{{ addf 0.1 0.2 }}|{{ mulf 0.1 0.2 }}|{{ addf }}|{{ subf 1 }}|{{ divf -2 3 }}", "3.3|2.5|3.3|3.3|0.3333333333333333|2.5|0.6666666666666667|0.3|0.02|0|1|-0.6666666666666667"],
  ["{{ divf 1e20 3 }}|{{ mulf 123456789 987654321 }}|{{ addf 1e-7 1 }}|{{ divf 1 7 }}|{{ subf 0 0.3 }}", "3.333333333333333e+19|1.2193263111263526e+17|1.0000001|0.1428571428571429|-0.3"],
  ["{{ until 5 }}|{{ until -3 }}|{{ until 0 }}|{{ untilStep 0 10 3 }}|{{ untilStep 10 0 -3 }}|{{ untilStep 0 10 -1 }}|{{ untilStep 3 3 1 }}", "[0 1 2 3 4]|[0 -1 -2]|[]|[0 3 6 9]|[10 7 4 1]|[]|[]"],
  ["{{ seq 5 }}|{{ seq -3 }}|{{ seq 0 }}|{{ seq 2 5 }}|{{ seq 5 2 }}|{{ seq 0 2 10 }}|{{ seq 10 -3 1 }}|{{ seq 10 3 1 }}|{{ seq 1 2 3 4 }}|{{ seq }}", "1 2 3 4 5|1 0 -1 -2 -3|1 0|2 3 4 5|5 4 3 2|0 2 4 6 8 10|10 7 4 1|||"],
  ["{{ add 1.9 1.9 }}|{{ sub \"10\" \"3\" }}|{{ mul 1.5 2 }}|{{ add .Values.num 1 }}|{{ add .Values.big 1 }}|{{ mul .Values.f 2 }}", "2|7|2|2|1000001|2"],
];

const errors: [string, string][] = [
  ["{{ div 1 0 }}", "error calling div: runtime error: integer divide by zero"],
  ["{{ mod 1 0 }}", "error calling mod: runtime error: integer divide by zero"],
  ["{{ randInt 1 1 }}", "error calling randInt: invalid argument to Intn"],
];

for (const [tpl, want] of cases) test(`math: ${tpl}`, () => assert.equal(renderCase(tpl), want));
for (const [tpl, want] of errors) test(`math error: ${tpl}`, () => assert.equal(renderCaseError(tpl), want));
