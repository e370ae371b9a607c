import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCase, renderCaseError } from '../../support/sprig-cases.js';

// Expected outputs: Helm v3.10.1 `helm template` rendering each one-line template.
const cases: [string, string][] = [
  ["{{ list 1 \"a\" nil 2.5 }}|{{ list }}|{{ tuple 1 2 }}|{{ typeOf (list) }}", "[1 a <nil> 2.5]|[]|[1 2]|[]interface {}"],
  ["{{ first (list 1 2) }}|{{ first (list) }}|{{ last (list 1 2) }}|{{ last (list) }}|{{ first (list nil) }}|{{ first (splitList \",\" \"x,y\") }}", "1|<no value>|2|<no value>|<no value>|x"],
  ["{{ rest (list 1 2 3) }}|{{ rest (list) }}|{{ initial (list 1 2 3) }}|{{ initial (list) }}|{{ typeOf (rest (list)) }}|{{ rest (list 1) }}", "[2 3]|[]|[1 2]|[]|[]interface {}|[]"],
  ["{{ append (list 1) 2 }}|{{ push (list) \"x\" }}|{{ prepend (list 1) 0 }}|{{ mustAppend (splitList \",\" \"a\") \"b\" }}|{{ mustPrepend (list) nil }}", "[1 2]|[x]|[0 1]|[a b]|[<nil>]"],
  ["{{ reverse (list 1 2 3) }}|{{ reverse (list) }}|{{ typeOf (reverse (splitList \",\" \"a,b\")) }}|{{ mustReverse (list \"a\") }}", "[3 2 1]|[]|[]interface {}|[a]"],
  ["{{ uniq (list 1 1 \"1\" 1.0 (int64 1) 2 1) }}|{{ uniq (list) }}|{{ uniq (list (list 1) (list 1)) }}|{{ mustUniq (list nil nil) }}", "[1 1 1 1 2]|[]|[[1]]|[<nil>]"],
  ["{{ without (list 1 2 3 1) 1 3 }}|{{ without (list 1 2) }}|{{ without (list \"a\" \"b\") \"a\" \"c\" }}|{{ mustWithout (list 1 1.0) 1 }}", "[2]|[1 2]|[b]|[1]"],
  ["{{ has 1 (list 1 2) }}|{{ has \"1\" (list 1 2) }}|{{ has 1 nil }}|{{ has nil (list nil) }}|{{ mustHas 3 (list 1) }}|{{ has 1.0 (list 1) }}", "true|false|false|true|false|false"],
  ["{{ compact (list 0 1 \"\" nil (list) (dict) false \"a\" 0.0) }}|{{ mustCompact (list) }}", "[1 a]|[]"],
  ["{{ slice (list 1 2 3) 1 }}|{{ slice (list 1 2 3) 0 2 }}|{{ slice (list 1 2 3) }}|{{ slice (list) }}|{{ typeOf (slice (splitList \",\" \"a,b,c\") 1 2) }}|{{ slice (list 1 2 3) 3 }}|{{ slice (list 1 2 3) \"1\" \"2\" }}", "[2 3]|[1 2]|[1 2 3]|<no value>|[]string|[]|[2]"],
  ["{{ concat (list 1) (splitList \",\" \"a,b\") (until 2) }}|{{ concat }}|{{ concat (list) (list) }}|{{ typeOf (concat (list 1)) }}", "[1 a b 0 1]|[]|[]|[]interface {}"],
  ["{{ chunk 2 (list 1 2 3 4 5) }}|{{ typeOf (chunk 2 (list 1)) }}|{{ chunk 3 (list 1 2 3) }}|{{ chunk 5 (list 1) }}|{{ mustChunk 1 (list 1 2) }}|{{ chunk 2 (list) }}", "[[1 2] [3 4] [5]]|[][]interface {}|[[1 2 3]]|[[1]]|[[1] [2]]|[]"],
  ["{{ sortAlpha (list \"b\" \"a\" 3 \"C\") }}|{{ sortAlpha (list) }}|{{ typeOf (sortAlpha (list)) }}|{{ sortAlpha 5 }}", "[3 C a b]|[]|[]string|[5]"],
];

const errors: [string, string][] = [
  ["{{ first \"abc\" }}", "error calling first: Cannot find first on type string"],
  ["{{ first nil }}", "error calling first: runtime error: invalid memory address or nil pointer dereference"],
  ["{{ concat (list 1) 2 }}", "error calling concat: Cannot concat type int as list"],
  ["{{ slice (list 1 2) 1 5 }}", "error calling slice: reflect.Value.Slice: slice index out of bounds"],
  ["{{ slice (list 1 2) 2 1 }}", "error calling slice: reflect.Value.Slice: slice index out of bounds"],
  ["{{ slice 1 }}", "error calling slice: list should be type of slice or array but int"],
  ["{{ mustFirst 3 }}", "error calling mustFirst: Cannot find first on type int"],
  ["{{ push 3 1 }}", "error calling push: Cannot push on type int"],
  ["{{ mustPrepend (dict) 1 }}", "error calling mustPrepend: Cannot prepend on type map"],
  ["{{ has 1 \"abc\" }}", "error calling has: Cannot find has on type string"],
  ["{{ without 1 1 }}", "error calling without: Cannot find without on type int"],
  ["{{ chunk 0 (list 1) }}", "error calling chunk: runtime error: makeslice: len out of range"],
  ["{{ concat nil }}", "error calling concat: runtime error: invalid memory address or nil pointer dereference"],
  ["{{ rest 1.5 }}", "error calling rest: Cannot find rest on type float64"],
  ["{{ last true }}", "error calling last: Cannot find last on type bool"],
  ["{{ initial \"s\" }}", "error calling initial: Cannot find initial on type string"],
  ["{{ reverse (dict) }}", "error calling reverse: Cannot find reverse on type map"],
  ["{{ uniq \"x\" }}", "error calling uniq: Cannot find uniq on type string"],
  ["{{ compact 1 }}", "error calling compact: Cannot compact on type int"],
  ["{{ chunk 2 \"ab\" }}", "error calling chunk: Cannot chunk type string"],
];

for (const [tpl, want] of cases) test(`lists: ${tpl}`, () => assert.equal(renderCase(tpl), want));
for (const [tpl, want] of errors) test(`lists error: ${tpl}`, () => assert.equal(renderCaseError(tpl), want));
