/** Sprig's reflection functions: Go type and kind names as fmt's %T and reflect.Kind print them. */
import { goFunc, isGoMap, kindOf as valueKind, type FuncMap, type GoValue } from '../template/value.js';
import { deepEqual, mapType, sliceType } from './cast.js';

/** The Go type name of a value, as %T prints it. */
export function goTypeOf(v: GoValue): string {
  if (v === null || v === undefined) return '<nil>';
  switch (typeof v) {
    case 'string': return 'string';
    case 'number': return 'float64';
    case 'bigint': return 'int';
    case 'boolean': return 'bool';
    case 'function': return 'func(...interface {}) (interface {}, error)';
  }
  if (Array.isArray(v)) return sliceType(v);
  if (v instanceof Uint8Array) return '[]uint8';
  if (isGoMap(v)) return mapType(v);
  if ('goType' in v && typeof v.goType === 'string') return v.goType;
  if ('type' in v && typeof v.type === 'string') return v.type;
  return 'interface {}';
}

export function goKindOf(v: GoValue): string {
  const k = valueKind(v);
  return k;
}

export const reflectionFuncs: FuncMap = {
  typeOf: goFunc({ params: ['any'] }, goTypeOf),
  typeIs: goFunc({ params: ['string', 'any'] }, (target: string, src: GoValue) => target === goTypeOf(src)),
  typeIsLike: goFunc({ params: ['string', 'any'] }, (target: string, src: GoValue) => {
    const t = goTypeOf(src);
    return target === t || '*' + target === t;
  }),
  kindOf: goFunc({ params: ['any'] }, goKindOf),
  kindIs: goFunc({ params: ['string', 'any'] }, (target: string, src: GoValue) => target === goKindOf(src)),
  deepEqual: goFunc({ params: ['any', 'any'] }, (a: GoValue, b: GoValue) => deepEqual(a, b)),
};
