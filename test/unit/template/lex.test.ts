// The lexer's item stream (Go's lex_test.go): types, values, lines, and trim markers handled in the lexer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Lexer } from '@helm-ts/core/template';

function items(input: string): string[] {
  const l = new Lexer('t', input);
  const out: string[] = [];
  for (;;) {
    const i = l.nextItem();
    out.push(`${i.typ}:${JSON.stringify(i.val)}@${i.line}`);
    if (i.typ === 8 /* EOF */ || i.typ === 0 /* Error */) return out;
  }
}

test('text and action', () => {
  assert.deepEqual(items('a{{.X}}b'), ['20:"a"@1', '11:"{{"@1', '9:".X"@1', '16:"}}"@1', '20:"b"@1', '8:""@1']);
});

test('trim markers remove surrounding spaces', () => {
  assert.deepEqual(items('a \n {{- 3 -}} \n b'), ['20:"a"@1', '11:"{{"@2', '13:"3"@2', '16:"}}"@2', '20:"b"@3', '8:""@3']);
});

test('a minus without a space is a number sign', () => {
  assert.deepEqual(items('{{-3}}'), ['11:"{{"@1', '13:"-3"@1', '16:"}}"@1', '8:""@1']);
});

test('keywords, variables, declarations and punctuation', () => {
  assert.deepEqual(items('{{range $i, $v := .L}}'), [
    '11:"{{"@1', '32:"range"@1', '18:" "@1', '21:"$i"@1', '2:","@1', '18:" "@1', '21:"$v"@1', '18:" "@1', '7:":="@1',
    '18:" "@1', '9:".L"@1', '16:"}}"@1', '8:""@1',
  ]);
});

test('comments are skipped, with line counting', () => {
  assert.deepEqual(items('{{/* a\nb */}}x'), ['20:"x"@2', '8:""@2']);
});

test('errors stop the stream', () => {
  assert.deepEqual(items('{{ "abc'), ['11:"{{"@1', '18:" "@1', '0:"unterminated quoted string"@1']);
  assert.deepEqual(items('{{ .x\n'), ['11:"{{"@1', '18:" "@1', '9:".x"@1', '18:"\\n"@1', '0:"unclosed action"@2']);
  assert.deepEqual(items('{{ 3k }}'), ['11:"{{"@1', '18:" "@1', '0:"bad number syntax: \\"3k\\""@1']);
});

test('lines count every newline before an item, in text, actions, comments and trimmed space', () => {
  assert.deepEqual(items('a\n{{/* c\n */}}\n{{- .X\n| f -}}\n\nb'), [
    '20:"a\\n"@1', '11:"{{"@4', '9:".X"@4', '18:"\\n"@4', '14:"|"@5', '18:" "@5', '10:"f"@5', '16:"}}"@5', '20:"b"@7', '8:""@7',
  ]);
});

test('an unbalanced right paren is an item, then the error', () => {
  assert.deepEqual(items('{{ ) }}'), ['11:"{{"@1', '18:" "@1', '17:")"@1', '0:"unexpected right paren U+0029 \')\'"@1']);
});

test('skipSpace drops the spaces inside actions and nothing else', () => {
  const inputs = ['{{ .X  | f   1 -}} t {{- if  $x := 2 }}{{end}}', '{{ a (b  c) }}', '{{  -}}', '{{ 3 - }}', 'x {{- /* c */ -}} y'];
  for (const input of inputs) {
    const skipping = new Lexer('t', input);
    skipping.skipSpace = true;
    const got: string[] = [];
    for (;;) {
      const i = skipping.nextItem();
      got.push(`${i.typ}:${JSON.stringify(i.val)}@${i.pos}`);
      if (i.typ === 8 || i.typ === 0) break;
    }
    const plain = new Lexer('t', input);
    const want: string[] = [];
    for (;;) {
      const i = plain.nextItem();
      if (i.typ !== 18) want.push(`${i.typ}:${JSON.stringify(i.val)}@${i.pos}`);
      if (i.typ === 8 || i.typ === 0) break;
    }
    assert.deepEqual(got, want, input);
  }
});
