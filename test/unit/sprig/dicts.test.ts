import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCase, renderCaseError } from '../../support/sprig-cases.js';

// Expected outputs: Helm v3.10.1 `helm template` rendering each one-line template.
const cases: [string, string][] = [
  ["{{ dict \"a\" 1 \"b\" \"x\" }}|{{ dict }}|{{ dict \"a\" }}|{{ dict 1 2 }}|{{ dict nil 1 }}|{{ dict \"a\" nil }}|{{ typeOf (dict) }}", "map[a:1 b:x]|map[]|map[a:]|map[1:2]|map[<nil>:1]|map[a:<nil>]|map[string]interface {}"],
  ["{{ $d := dict \"a\" 1 }}{{ $_ := set $d \"b\" 2 }}{{ $d }}|{{ keys $d | sortAlpha }}|{{ hasKey $d \"b\" }}|{{ hasKey $d \"z\" }}|{{ get $d \"a\" }}|{{ get $d \"z\" }}|{{ typeOf (get $d \"z\") }}|{{ unset $d \"a\" }}|{{ $d }}", "map[a:1 b:2]|[a b]|true|false|1||string|map[b:2]|map[b:2]"],
  ["{{ pluck \"a\" (dict \"a\" 1) (dict \"b\" 2) (dict \"a\" 3) }}|{{ pluck \"a\" }}|{{ pick (dict \"a\" 1 \"b\" 2 \"c\" 3) \"a\" \"c\" \"z\" }}|{{ omit (dict \"a\" 1 \"b\" 2) \"a\" \"z\" }}|{{ pick (dict \"a\" 1) }}", "[1 3]|[]|map[a:1 c:3]|map[b:2]|map[]"],
  ["{{ keys (dict \"b\" 1 \"a\" 2) (dict \"c\" 3) | sortAlpha }}|{{ typeOf (keys (dict)) }}|{{ values (dict \"a\" 1) }}|{{ keys }}", "[a b c]|[]string|[1]|[]"],
  ["{{ dig \"a\" \"b\" \"def\" (dict \"a\" (dict \"b\" 7)) }}|{{ dig \"a\" \"x\" \"def\" (dict \"a\" (dict \"b\" 7)) }}|{{ dig \"a\" \"def\" (dict \"a\" nil) }}|{{ dig \"z\" \"def\" (dict) }}|{{ dig \"a\" \"b\" \"c\" \"d\" (dict \"a\" (dict \"b\" (dict \"c\" \"deep\"))) }}", "7|def|<no value>|def|deep"],
  ["{{ mergeOverwrite (dict \"a\" \"x\") (dict \"a\" (dict \"b\" 1)) }}|{{ mergeOverwrite (dict \"a\" 1) (dict \"a\" 0) }}|{{ merge (dict \"a\" \"\") (dict \"a\" 1) }}|{{ merge (dict) (dict \"a\" nil) }}|{{ mergeOverwrite (dict \"a\" 1) (dict \"a\" nil) }}", "map[a:x]|map[a:0]|map[a:1]|map[]|map[a:<nil>]"],
  ["{{ merge (dict \"x\" 1 \"l\" (list)) (dict \"l\" (list 1 2)) }}|{{ mergeOverwrite (dict \"a\" (dict \"b\" 1 \"c\" 2)) (dict \"a\" (dict \"b\" 3 \"d\" 4)) }}|{{ merge (dict \"a\" (dict)) (dict \"a\" (dict \"z\" 1)) }}|{{ mergeOverwrite (dict \"a\" (list 1)) (dict \"a\" \"s\") }}", "map[l:[1 2] x:1]|map[a:map[b:3 c:2 d:4]]|map[a:map[z:1]]|map[a:s]"],
  ["{{ merge (dict \"a\" 1 \"n\" (dict \"x\" 1)) (dict \"a\" 2 \"b\" 3 \"n\" (dict \"x\" 2 \"y\" 3)) (dict \"c\" 4) }}|{{ mergeOverwrite (dict \"a\" 1 \"n\" (dict \"x\" 1)) (dict \"a\" 2 \"b\" 3 \"n\" (dict \"x\" 2 \"y\" 3)) }}", "map[a:1 b:3 c:4 n:map[x:1 y:3]]|map[a:2 b:3 n:map[x:2 y:3]]"],
  ["{{ merge (dict \"l\" (list 1)) (dict \"l\" (list 2 3)) }}|{{ mergeOverwrite (dict \"l\" (list 1)) (dict \"l\" (list 2 3)) }}|{{ merge (dict) (dict \"l\" (list 1)) }}|{{ mergeOverwrite (dict \"l\" (list 1)) (dict \"l\" (list)) }}|{{ merge (dict \"a\" \"s\") (dict \"a\" (list 1)) }}", "map[l:[1]]|map[l:[2 3]]|map[l:[1]]|map[l:[]]|map[a:s]"],
  ["{{ merge (dict \"a\" false) (dict \"a\" true) }}|{{ mergeOverwrite (dict \"a\" true) (dict \"a\" false) }}|{{ merge (dict \"a\" 0) (dict \"a\" 5) }}|{{ mergeOverwrite (dict \"a\" \"x\") (dict \"a\" \"\") }}|{{ merge (dict \"a\" (dict \"b\" \"\")) (dict \"a\" (dict \"b\" \"y\")) }}", "map[a:true]|map[a:false]|map[a:5]|map[a:]|map[a:map[b:y]]"],
  ["{{ mustMerge (dict \"a\" 1) (dict \"b\" 2) }}|{{ mustMergeOverwrite (dict \"a\" 1) (dict \"a\" 2) }}|{{ merge (dict \"a\" 1) }}", "map[a:1 b:2]|map[a:2]|map[a:1]"],
  ["{{ $s := dict \"k\" (dict \"x\" 1) }}{{ $d := merge (dict) $s }}{{ $_ := set $d.k \"y\" 2 }}{{ $s }}", "map[k:map[x:1 y:2]]"],
  ["{{ $a := dict \"k\" (list 1) }}{{ $b := deepCopy $a }}{{ $_ := set $b \"k\" 2 }}{{ $a }}|{{ $b }}|{{ deepCopy (list 1 (dict \"a\" 2)) }}|{{ deepCopy 5 }}|{{ typeOf (deepCopy (splitList \",\" \"a\")) }}", "map[k:[1]]|map[k:2]|[1 map[a:2]]|5|[]string"],
];

const errors: [string, string][] = [
  ["{{ deepCopy nil }}", "error calling deepCopy: reflect: call of reflect.Value.Type on zero Value"],
  ["{{ mustDeepCopy nil }}", "error calling mustDeepCopy: reflect: call of reflect.Value.Type on zero Value"],
  ["{{ dig \"a\" (dict) }}", "error calling dig: dig needs at least three arguments"],
  ["{{ dig \"a\" \"b\" \"def\" (dict \"a\" \"str\") }}", "error calling dig: interface conversion: interface {} is string, not map[string]interface {}"],
  ["{{ dig 1 \"def\" (dict) }}", "error calling dig: interface conversion: interface {} is int, not string"],
];

for (const [tpl, want] of cases) test(`dicts: ${tpl}`, () => assert.equal(renderCase(tpl), want));
for (const [tpl, want] of errors) test(`dicts error: ${tpl}`, () => assert.equal(renderCaseError(tpl), want));
