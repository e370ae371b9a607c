// Language, parse-error and builtin tables (cases.ts) against the reference Helm's results (golden/*.json),
// executed as Helm executes a template: missingkey=zero, `.Values` holding the values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GoStruct, TemplateSet, TemplateError, goFunc, isTrue, type FuncMap, type GoValue } from '@helm-ts/core/template';
import { builtinCases, edgeCases, errorCases, fmtCases, funcCases, languageCases, parseErrorCases, type Case } from './cases.js';
import { helmParseError, loadTemplateGolden } from '../../support/template-golden.js';

const NAME = 'x/templates/NOTES.txt';

/** Renders like Helm: parse errors reported through Helm's cleanupParseError, exec errors verbatim. */
export function renderLikeHelm(tpl: string, values: unknown, funcs: FuncMap = {}): { out?: string; err?: string } {
  const set = new TemplateSet({ missingKey: 'zero', funcs });
  try {
    set.parse(NAME, tpl);
  } catch (e) {
    assert.ok(e instanceof TemplateError, String(e));
    return { err: helmParseError(NAME, e.message) };
  }
  try {
    return { out: set.execute(NAME, { Values: (values ?? {}) as never }) };
  } catch (e) {
    assert.ok(e instanceof TemplateError, String(e));
    return { err: e.message };
  }
}

function runTable(table: string, cases: Case[], funcs: FuncMap = {}): void {
  const golden = loadTemplateGolden(table);
  for (const [name, tpl, values] of cases) {
    test(`${table}: ${name}`, () => {
      const want = golden[name];
      assert.ok(want, `no golden result for ${name}; regenerate with gen-template-golden`);
      assert.deepEqual(renderLikeHelm(tpl, values, funcs), want, tpl);
    });
  }
}

runTable('language', languageCases);
runTable('parse', parseErrorCases);
runTable('builtins', builtinCases);
runTable('fmt', fmtCases);
runTable('errors', errorCases);

// The Sprig functions funcCases call, with Sprig's Go signatures.
const sprigLike = {
  upper: goFunc({ params: ['string'] }, (s: string) => s.toUpperCase()),
  repeat: goFunc({ params: ['int', 'string'] }, (n: bigint, s: string) => s.repeat(Number(n))),
  ternary: goFunc({ params: ['any', 'any', 'bool'] }, (a: GoValue, b: GoValue, c: boolean) => (c ? a : b)),
  default: goFunc({ params: ['any'], variadic: 'any' }, (d: GoValue, ...given: GoValue[]) => (given.length === 0 || !isTrue(given[0]) ? d : given[0])),
  list: goFunc({ params: [], variadic: 'any' }, (...a: GoValue[]) => a),
  // Only the invalid pattern "[" is used.
  mustRegexMatch: goFunc({ params: ['string', 'string'] }, () => {
    throw new Error('error parsing regexp: missing closing ]: `[`');
  }),
};

runTable('funcs', funcCases, sprigLike);
runTable('edge', edgeCases);

// A time.Time parameter (Sprig's unixEpoch, dateModify): checked by the engine as Go's reflect does, with the
// reference's messages (`{{ "x" | unixEpoch }}` etc. under Helm v3.10.1).
test('time.Time parameters: only a time.Time value fits, and nil does not', () => {
  class GoTime extends GoStruct {
    readonly goType = 'time.Time';
  }
  const funcs: FuncMap = {
    now: goFunc({ params: [] }, () => new GoTime()),
    unixEpoch: goFunc({ params: ['time'] }, () => '1'),
    dateModify: goFunc({ params: ['string', 'time'] }, () => 'm'),
  };
  const cases: Array<[string, { out?: string; err?: string }]> = [
    ['{{ now | unixEpoch }}', { out: '1' }],
    ['{{ "x" | unixEpoch }}', { err: `template: ${NAME}:1:9: executing "${NAME}" at <unixEpoch>: wrong type for value; expected time.Time; got string` }],
    ['{{ .Values.nope | unixEpoch }}', { err: `template: ${NAME}:1:18: executing "${NAME}" at <unixEpoch>: invalid value; expected time.Time` }],
    ['{{ unixEpoch 1 }}', { err: `template: ${NAME}:1:13: executing "${NAME}" at <1>: can't handle 1 for arg of type time.Time` }],
    ['{{ unixEpoch nil }}', { err: `template: ${NAME}:1:13: executing "${NAME}" at <nil>: cannot assign nil to time.Time` }],
    ['{{ dateModify "1h" "x" }}', { err: `template: ${NAME}:1:19: executing "${NAME}" at <"x">: can't handle "x" for arg of type time.Time` }],
  ];
  for (const [tpl, want] of cases) assert.deepEqual(renderLikeHelm(tpl, {}, funcs), want, tpl);
});
