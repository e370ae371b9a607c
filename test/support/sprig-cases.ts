/** Renders the one-line templates of the Sprig tables with the Sprig function map. */
import { sprigFuncs, goSprint } from '@helm-ts/core/sprig';
import { renderMini } from './sprig-eval.js';
import type { GoValue } from '@helm-ts/core/template/value';

const funcs = sprigFuncs();
// text/template builtins the tables use alongside Sprig.
funcs.len = Object.assign((v: GoValue) => BigInt(typeof v === 'string' ? Buffer.byteLength(v) : Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0), { signature: { params: ['any' as const] } });

export const sprigValues = { num: 1, s: 'str', f: 1.5, big: 1000000, list: [1, 2], m: { a: 1 } };

export function renderCase(tpl: string): string {
  return renderMini(tpl, funcs, goSprint, { Values: structuredClone(sprigValues) });
}

/** The error a template raises: `error calling NAME: MESSAGE`. */
export function renderCaseError(tpl: string): string {
  try {
    const out = renderCase(tpl);
    return `no error, rendered ${JSON.stringify(out)}`;
  } catch (e) {
    return (e as Error).message;
  }
}
