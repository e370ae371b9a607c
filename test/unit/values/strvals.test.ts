import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GoNumber, type GoMap, type GoValue } from '@helm-ts/core/template';
import { parse, parseString, parseInto, parseIntoFile, parseSetFlag, typedVal } from '@helm-ts/core/values';

const i64 = (n: number | bigint): GoNumber => new GoNumber('int64', BigInt(n));

// Rows from Helm's pkg/strvals/parser_test.go (TestParseSet), the results checked with the reference Helm.
const parseCases: { str: string; expect?: GoMap; err?: string }[] = [
  { str: 'name1=value1', expect: { name1: 'value1' } },
  { str: 'name1=value1,name2=value2', expect: { name1: 'value1', name2: 'value2' } },
  { str: 'name1=value1,name2=value2,', expect: { name1: 'value1', name2: 'value2' } },
  { str: 'name1=,name2=value2', expect: { name1: '', name2: 'value2' } },
  { str: 'leading_zeros=00009', expect: { leading_zeros: '00009' } },
  { str: 'zero_int=0', expect: { zero_int: i64(0) } },
  { str: 'long_int=1234567890', expect: { long_int: i64(1234567890) } },
  { str: 'boolean=true', expect: { boolean: true } },
  { str: 'is_null=null', expect: { is_null: null } },
  { str: 'upper=TRUE,mixed=FaLsE,n=NULL', expect: { upper: true, mixed: false, n: null } },
  { str: 'float=1.5', expect: { float: '1.5' } },
  { str: 'neg=-5,plus=+7', expect: { neg: i64(-5), plus: i64(7) } },
  { str: 'big=92233720368547758070', expect: { big: '92233720368547758070' } },
  { str: 'name1,name2=', err: 'key "name1" has no value (cannot end with ,)' },
  { str: 'name1,name2=value2', err: 'key "name1" has no value (cannot end with ,)' },
  { str: 'name1,name2=value2\\', err: 'key "name1" has no value (cannot end with ,)' },
  { str: 'name1,name2', err: 'key "name1" has no value (cannot end with ,)' },
  { str: 'name1=one\\,two,name2=three\\,four', expect: { name1: 'one,two', name2: 'three,four' } },
  { str: 'name1=one\\=two,name2=three\\=four', expect: { name1: 'one=two', name2: 'three=four' } },
  { str: 'name1=one two three,name2=three two one', expect: { name1: 'one two three', name2: 'three two one' } },
  { str: 'outer.inner=value', expect: { outer: { inner: 'value' } } },
  { str: 'outer.middle.inner=value', expect: { outer: { middle: { inner: 'value' } } } },
  { str: 'outer.inner1=value,outer.inner2=value2', expect: { outer: { inner1: 'value', inner2: 'value2' } } },
  { str: 'outer.inner1=value,outer.middle.inner=value', expect: { outer: { inner1: 'value', middle: { inner: 'value' } } } },
  { str: 'name1.name2', err: 'key map "name1" has no value' },
  { str: 'name1.name2,name1.name3', err: 'key "name2" has no value (cannot end with ,)' },
  { str: 'name1.=name2', err: 'key map "name1" has no value' },
  { str: 'name1.,name2', err: 'key map "name1" has no value' },
  { str: 'name1={value1,value2}', expect: { name1: ['value1', 'value2'] } },
  { str: 'name1={value1,value2},name2={value1,value2}', expect: { name1: ['value1', 'value2'], name2: ['value1', 'value2'] } },
  { str: 'name1={1021,902}', expect: { name1: [i64(1021), i64(902)] } },
  { str: 'name1.name2={value1,value2}', expect: { name1: { name2: ['value1', 'value2'] } } },
  { str: 'name1={1021,902', err: "list must terminate with '}'" },
  { str: 'list[0]=foo', expect: { list: ['foo'] } },
  { str: 'list[0].foo=bar', expect: { list: [{ foo: 'bar' }] } },
  { str: 'list[0].foo=bar,list[0].hello=world', expect: { list: [{ foo: 'bar', hello: 'world' }] } },
  { str: 'list[0]=foo,list[1]=bar', expect: { list: ['foo', 'bar'] } },
  { str: 'list[0]=foo,list[1]=bar,', expect: { list: ['foo', 'bar'] } },
  { str: 'list[0]=foo,list[3]=bar', expect: { list: ['foo', null, null, 'bar'] } },
  { str: 'illegal[0]name.foo=bar', err: "unexpected data at end of array index: ['n' 'a' 'm' 'e']" },
  { str: 'noval[0]', expect: { noval: [] } },
  { str: 'noval[0]=', expect: { noval: [''] } },
  { str: 'nested[0][0]=1', expect: { nested: [[i64(1)]] } },
  { str: 'nested[1][1]=1', expect: { nested: [null, [null, i64(1)]] } },
  { str: 'name1.name2[0].foo=bar,name1.name2[1].foo=bar', expect: { name1: { name2: [{ foo: 'bar' }, { foo: 'bar' }] } } },
  { str: 'name1.name2[1].foo=bar,name1.name2[0].foo=bar', expect: { name1: { name2: [{ foo: 'bar' }, { foo: 'bar' }] } } },
  { str: 'name1.name2[1].foo=bar', expect: { name1: { name2: [null, { foo: 'bar' }] } } },
  { str: 'a[-1]=x', err: 'negative -1 index not allowed' },
  { str: 'a[65537]=x', err: 'index of 65537 is greater than maximum supported index of 65536' },
  { str: 'a[x]=1', err: 'error parsing index: strconv.Atoi: parsing "x": invalid syntax' },
  { str: 'a=1,a.b=2', err: 'unable to parse key: interface conversion: interface {} is int64, not map[string]interface {}' },
  { str: 'a=x,a[0]=2', err: 'unable to parse key: interface conversion: interface {} is string, not []interface {}' },
  { str: 'a\\.b=c', expect: { 'a.b': 'c' } },
];

for (const c of parseCases) {
  test(`strvals.Parse ${JSON.stringify(c.str)}`, () => {
    if (c.err !== undefined) {
      assert.throws(() => parse(c.str), (e: Error) => e.message === c.err);
    } else {
      assert.deepStrictEqual(parse(c.str), c.expect);
    }
  });
}

test('--set-string keeps every value a string', () => {
  assert.deepStrictEqual(parseString('a=1,b=true,c=null,d={1,2}'), { a: '1', b: 'true', c: 'null', d: ['1', '2'] });
});

test('ParseInto overwrites and merges into an existing map', () => {
  const dest: GoMap = { outer: { keep: 'x', over: 'old' }, top: 'y' };
  parseInto('outer.over=new,outer.add=1', dest);
  assert.deepStrictEqual(dest, { outer: { keep: 'x', over: 'new', add: i64(1) }, top: 'y' });
});

test('--set-file reads each value through the reader, lists included', () => {
  const files: Record<string, string> = { a: 'A-content', b: 'B-content' };
  assert.deepStrictEqual(parseIntoFile('x=a,y={a,b}', {}, (p) => files[p] as GoValue), { x: 'A-content', y: ['A-content', 'B-content'] });
});

test('flag errors carry Helm\'s prefix', () => {
  assert.throws(() => parseSetFlag('set', 'a', {}), (e: Error) => e.message === 'failed parsing --set data: key "a" has no value');
  assert.throws(() => parseSetFlag('set-string', 'a,', {}), (e: Error) => e.message === 'failed parsing --set-string data: key "a" has no value (cannot end with ,)');
});

test('typedVal type inference', () => {
  const rows: [string, GoValue][] = [['', ''], ['0', i64(0)], ['01', '01'], ['-0', i64(0)], ['1e3', '1e3'], ['tRuE', true], ['Null', null], ['9223372036854775807', i64(9223372036854775807n)]];
  for (const [s, want] of rows) assert.deepStrictEqual(typedVal(s, false), want, s);
});
