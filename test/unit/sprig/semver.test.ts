import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCase, renderCaseError } from '../../support/sprig-cases.js';

// Expected outputs: Helm v3.10.1 `helm template` rendering each one-line template.
const cases: [string, string][] = [
  ["{{ semver \"1.2.3\" }}|{{ semver \"v1.2\" }}|{{ semver \"1\" }}|{{ semver \"1.2.3-beta.1+build.5\" }}|{{ typeOf (semver \"1.2.3\") }}|{{ kindOf (semver \"1.0.0\") }}", "1.2.3|1.2.0|1.0.0|1.2.3-beta.1+build.5|*semver.Version|ptr"],
  ["{{ (semver \"1.2.3-rc.1+meta\").Major }}|{{ (semver \"1.2.3-rc.1+meta\").Minor }}|{{ (semver \"1.2.3-rc.1+meta\").Patch }}|{{ (semver \"1.2.3-rc.1+meta\").Prerelease }}|{{ (semver \"1.2.3-rc.1+meta\").Metadata }}|{{ (semver \"v1.2.3-rc.1+meta\").Original }}|{{ typeOf (semver \"1.2.3\").Major }}", "1|2|3|rc.1|meta|v1.2.3-rc.1+meta|uint64"],
  ["{{ (semver \"1.2.3\").Compare (semver \"1.2.4\") }}|{{ (semver \"1.2.3\").LessThan (semver \"1.2.4\") }}|{{ (semver \"2.0.0\").GreaterThan (semver \"1.2.4\") }}|{{ (semver \"1.0.0+a\").Equal (semver \"1.0.0+b\") }}", "-1|true|true|true"],
  ["{{ semverCompare \">=1.2.3\" \"1.2.3\" }}|{{ semverCompare \">1.2.3\" \"1.2.3\" }}|{{ semverCompare \"<2.0.0\" \"1.9.9\" }}|{{ semverCompare \"<=1.2\" \"1.2.9\" }}|{{ semverCompare \"<=1.2\" \"1.3.0\" }}|{{ semverCompare \"=1.2.3\" \"v1.2.3\" }}|{{ semverCompare \"1.2.3\" \"1.2.3\" }}|{{ semverCompare \"!=1.2.3\" \"1.2.4\" }}", "true|false|true|true|false|true|true|true"],
  ["{{ semverCompare \"~1.2.3\" \"1.2.9\" }}|{{ semverCompare \"~1.2.3\" \"1.3.0\" }}|{{ semverCompare \"~1\" \"1.9.0\" }}|{{ semverCompare \"~1.x\" \"1.9.0\" }}|{{ semverCompare \"~>1.2\" \"1.2.5\" }}|{{ semverCompare \"~0.0.0\" \"5.0.0\" }}|{{ semverCompare \"~1.2.3\" \"1.2.2\" }}", "true|false|true|true|true|true|false"],
  ["{{ semverCompare \"^1.2.3\" \"1.9.0\" }}|{{ semverCompare \"^1.2.3\" \"2.0.0\" }}|{{ semverCompare \"^0.2.3\" \"0.2.9\" }}|{{ semverCompare \"^0.2.3\" \"0.3.0\" }}|{{ semverCompare \"^0.0.3\" \"0.0.3\" }}|{{ semverCompare \"^0.0.3\" \"0.0.4\" }}|{{ semverCompare \"^0.0\" \"0.0.9\" }}|{{ semverCompare \"^0\" \"0.9.0\" }}|{{ semverCompare \"^0.x\" \"0.9.0\" }}", "true|false|true|false|true|false|true|true|true"],
  ["{{ semverCompare \"1.2.x\" \"1.2.7\" }}|{{ semverCompare \"1.x\" \"1.3.0\" }}|{{ semverCompare \"*\" \"3.0.0\" }}|{{ semverCompare \"1.2.*\" \"1.3.0\" }}|{{ semverCompare \"x\" \"0.0.1\" }}|{{ semverCompare \">1.x\" \"2.0.0\" }}|{{ semverCompare \">1.x\" \"1.5.0\" }}|{{ semverCompare \">1.2.x\" \"1.3.0\" }}|{{ semverCompare \">1.2.x\" \"1.2.9\" }}|{{ semverCompare \"<=1.x\" \"1.9.0\" }}", "true|true|true|false|true|true|false|true|false|true"],
  ["{{ semverCompare \">=1.2.3\" \"1.2.4-beta\" }}|{{ semverCompare \">=1.2.3-0\" \"1.2.4-beta\" }}|{{ semverCompare \">=1.2.3-alpha\" \"1.2.3-beta\" }}|{{ semverCompare \"<1.2.3-beta\" \"1.2.3-alpha\" }}|{{ semverCompare \">=1.2.3-alpha.10\" \"1.2.3-alpha.9\" }}|{{ semverCompare \"1.2.3-rc.1\" \"1.2.3-rc.1\" }}|{{ semverCompare \"^1.2.3-0\" \"1.5.0-rc.1\" }}|{{ semverCompare \"~1.2.3-0\" \"1.2.4-rc.1\" }}|{{ semverCompare \">=1.0.0-0\" \"1.0.0\" }}", "false|true|true|true|false|true|true|true|true"],
  ["{{ semverCompare \">= 1.2, < 1.4\" \"1.3.5\" }}|{{ semverCompare \">= 1.2, < 1.4\" \"1.4.0\" }}|{{ semverCompare \">=1.2 <1.4\" \"1.3.0\" }}|{{ semverCompare \"<1.0 || >=2.0\" \"1.5.0\" }}|{{ semverCompare \"<1.0 || >=2.0\" \"2.5.0\" }}|{{ semverCompare \"1.1 - 1.5\" \"1.5.0\" }}|{{ semverCompare \"1.1 - 1.5\" \"1.6.0\" }}|{{ semverCompare \"1.1.0 - 1.5.0 || 3.x\" \"3.2.0\" }}", "true|false|true|false|true|true|false|true"],
  ["{{ semverCompare \">=1.18.0-0\" \"v1.20.4-gke.1800\" }}|{{ semverCompare \">=1.16-0\" \"1.25.0\" }}|{{ semverCompare \"<1.19-0\" \"v1.18.2+k3s1\" }}|{{ semverCompare \">= 1.19.0-0 < 1.21.0-0\" \"1.20.0\" }}|{{ semverCompare \"^1.2.3+build\" \"1.2.4\" }}|{{ semverCompare \"!=1.x\" \"1.5.0\" }}|{{ semverCompare \"!=1.2.x\" \"1.3.0\" }}|{{ semverCompare \"=>1.2\" \"1.2.0\" }}|{{ semverCompare \"=<1.2\" \"1.2.0\" }}", "true|true|true|true|true|false|true|true|true"],
  ["{{ semverCompare \">=1.0\" \"1.0.0-rc\" }}|{{ semverCompare \"~1.2.x\" \"1.2.0-beta\" }}|{{ semverCompare \"1.2.3 - 2.3.4\" \"2.3.4\" }}|{{ semverCompare \">1.0.0-alpha\" \"1.0.0\" }}|{{ semverCompare \"<1.0.0\" \"1.0.0-alpha\" }}|{{ semverCompare \">=0.0.0\" \"0.0.0-0\" }}|{{ semverCompare \"v1.2.3\" \"1.2.3\" }}", "false|false|true|true|false|false|true"],
  ["{{ semverCompare \">= x\" \"1.0.0\" }}", "true"],
  ["{{ semver \"01.2.3\" }}", "1.2.3"],
];

const errors: [string, string][] = [
  ["{{ semverCompare \"abc\" \"1.0.0\" }}", "error calling semverCompare: improper constraint: abc"],
  ["{{ semverCompare \">1.0\" \"abc\" }}", "error calling semverCompare: Invalid Semantic Version"],
  ["{{ semverCompare \">1.0\" \"1.0.0-01\" }}", "error calling semverCompare: Version segment starts with 0"],
  ["{{ semverCompare \">1.0\" \"1.0.0+a_b\" }}", "error calling semverCompare: Invalid Semantic Version"],
  ["{{ semverCompare \"1.0 ||\" \"1.0.0\" }}", "error calling semverCompare: improper constraint: "],
  ["{{ semverCompare \">=1.2.3,,<2\" \"1.5.0\" }}", "error calling semverCompare: improper constraint: >=1.2.3,,<2"],
  ["{{ semver \"x.y\" }}", "error calling semver: Invalid Semantic Version"],
  ["{{ semver \"1.2.3.4\" }}", "error calling semver: Invalid Semantic Version"],
  ["{{ semver \"\" }}", "error calling semver: Invalid Semantic Version"],
  ["{{ semver \"1.0.0-a..b\" }}", "error calling semver: Invalid Semantic Version"],
  ["{{ semverCompare \"\" \"1.0.0\" }}", "error calling semverCompare: improper constraint: "],
];

for (const [tpl, want] of cases) test(`semver: ${tpl}`, () => assert.equal(renderCase(tpl), want));
for (const [tpl, want] of errors) test(`semver error: ${tpl}`, () => assert.equal(renderCaseError(tpl), want));
