/** Sprig's defaults and flow control: default, empty, coalesce, all, any, ternary, fail. */
import { goFunc, type FuncMap, type GoValue } from '../template/value.js';
import { empty, iface } from './cast.js';

export const defaultFuncs: FuncMap = {
  default: goFunc({ params: ['any'], variadic: 'any' }, (d: GoValue, ...given: GoValue[]) => iface(given.length === 0 || empty(given[0]) ? d : given[0])),
  empty: goFunc({ params: ['any'] }, (v: GoValue) => empty(v)),
  coalesce: goFunc({ params: [], variadic: 'any' }, (...v: GoValue[]) => {
    for (const x of v) if (!empty(x)) return x;
    return undefined;
  }),
  all: goFunc({ params: [], variadic: 'any' }, (...v: GoValue[]) => v.every((x) => !empty(x))),
  any: goFunc({ params: [], variadic: 'any' }, (...v: GoValue[]) => v.some((x) => !empty(x))),
  ternary: goFunc({ params: ['any', 'any', 'bool'] }, (vt: GoValue, vf: GoValue, v: boolean) => iface(v ? vt : vf)),
  fail: goFunc({ params: ['string'] }, (msg: string): string => { throw new Error(msg); }),
};
