import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCase, renderCaseError } from '../../support/sprig-cases.js';

// Expected outputs: Helm v3.10.1 `helm template` rendering each one-line template.
const cases: [string, string][] = [
  ["{{ duration 90 }}|{{ duration (int64 90) }}|{{ duration \"90\" }}|{{ duration 90.0 }}|{{ duration \"-3700\" }}|{{ duration \"x\" }}|{{ duration (int64 0) }}|{{ duration \"100000\" }}", "0s|1m30s|1m30s|0s|-1h1m40s|0s|0s|27h46m40s"],
  ["{{ durationRound \"2h10m\" }}|{{ durationRound 90 }}|{{ durationRound (int64 3600000000001) }}|{{ durationRound \"-3h\" }}|{{ durationRound \"1s\" }}|{{ durationRound \"1.5s\" }}|{{ durationRound \"800h\" }}|{{ durationRound \"9000h\" }}|{{ durationRound \"bad\" }}|{{ durationRound \"61s\" }}", "2h|0s|1h|3h|0s|1s|1mo|1y|0s|1m"],
  ["{{ date \"2006-01-02 15:04:05 MST Z07:00\" 0 }}|{{ dateInZone \"2006-01-02 15:04:05 MST -0700\" 1700000000 \"Europe/Berlin\" }}|{{ dateInZone \"Mon Jan _2 3:4:5 PM .000 .999 2006\" 1700000000 \"America/New_York\" }}|{{ dateInZone \"15:04 MST\" 1700000000 \"Nope/Zone\" }}", "1970-01-01 00:00:00 UTC Z|2023-11-14 23:13:20 CET +0100|Tue Nov 14 5:13:20 PM .000  2023|22:13 UTC"],
  ["{{ dateInZone \"MST\" 1700000000 \"Asia/Kolkata\" }}|{{ dateInZone \"MST -07:00:00 Z070000\" 1700000000 \"America/Sao_Paulo\" }}|{{ htmlDateInZone 1700000000 \"UTC\" }}|{{ htmlDate 0 }}|{{ dateInZone \"2006-01-02 MST\" 1720000000 \"Europe/Berlin\" }}|{{ dateInZone \"MST\" 4102444800 \"Europe/Berlin\" }}|{{ dateInZone \"MST\" 4118000000 \"America/New_York\" }}|{{ dateInZone \"MST\" -2000000000 \"Europe/Paris\" }}", "IST|-03 -03:00:00 -030000|2023-11-14|1970-01-01|2024-07-03 CEST|CET|EDT|PMT"],
  ["{{ dateInZone \"January Monday 06 002 __2 pm 03 3 4 5 .0 ,00 .9 Z07 -07\" 1700000000 \"Australia/Adelaide\" }}|{{ date \"Jan 2, 2006 at 3:04pm (MST)\" (int64 1000000000) }}|{{ date \"2006\" (int64 1) }}|{{ date \"02/01/06\" 1.5 | len }}|{{ dateInZone \"15:04\" 1700000000 \"\" }}|{{ dateInZone \"15:04 MST\" 1700000000 \"Local\" }}", "November Wednesday 23 319 319 am 08 8 43 20 .0 ,00  +10 +10|Sep 9, 2001 at 1:46am (UTC)|1970|8|22:13|22:13 UTC"],
  ["{{ toDate \"2006-01-02\" \"2017-12-31\" }}|{{ toDate \"2006-01-02\" \"bad\" }}|{{ toDate \"2006-01-02 15:04 MST\" \"2017-12-31 10:00 PST\" }}|{{ toDate \"2006-01-02T15:04:05Z07:00\" \"2017-12-31T10:00:00+02:00\" }}|{{ toDate \"2006-01-02T15:04:05Z07:00\" \"2017-12-31T10:00:00Z\" }}|{{ unixEpoch (toDate \"2006-01-02\" \"2017-12-31\") }}", "2017-12-31 00:00:00 +0000 UTC|0001-01-01 00:00:00 +0000 UTC|2017-12-31 10:00:00 +0000 PST|2017-12-31 10:00:00 +0200 +0200|2017-12-31 10:00:00 +0000 UTC|1514678400"],
  ["{{ dateModify \"1.5h\" (toDate \"2006-01-02\" \"2017-12-31\") }}|{{ dateModify \"bad\" (toDate \"2006-01-02\" \"2017-12-31\") }}|{{ dateModify \"-30m\" (toDate \"2006-01-02\" \"2017-12-31\") }}|{{ date_modify \"24h\" (toDate \"2006-01-02\" \"2017-12-31\") }}|{{ mustDateModify \"1h1m1s1ms\" (toDate \"2006-01-02\" \"2017-12-31\") }}|{{ typeOf (toDate \"2006\" \"2017\") }}", "2017-12-31 01:30:00 +0000 UTC|2017-12-31 00:00:00 +0000 UTC|2017-12-30 23:30:00 +0000 UTC|2018-01-01 00:00:00 +0000 UTC|2017-12-31 01:01:01.001 +0000 UTC|time.Time"],
  ["{{ toDate \"02 Jan 06 15:04 -0700\" \"31 Dec 17 23:00 +0100\" }}|{{ toDate \"Jan _2 15:04:05.000\" \"Feb  3 04:05:06.789\" }}|{{ toDate \"2006-01-02 15:04:05\" \"2020-02-29 23:59:59.5\" }}|{{ toDate \"2006-01-02\" \"2019-02-29\" }}|{{ toDate \"2006-01-02\" \"2019-13-01\" }}|{{ toDate \"2006-01-02\" \"2019-01-01x\" }}|{{ toDate \"3:04PM\" \"11:30AM\" }}|{{ toDate \"2006-002\" \"2020-060\" }}", "2017-12-31 23:00:00 +0100 +0100|0000-02-03 04:05:06.789 +0000 UTC|2020-02-29 23:59:59.5 +0000 UTC|0001-01-01 00:00:00 +0000 UTC|0001-01-01 00:00:00 +0000 UTC|0001-01-01 00:00:00 +0000 UTC|0000-01-01 11:30:00 +0000 UTC|2020-02-29 00:00:00 +0000 UTC"],
  ["{{ date \"2006-01-02T15:04:05.000000000Z07:00\" (toDate \"2006-01-02T15:04:05.999Z07:00\" \"2020-02-29T23:59:59.123Z\") }}|{{ date \"2006\" (toDate \"2006\" \"1999\") }}|{{ (toDate \"2006-01-02\" \"2017-12-31\").Year }}|{{ (toDate \"2006-01-02\" \"2017-12-31\").Unix }}|{{ (toDate \"2006-01-02\" \"2017-12-31\").UTC }}", "2020-02-29T23:59:59.123000000Z|1999|2017|1514678400|2017-12-31 00:00:00 +0000 UTC"],
  ["{{ ago now }}|{{ typeOf (unixEpoch now) }}|{{ typeOf (dateModify \"1h\" now) }}|{{ typeOf now }}|{{ kindOf now }}|{{ len (date \"2006\" now) }}|{{ len (htmlDate now) }}", "0s|string|time.Time|time.Time|struct|4|10"],
  ["{{ (toDate \"2006-01-02\" \"2017-12-31\").Month }}|{{ (toDate \"2006-01-02\" \"2017-12-31\").Weekday }}|{{ (toDate \"2006-01-02\" \"2017-12-31\").YearDay }}|{{ (toDate \"2006-01-02\" \"2017-12-31\").IsZero }}|{{ (toDate \"2006\" \"x\").IsZero }}|{{ (toDate \"2006-01-02 15:04:05.000\" \"2017-12-31 01:02:03.456\").UnixNano }}", "December|Sunday|365|false|true|1514682123456000000"],
];

const errors: [string, string][] = [
  ["{{ mustToDate \"2006-01-02\" \"x\" }}", "error calling mustToDate: parsing time \"x\" as \"2006-01-02\": cannot parse \"x\" as \"2006\""],
  ["{{ mustDateModify \"x\" now }}", "error calling mustDateModify: time: invalid duration \"x\""],
  ["{{ mustDateModify \"1d\" now }}", "error calling mustDateModify: time: unknown unit \"d\" in duration \"1d\""],
  ["{{ mustDateModify \"1\" now }}", "error calling mustDateModify: time: missing unit in duration \"1\""],
  ["{{ mustToDate \"2006-01-02\" \"2019-02-30\" }}", "error calling mustToDate: parsing time \"2019-02-30\": day out of range"],
  ["{{ mustToDate \"15:04\" \"25:00\" }}", "error calling mustToDate: parsing time \"25:00\": hour out of range"],
  ["{{ mustToDate \"2006-01-02\" \"2019-01-0\" }}", "error calling mustToDate: parsing time \"2019-01-0\" as \"2006-01-02\": cannot parse \"0\" as \"02\""],
];

for (const [tpl, want] of cases) test(`dates: ${tpl}`, () => assert.equal(renderCase(tpl), want));
for (const [tpl, want] of errors) test(`dates error: ${tpl}`, () => assert.equal(renderCaseError(tpl), want));

// ---- hand-written tests below ----
// `now` is checked by shape: Go's time.Time String() with the monotonic clock reading.
test('dates: now prints as Go prints time.Now()', () => {
  const out = renderCase('{{ now }}');
  assert.match(out, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,9})? [+-]\d{4} \S+ m=\+\d+\.\d{9}$/);
  const t = Date.parse(out.slice(0, 19).replace(' ', 'T') + out.slice(out.indexOf(' ', 20), out.indexOf(' ', 20) + 6).replace(/ ([+-]\d\d)(\d\d)/, '$1:$2'));
  assert.ok(Math.abs(t - Date.now()) < 60_000, `now is close to the current time: ${out}`);
});

test('dates: date formats now and Unix seconds in the local zone; ago of now is 0s', () => {
  assert.match(renderCase('{{ now | date "2006-01-02T15:04:05Z07:00" }}'), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/);
  assert.equal(renderCase('{{ ago now }}'), '0s');
  assert.match(renderCase('{{ ago (dateModify "-90m" now) }}'), /^1h30m0s$|^1h30m1s$/);
  assert.ok(Math.abs(Number(renderCase('{{ unixEpoch now }}')) - Date.now() / 1000) < 5);
  assert.match(renderCase('{{ durationRound (dateModify "-49h" now) }}'), /^2d$/);
});

test('dates: time values marshal to JSON as RFC 3339 strings', async () => {
  const { GoTime } = await import('@helm-ts/core/sprig');
  assert.equal(GoTime.unix(1700000000, 5).UTC().jsonValue(), '2023-11-14T22:13:20.000000005Z');
});
