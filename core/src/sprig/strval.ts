/** Sprig's strval and strslice: how it turns any value into a string or a []string. */
import { GoStruct, type GoValue } from '../template/value.js';
import { sprintf } from './go-fmt.js';
import { typedSlice, sliceItems } from './cast.js';

export function strval(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8');
  if (v instanceof GoStruct) {
    const m = (v as unknown as { Error?: () => string; String?: () => string });
    if (typeof m.Error === 'function') return m.Error();
    if (typeof m.String === 'function') return m.String();
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
