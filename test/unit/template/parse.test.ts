// Parse trees print back as Go's parse_test.go expects (node String() forms, which execution errors quote).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tree } from '@helm-ts/core/template';

const builtins = new Set(['and', 'or', 'not', 'len', 'index', 'print', 'printf', 'println', 'eq']);
const hasFunction = (n: string): boolean => builtins.has(n);

const cases: [string, string, string][] = [
  ['text', 'some text', 'some text'],
  ['field', '{{.X}}', '{{.X}}'],
  ['spaces', '{{   .X   }}', '{{.X}}'],
  ['chain', '{{.X.Y.Z}}', '{{.X.Y.Z}}'],
  ['pipeline', '{{.X | printf "%d" | len}}', '{{.X | printf "%d" | len}}'],
  ['declaration', '{{$x := .X}}{{$x}}', '{{$x := .X}}{{$x}}'],
  ['assignment', '{{$x := 1}}{{$x = 2}}', '{{$x := 1}}{{$x = 2}}'],
  ['parens', '{{(print 1) | len}}', '{{(print 1) | len}}'],
  ['chain on parens', '{{(index . 1).X.Y}}', '{{(index . 1).X.Y}}'],
  ['variable chain', '{{$.X.Y}}', '{{$.X.Y}}'],
  ['numbers keep their text', '{{print 0x1F 1e3 \'a\' 1_000 -7}}', "{{print 0x1F 1e3 'a' 1_000 -7}}"],
  ['strings keep their quotes', '{{print "a\\n" `b`}}', '{{print "a\\n" `b`}}'],
  ['if else', '{{if .X}}a{{else}}b{{end}}', '{{if .X}}a{{else}}b{{end}}'],
  ['else if', '{{if .A}}a{{else if .B}}b{{end}}', '{{if .A}}a{{else}}{{if .B}}b{{end}}{{end}}'],
  ['range', '{{range $i, $v := .L}}{{$i}}{{else}}none{{end}}', '{{range $i, $v := .L}}{{$i}}{{else}}none{{end}}'],
  ['with', '{{with .X}}{{.}}{{end}}', '{{with .X}}{{.}}{{end}}'],
  ['template', '{{template "x" .}}{{template "y"}}', '{{template "x" .}}{{template "y"}}'],
  ['break continue', '{{range .}}{{break}}{{continue}}{{end}}', '{{range .}}{{break}}{{continue}}{{end}}'],
  ['trim', 'a  {{- .X -}}  b', 'a{{.X}}b'],
  ['comment dropped', 'a{{/* c */}}b', 'ab'],
  ['nil and bools', '{{print nil true false}}', '{{print nil true false}}'],
];

for (const [name, input, want] of cases) {
  test(name, () => {
    const trees = Tree.parse('t', input, hasFunction);
    assert.equal(String(trees.get('t')!.root), want);
  });
}

test('define and block make their own trees', () => {
  const trees = Tree.parse('t', '{{define "a"}}A{{end}}{{block "b" .}}B{{end}}x', hasFunction);
  assert.deepEqual([...trees.keys()].sort(), ['a', 'b', 't']);
  assert.equal(String(trees.get('t')!.root), '{{template "b" .}}x');
  assert.equal(String(trees.get('b')!.root), 'B');
});
