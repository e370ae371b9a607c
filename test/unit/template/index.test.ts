// The TemplateSet API: Go's template namespace semantics (AddParseTree, Clone, Funcs, Option), re-entrant
// functions, Go methods on structs, missingkey modes and bad input. Expectations follow Go 1.18's
// text/template source where the reference Helm cannot show them (Helm always uses missingkey=zero).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GoNamedList, GoNamedMap, GoStruct, TemplateError, TemplateSet, goFunc, type GoMap, type GoValue } from '@helm-ts/core/template';
import { HelmError } from '@helm-ts/core/errors';

function render(text: string, data: GoValue = {}, set = new TemplateSet()): string {
  set.parse('t', text);
  return set.execute('t', data);
}

function renderError(text: string, data: GoValue = {}, set = new TemplateSet()): string {
  try {
    render(text, data, set);
  } catch (e) {
    assert.ok(e instanceof TemplateError, `not a TemplateError: ${String(e)}`);
    assert.ok(e instanceof HelmError);
    return e.message;
  }
  assert.fail('expected an error');
}

test('parse once, execute many with different data', () => {
  const set = new TemplateSet().parse('t', 'Hello {{ .name }}!');
  assert.equal(set.execute('t', { name: 'a' }), 'Hello a!');
  assert.equal(set.execute('t', { name: 'b' }), 'Hello b!');
  assert.ok(set.has('t'));
  assert.ok(!set.has('u'));
});

test('templateNames lists files and defines, sorted', () => {
  const set = new TemplateSet().parse('b.yaml', '{{ define "z" }}{{ end }}{{ define "a" }}x{{ end }}').parse('a.yaml', '');
  assert.deepEqual(set.templateNames(), ['a', 'a.yaml', 'b.yaml', 'z']);
});

test('a later definition replaces an earlier one (AddParseTree)', () => {
  const set = new TemplateSet().parse('one', '{{ define "h" }}first{{ end }}').parse('two', '{{ define "h" }}second{{ end }}');
  set.parse('main', '{{ template "h" }}');
  assert.equal(set.execute('main', null), 'second');
});

test('an empty-body redefinition does not replace a template', () => {
  const set = new TemplateSet().parse('one', '{{ define "h" }}first{{ end }}').parse('two', '{{ define "h" }}  {{/* c */}}\n{{ end }}');
  set.parse('main', '{{ template "h" }}');
  assert.equal(set.execute('main', null), 'first');
});

test('a parse error adds nothing to the set', () => {
  const set = new TemplateSet().parse('one', '{{ define "h" }}first{{ end }}');
  assert.throws(() => set.parse('two', '{{ define "h" }}second{{ end }}{{ if }}'), /template: two:1: missing value for if/);
  assert.ok(!set.has('two'));
  set.parse('main', '{{ template "h" }}');
  assert.equal(set.execute('main', null), 'first');
});

test('parse errors carry name and line', () => {
  try {
    new TemplateSet().parse('chart/templates/x.yaml', 'a\nb\nc {{ .x ');
    assert.fail('no error');
  } catch (e) {
    assert.ok(e instanceof TemplateError);
    assert.equal(e.message, 'template: chart/templates/x.yaml:3: unclosed action');
    assert.equal(e.file, 'chart/templates/x.yaml');
    assert.equal(e.line, 3);
  }
});

test('unclosed action spanning lines names the line it started on', () => {
  assert.equal(renderError('{{ print\n"a"\n'), 'template: t:3: unclosed action started at t:1');
});

test('execution errors carry name, line and column', () => {
  try {
    new TemplateSet().parse('f', '\n  {{ .a.b }}').execute('f', { a: null });
    assert.fail('no error');
  } catch (e) {
    assert.ok(e instanceof TemplateError);
    assert.equal(e.message, 'template: f:2:7: executing "f" at <.a.b>: nil pointer evaluating interface {}.b');
    assert.equal(e.line, 2);
    assert.equal(e.templateName, 'f');
  }
});

test('executing an unknown template', () => {
  const set = new TemplateSet({ name: 'gotpl' });
  assert.throws(() => set.execute('nope', {}), { message: 'template: no template "nope" associated with template "gotpl"' });
});

test('clone shares templates and funcs; later parses are independent', () => {
  const set = new TemplateSet({ funcs: { twice: goFunc({ params: ['string'] }, (s: string) => s + s) } });
  set.parse('a', '{{ define "h" }}H{{ end }}{{ twice "x" }}');
  const c = set.clone();
  c.parse('b', '{{ template "h" }}{{ twice "y" }}');
  c.parse('h2', '{{ define "h" }}C{{ end }}');
  assert.equal(c.execute('b', null), 'Cyy');
  assert.equal(set.execute('a', null), 'xx');
  assert.ok(!set.has('b'));
  set.parse('m', '{{ template "h" }}');
  assert.equal(set.execute('m', null), 'H');
});

test('functions must be known at parse time', () => {
  const set = new TemplateSet();
  assert.throws(() => set.parse('t', '{{ later 1 }}'), { message: 'template: t:1: function "later" not defined' });
  set.addFuncs({ later: goFunc({ params: ['any'] }, (x: GoValue) => x) });
  assert.equal(render('{{ later 1 }}', {}, set), '1');
});

test('user functions take precedence over builtins (no short-circuit for a user "and")', () => {
  const calls: string[] = [];
  const set = new TemplateSet({
    funcs: {
      html: goFunc({ params: ['string'] }, (s: string) => `html(${s})`),
      and: goFunc({ params: [], variadic: 'any' }, (...a: GoValue[]) => a.length),
      side: goFunc({ params: ['string'] }, (s: string) => { calls.push(s); return s; }),
    },
  });
  assert.equal(render('{{ html "<" }} {{ and false (side "x") }}', {}, set), 'html(<) 2');
  assert.deepEqual(calls, ['x']);
});

test('builtin and/or short-circuit and return the deciding value', () => {
  const calls: string[] = [];
  const set = new TemplateSet({ funcs: { side: goFunc({ params: ['string'] }, (s: string) => { calls.push(s); return s; }) } });
  assert.equal(render('{{ and 0 (side "a") }}|{{ or 1 (side "b") }}|{{ and 1 (side "c") }}|{{ or "" (side "d") }}', {}, set), '0|1|c|d');
  assert.deepEqual(calls, ['c', 'd']);
});

test('functions are re-entrant (include)', () => {
  const set: TemplateSet = new TemplateSet({
    funcs: { include: goFunc({ params: ['string', 'any'] }, (name: string, data: GoValue): GoValue => set.execute(name, data)) },
  });
  set.parse('helpers', '{{ define "name" }}{{ .n }}-{{ include "suffix" . }}{{ end }}{{ define "suffix" }}sfx{{ end }}');
  set.parse('main', 'x: {{ include "name" . | printf "%q" }}');
  assert.equal(set.execute('main', { n: 'app' }), 'x: "app-sfx"');
});

test('a function error surfaces as error calling NAME', () => {
  const set: TemplateSet = new TemplateSet({
    funcs: {
      boom: goFunc({ params: [] }, () => { throw new Error('kaboom'); }),
      include: goFunc({ params: ['string', 'any'] }, (name: string, data: GoValue): GoValue => set.execute(name, data)),
    },
  });
  assert.equal(renderError('{{ boom }}', {}, set), 'template: t:1:3: executing "t" at <boom>: error calling boom: kaboom');
  set.parse('inner', '{{ .x.y }}');
  assert.equal(renderError('{{ include "inner" .v }}', { v: { x: 1 } }, set),
    'template: t:1:3: executing "t" at <include "inner" .v>: error calling include: template: inner:1:5: executing "inner" at <.x.y>: can\'t evaluate field y in type interface {}');
});

test('functions without a signature take their JS arity of interface{} parameters', () => {
  const set = new TemplateSet({ funcs: { pair: ((a: GoValue, b: GoValue) => [a, b]) as never } });
  assert.equal(render('{{ pair 1 "x" }}', {}, set), '[1 x]');
  assert.equal(renderError('{{ pair 1 }}', {}, set), 'template: t:1:3: executing "t" at <pair>: wrong number of args for pair: want 2 got 1');
});

test('int64, uint32, float64, list and map parameters', () => {
  const set = new TemplateSet({
    funcs: {
      i64: goFunc({ params: ['int64'] }, (x: GoValue) => x),
      f64: goFunc({ params: ['float64'] }, (x: number) => x * 2),
      first: goFunc({ params: ['list'] }, (l: GoValue[]) => l[0]),
      keys: goFunc({ params: ['map'] }, (m: GoMap) => Object.keys(m).sort()),
    },
  });
  assert.equal(render('{{ i64 5 }} {{ f64 1 }} {{ f64 .f }} {{ first .l }} {{ keys .m }}', { f: 1.25, l: ['q'], m: { b: 1, a: 2 } }, set), '5 2 2.5 q [a b]');
  assert.equal(renderError('{{ i64 .f }}', { f: 1.5 }, set), 'template: t:1:7: executing "t" at <.f>: wrong type for value; expected int64; got float64');
  assert.equal(renderError('{{ first .m }}', { m: {} }, set), 'template: t:1:9: executing "t" at <.m>: wrong type for value; expected []interface {}; got map[string]interface {}');
  assert.equal(renderError('{{ f64 "x" }}', {}, set), 'template: t:1:7: executing "t" at <"x">: expected float; found "x"');
});

class Files extends GoNamedMap {
  readonly goType = 'chartutil.Files';
  static signatures = { Get: { params: ['string' as const] } };
  constructor(private readonly files: Record<string, string>) { super(); }
  entries(): GoMap {
    const m: GoMap = {};
    for (const [k, v] of Object.entries(this.files)) m[k] = new TextEncoder().encode(v);
    return m;
  }
  override zero(): GoValue {
    return new Uint8Array(0);
  }
  Get(name: string): string {
    return this.files[name] ?? '';
  }
}

class Metadata extends GoStruct {
  readonly goType = '*chart.Metadata';
  constructor(readonly Name: string, readonly Version: string) { super(); }
  IsRoot(): boolean {
    return true;
  }
}

class Version extends GoStruct {
  readonly goType = 'semver.Version';
  constructor(readonly Major: bigint) { super(); }
  String(): string {
    return `v${this.Major}.0.0`;
  }
}

test('methods and fields of Go structs and named maps', () => {
  const data = { Files: new Files({ 'a.txt': 'hello' }), Chart: new Metadata('app', '1.0'), V: new Version(2n) };
  assert.equal(render('{{ .Files.Get "a.txt" }}|{{ .Chart.Name }}-{{ .Chart.Version }}|{{ .Chart.IsRoot }}|{{ .V }}|{{ .V.Major }}', data), 'hello|app-1.0|true|v2.0.0|2');
  assert.equal(render('{{ range $k, $v := .Files }}{{ $k }}={{ printf "%s" $v }}{{ end }}|{{ len .Files }}|{{ .Chart }}', data), 'a.txt=hello|1|{app 1.0}');
  // A map value has static type interface {}; a variable holds the dynamic type.
  assert.equal(renderError('{{ .Chart.Nope }}', data), 'template: t:1:9: executing "t" at <.Chart.Nope>: can\'t evaluate field Nope in type interface {}');
  assert.equal(renderError('{{ $c := .Chart }}{{ $c.Nope }}', data), 'template: t:1:23: executing "t" at <$c.Nope>: can\'t evaluate field Nope in type *chart.Metadata');
  assert.equal(renderError('{{ .Files.Get }}', data), 'template: t:1:9: executing "t" at <.Files.Get>: wrong number of args for Get: want 1 got 0');
  assert.equal(renderError('{{ .Chart.Name 1 }}', data), 'template: t:1:9: executing "t" at <.Chart.Name>: Name has arguments but cannot be invoked as function');
  assert.equal(render('{{ printf "%v|%+v|%s" .Chart .Chart .V }}', data), '&{app 1.0}|&{Name:app Version:1.0}|v2.0.0');
  // A missing key of a named map is the zero value of its element type ([]byte(nil) for Files).
  assert.equal(render('{{ .Files.nope }}|{{ index .Files "nope" }}', data, new TemplateSet({ missingKey: 'zero' })), '[]|[]');
  assert.equal(render('{{ .Files.nope }}|{{ index .Files "nope" }}', data), '<no value>|[]');
});

class VersionSet extends GoNamedList {
  readonly goType = 'chartutil.VersionSet';
  constructor(private readonly v: string[]) { super(); }
  items(): GoValue[] {
    return this.v;
  }
  Has(s: string): boolean {
    return this.v.includes(s);
  }
}

test('named slice types range, index, count and print as slices and have methods', () => {
  const data = { V: new VersionSet(['v1', 'apps/v1']) };
  assert.equal(render('{{ .V.Has "v1" }} {{ .V.Has "x" }} {{ len .V }} {{ index .V 1 }} {{ range .V }}[{{ . }}]{{ end }} {{ .V }} {{ printf "%T" .V }}', data),
    'true false 2 apps/v1 [v1][apps/v1] [v1 apps/v1] chartutil.VersionSet');
  assert.equal(renderError('{{ .V.Nope }}', data), 'template: t:1:5: executing "t" at <.V.Nope>: can\'t evaluate field Nope in type interface {}');
});

test('missingkey=default prints <no value> and walks on through missing keys', () => {
  const set = new TemplateSet();
  assert.equal(render('{{ .a }}|{{ .a.b.c }}|{{ index . "a" }}|{{ print .a }}', {}, set), '<no value>|<no value>|<no value>|<nil>');
});

test('missingkey=zero gives the map zero value, whose fields are nil pointer errors', () => {
  const set = new TemplateSet({ missingKey: 'zero' });
  assert.equal(render('{{ .a }}', {}, set), '<no value>');
  assert.equal(renderError('{{ .a.b }}', {}, set), 'template: t:1:5: executing "t" at <.a.b>: nil pointer evaluating interface {}.b');
});

test('missingkey=error', () => {
  const set = new TemplateSet().setMissingKey('error');
  assert.equal(renderError('{{ .a }}', {}, set), 'template: t:1:3: executing "t" at <.a>: map has no entry for key "a"');
  assert.equal(renderError('{{ .x }}', null, new TemplateSet({ missingKey: 'error' })), 'template: t:1:3: executing "t" at <.x>: nil data; no entry for key "x"');
  assert.equal(render('{{ .a }}', { a: null }, set), '<no value>');
});

test('call builtin', () => {
  const add = goFunc({ params: ['int', 'int'] }, (a: bigint, b: bigint) => a + b);
  assert.equal(render('{{ call .f 1 2 }}', { f: add }), '3');
  assert.equal(renderError('{{ call .f 1 }}', { f: add }), 'template: t:1:3: executing "t" at <call .f 1>: error calling call: wrong number of args: got 1 want 2');
  assert.equal(renderError('{{ call .f 1 "x" }}', { f: add }), 'template: t:1:3: executing "t" at <call .f 1 "x">: error calling call: arg 1: value has type string; should be int');
  assert.equal(renderError('{{ call .f 1 nil }}', { f: add }), 'template: t:1:3: executing "t" at <call .f 1 nil>: error calling call: arg 1: value is nil; should be of type int');
  assert.equal(renderError('{{ .f }}', { f: add }), 'template: t:1:3: executing "t" at <{{.f}}>: can\'t print {{.f}} of type func(int, int) interface {}');
});

test("Go's slice builtin (Helm replaces it with Sprig's)", () => {
  const d = { l: ['a', 'b', 'c'] };
  assert.equal(render('{{ slice .l 1 }} {{ slice .l 1 2 }} {{ slice .l }} {{ slice "hello" 1 3 }} {{ slice .l 0 1 2 }}', d), '[b c] [b] [a b c] el [a]');
  assert.equal(renderError('{{ slice .l 2 1 }}', d), 'template: t:1:3: executing "t" at <slice .l 2 1>: error calling slice: invalid slice index: 2 > 1');
  assert.equal(renderError('{{ slice .l 1 5 }}', d), 'template: t:1:3: executing "t" at <slice .l 1 5>: error calling slice: index out of range: 5');
  assert.equal(renderError('{{ slice "abc" 0 1 2 }}', d), 'template: t:1:3: executing "t" at <slice "abc" 0 1 2>: error calling slice: cannot 3-index slice a string');
  assert.equal(renderError('{{ slice 3 }}', d), 'template: t:1:3: executing "t" at <slice 3>: error calling slice: can\'t slice item of type int');
});

test('runaway recursion stops with Go\'s depth error, never a stack overflow', () => {
  const msg = renderError('{{ define "loop" }}{{ template "loop" . }}{{ end }}{{ template "loop" . }}');
  assert.equal(msg, 'template: t:1:31: executing "loop" at <{{template "loop" .}}>: exceeded maximum template depth (100000)');
  const viaFunc: TemplateSet = new TemplateSet({ funcs: { include: goFunc({ params: ['string', 'any'] }, (n: string, d: GoValue): GoValue => viaFunc.execute(n, d)) } });
  viaFunc.parse('r', '{{ include "r" . }}');
  assert.throws(() => viaFunc.execute('r', null), (e: unknown) => e instanceof TemplateError && /exceeded maximum template depth/.test(e.message));
});

test('deep but legal recursion works', () => {
  const set = new TemplateSet({ funcs: { dec: goFunc({ params: ['int'] }, (n: bigint) => n - 1n) } });
  set.parse('t', '{{ define "down" }}{{ if gt . 0 }}.{{ template "down" (dec .) }}{{ end }}{{ end }}{{ template "down" .n }}');
  assert.equal(set.execute('t', { n: 400n }), '.'.repeat(400));
});

test('huge templates parse and execute; errors deep inside name their line', () => {
  const line = 'key: {{ .v }} {{ if .b }}yes{{ else }}no{{ end }}\n';
  const text = line.repeat(Math.ceil(1_000_000 / line.length));
  const set = new TemplateSet().parse('big', text);
  const out = set.execute('big', { v: 'x', b: true });
  assert.equal(out.length, 'key: x yes\n'.length * (text.length / line.length));
  const lines = text.split('\n').length - 1;
  assert.throws(() => new TemplateSet().parse('big', text + '{{ .unterminated'), { message: `template: big:${lines + 1}: unclosed action` });
  assert.throws(() => new TemplateSet().parse('big', text + '{{ nosuch }}'), { message: `template: big:${lines + 1}: function "nosuch" not defined` });
});

test('deeply nested control structures do not crash the parser', () => {
  const depth = 20000;
  const text = '{{ if true }}'.repeat(depth) + 'x' + '{{ end }}'.repeat(depth);
  let result: string;
  try {
    result = render(text);
  } catch (e) {
    assert.ok(e instanceof TemplateError, String(e));
    result = e.message;
  }
  assert.ok(result === 'x' || /^template: t:/.test(result), result);
});

test('break and continue are identifiers when a function has their name', () => {
  const set = new TemplateSet({ funcs: { break: goFunc({ params: [] }, () => 'B') } });
  assert.equal(render('{{ break }}', {}, set), 'B');
});
