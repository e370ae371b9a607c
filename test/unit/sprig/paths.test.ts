import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCase, renderCaseError } from '../../support/sprig-cases.js';

// Expected outputs: Helm v3.10.1 `helm template` rendering each one-line template.
const cases: [string, string][] = [
  ["{{ base \"/a/b/c.txt\" }}|{{ base \"\" }}|{{ base \"/\" }}|{{ base \"a/b/\" }}|{{ base \"//\" }}|{{ osBase \"x/y\" }}", "c.txt|.|/|b|/|y"],
  ["{{ dir \"/a/b/c.txt\" }}|{{ dir \"\" }}|{{ dir \"a\" }}|{{ dir \"/a/\" }}|{{ dir \"a/../../b\" }}|{{ osDir \"/x/y\" }}", "/a/b|.|.|/a|..|/x"],
  ["{{ clean \"a//b/./c/..\" }}|{{ clean \"\" }}|{{ clean \"/../a\" }}|{{ clean \"../../a/\" }}|{{ clean \"/\" }}|{{ osClean \"a/./b\" }}", "a/b|.|/a|../../a|/|a/b"],
  ["{{ ext \"a/b.tar.gz\" }}|{{ ext \"a.b/c\" }}|{{ ext \"\" }}|{{ ext \".bashrc\" }}|{{ osExt \"x.y\" }}", ".gz|||.bashrc|.y"],
  ["{{ isAbs \"/a\" }}|{{ isAbs \"a\" }}|{{ isAbs \"\" }}|{{ osIsAbs \"/x\" }}", "true|false|false|true"],
];

const errors: [string, string][] = [

];

for (const [tpl, want] of cases) test(`paths: ${tpl}`, () => assert.equal(renderCase(tpl), want));
for (const [tpl, want] of errors) test(`paths error: ${tpl}`, () => assert.equal(renderCaseError(tpl), want));
