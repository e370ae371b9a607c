/** Sprig's type conversions: atoi, int, int64, float64, toDecimal (spf13/cast rules, errors become 0). */
import { goFunc, type FuncMap, type GoValue } from '../template/value.js';
import { atoi, int64, parseGoInt, toFloat64, toInt, toInt64 } from './cast.js';
import { sprint } from './go-fmt.js';

export const conversionFuncs: FuncMap = {
  atoi: goFunc({ params: ['string'] }, (s: string): bigint => atoi(s) ?? 0n),
  int64: goFunc({ params: ['any'] }, (v: GoValue) => int64(toInt64(v))),
  int: goFunc({ params: ['any'] }, (v: GoValue): bigint => toInt(v)),
  float64: goFunc({ params: ['any'] }, (v: GoValue): number => toFloat64(v)),
  // toDecimal reads the printed value as octal (Unix modes): "0777" → 511.
  toDecimal: goFunc({ params: ['any'] }, (v: GoValue) => int64(parseGoInt(sprint(v), 8) ?? 0n)),
};
