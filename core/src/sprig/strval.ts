/** Sprig's strval and strslice: how it turns any value into a string or a []string. */
import { GoStruct, type GoValue } from '../template/value.js';
import { sprintf } from './go-fmt.js';
import { stringMethod } from '../template/fmt.js';
import { typedSlice, sliceItems } from './cast.js';

export function strval(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8');
  // The error / fmt.Stringer type switch: a method with a pointer receiver is not in a struct value's set.
  if (v instanceof GoStruct) {
    const f = stringMethod(v);
    if (f) return f();
  }
  return sprintf('%v', v);
}

export function strslice(v: GoValue): string[] {
  let out: string[];
  if (Array.isArray(v) || v instanceof Uint8Array) {
    out = sliceItems(v).filter((x) => x !== null && x !== undefined).map(strval);
  } else if (v === null || v === undefined) {
    out = [];
  } else {
    out = [strval(v)];
  }
  return typedSlice(out, '[]string');
}
