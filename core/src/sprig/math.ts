/** Sprig's integer math (int64 through spf13/cast) and float math (through shopspring/decimal). */
import { GoNumber, goFunc, type FuncMap, type GoValue } from '../template/value.js';
import { int64, toFloat64, toInt64, typedSlice } from './cast.js';
import { Decimal } from './decimal.js';

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

function execDecimalOp(a: GoValue, b: GoValue[], f: (x: Decimal, y: Decimal) => Decimal): number {
  let prt = Decimal.fromFloat(toFloat64(a));
  for (const x of b) prt = f(prt, Decimal.fromFloat(toFloat64(x)));
  return prt.toFloat();
}

export function untilStep(start: bigint, stop: bigint, step: bigint): bigint[] {
  const v: bigint[] = [];
  if (stop < start) {
    if (step >= 0n) return typedSlice(v, '[]int');
    for (let i = start; i > stop; i += step) v.push(i);
    return typedSlice(v, '[]int');
  }
  if (step <= 0n) return typedSlice(v, '[]int');
  for (let i = start; i < stop; i += step) v.push(i);
  return typedSlice(v, '[]int');
}

function seq(...params: bigint[]): string {
  const join = (a: bigint[]): string => a.join(' ');
  switch (params.length) {
    case 1: {
      const start = 1n;
      const end = params[0];
      const inc = end < start ? -1n : 1n;
      return join(untilStep(start, end + inc, inc));
    }
    case 2: {
      const [start, end] = params;
      const step = end < start ? -1n : 1n;
      return join(untilStep(start, end + step, step));
    }
    case 3: {
      const [start, step, end] = params;
      let inc = 1n;
      if (end < start) {
        inc = -1n;
        if (step > 0n) return '';
      }
      return join(untilStep(start, end + inc, step));
    }
    default:
      return '';
  }
}

function intDiv(a: bigint, b: bigint, op: 'div' | 'mod'): bigint {
  if (b === 0n) throw new Error('runtime error: integer divide by zero');
  // Go: MinInt64 / -1 overflows to MinInt64, MinInt64 % -1 is 0.
  return op === 'div' ? wrap(a / b) : a % b;
}

/** Sprig's round: half-up at `places` by default, or at the given threshold. */
function round(a: GoValue, p: bigint, ...rOpt: number[]): number {
  const roundOn = rOpt.length > 0 ? rOpt[0] : 0.5;
  const val = toFloat64(a);
  const pow = Math.pow(10, Number(p));
  const digit = pow * val;
  const frac = digit % 1;
  const r = frac >= roundOn ? Math.ceil(digit) : Math.floor(digit);
  return r / pow;
}

export const mathFuncs: FuncMap = {
  add1: goFunc({ params: ['any'] }, (i: GoValue) => int64(toInt64(i) + 1n)),
  add: goFunc({ params: [], variadic: 'any' }, (...i: GoValue[]) => int64(i.reduce<bigint>((a, b) => wrap(a + toInt64(b)), 0n))),
  sub: goFunc({ params: ['any', 'any'] }, (a: GoValue, b: GoValue) => int64(toInt64(a) - toInt64(b))),
  div: goFunc({ params: ['any', 'any'] }, (a: GoValue, b: GoValue) => int64(intDiv(toInt64(a), toInt64(b), 'div'))),
  mod: goFunc({ params: ['any', 'any'] }, (a: GoValue, b: GoValue) => int64(intDiv(toInt64(a), toInt64(b), 'mod'))),
  mul: goFunc({ params: ['any'], variadic: 'any' }, (a: GoValue, ...v: GoValue[]) => int64(v.reduce<bigint>((x, b) => wrap(x * toInt64(b)), toInt64(a)))),
  add1f: goFunc({ params: ['any'] }, (i: GoValue) => execDecimalOp(i, [1n], (x, y) => x.add(y))),
  addf: goFunc({ params: [], variadic: 'any' }, (...i: GoValue[]) => execDecimalOp(0, i, (x, y) => x.add(y))),
  subf: goFunc({ params: ['any'], variadic: 'any' }, (a: GoValue, ...v: GoValue[]) => execDecimalOp(a, v, (x, y) => x.sub(y))),
  divf: goFunc({ params: ['any'], variadic: 'any' }, (a: GoValue, ...v: GoValue[]) => execDecimalOp(a, v, (x, y) => x.div(y))),
  mulf: goFunc({ params: ['any'], variadic: 'any' }, (a: GoValue, ...v: GoValue[]) => execDecimalOp(a, v, (x, y) => x.mul(y))),
  biggest: goFunc({ params: ['any'], variadic: 'any' }, (a: GoValue, ...i: GoValue[]) => int64(i.reduce<bigint>((x, b) => { const y = toInt64(b); return y > x ? y : x; }, toInt64(a)))),
  max: goFunc({ params: ['any'], variadic: 'any' }, (a: GoValue, ...i: GoValue[]) => int64(i.reduce<bigint>((x, b) => { const y = toInt64(b); return y > x ? y : x; }, toInt64(a)))),
  min: goFunc({ params: ['any'], variadic: 'any' }, (a: GoValue, ...i: GoValue[]) => int64(i.reduce<bigint>((x, b) => { const y = toInt64(b); return y < x ? y : x; }, toInt64(a)))),
  maxf: goFunc({ params: ['any'], variadic: 'any' }, (a: GoValue, ...i: GoValue[]) => i.reduce<number>((x, b) => goMax(x, toFloat64(b)), toFloat64(a))),
  minf: goFunc({ params: ['any'], variadic: 'any' }, (a: GoValue, ...i: GoValue[]) => i.reduce<number>((x, b) => goMin(x, toFloat64(b)), toFloat64(a))),
  ceil: goFunc({ params: ['any'] }, (a: GoValue) => Math.ceil(toFloat64(a))),
  floor: goFunc({ params: ['any'] }, (a: GoValue) => Math.floor(toFloat64(a))),
  round: goFunc({ params: ['any', 'int'], variadic: 'float64' }, round),
  until: goFunc({ params: ['int'] }, (count: bigint) => untilStep(0n, count, count < 0n ? -1n : 1n)),
  untilStep: goFunc({ params: ['int', 'int', 'int'] }, untilStep),
  seq: goFunc({ params: [], variadic: 'int' }, seq),
};

function goMax(x: number, y: number): number {
  if (x === Infinity || y === Infinity) return Infinity;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  return Math.max(x, y);
}

function goMin(x: number, y: number): number {
  if (x === -Infinity || y === -Infinity) return -Infinity;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  return Math.min(x, y);
}


