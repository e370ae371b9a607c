import { goFunc, type FuncMap, type GoMap, type GoValue } from '../template/value.js';
import type { TemplateSet } from '../template/index.js';
import { sprigFuncs } from '../sprig/index.js';
import { encodingFuncs } from '../encoding/index.js';

/** How deep one named template may include itself (Helm's recursionMaxNums). */
export const INCLUDE_RECURSION_MAX = 1000;

/** Helm marks `required` failures so the CLI can show them as `execution error at (...): MESSAGE`. */
export const warnWrap = (msg: string): string => `HELM[${msg}]HELM`;

export interface HelmFuncOptions {
  /** Name tpl'd templates are parsed under (Helm 3 parses them as the root template, "gotpl"). */
  rootName: string;
  strict: boolean;
  /** Lint mode: `required` warns instead of failing. */
  lintMode: boolean;
  warnings?: string[];
  lookup?: (apiVersion: string, kind: string, namespace: string, name: string) => GoMap;
}

let baseFuncs: FuncMap | undefined;

/** Sprig (without env/expandenv) and Helm's encoding functions: built once per process. */
export function baseFuncMap(): FuncMap {
  if (!baseFuncs) baseFuncs = { ...sprigFuncs(), ...encodingFuncs() };
  return baseFuncs;
}

/**
 * Helm's own functions bound to one template set: `include` and `tpl` must see the set they render in
 * (tpl renders in a clone so its `define`s do not leak), `required` and `lookup` depend on the mode.
 */
export function helmFuncs(set: TemplateSet, o: HelmFuncOptions, includedNames = new Map<string, number>()): FuncMap {
  const include = goFunc({ params: ['string', 'any'] }, (name: string, data: GoValue): string => {
    const n = includedNames.get(name) ?? 0;
    if (n > INCLUDE_RECURSION_MAX) {
      throw new Error(`rendering template has a nested reference name: ${name}: unable to execute template`);
    }
    includedNames.set(name, n + 1);
    try {
      return set.execute(name, data);
    } finally {
      includedNames.set(name, (includedNames.get(name) ?? 1) - 1);
    }
  });

  const tpl = goFunc({ params: ['string', 'any'] }, (text: string, vals: GoValue): string => {
    const clone = set.clone();
    clone.setMissingKey(o.strict ? 'error' : 'zero');
    clone.addFuncs(helmFuncs(clone, o, includedNames));
    try {
      clone.parse(o.rootName, text);
    } catch (err) {
      throw new Error(`cannot parse template ${goQuote(text)}: ${(err as Error).message}`);
    }
    let out: string;
    try {
      out = clone.execute(o.rootName, vals);
    } catch (err) {
      throw new Error(`error during tpl function execution for ${goQuote(text)}: ${(err as Error).message}`);
    }
    return out.replaceAll('<no value>', '');
  });

  const required = goFunc({ params: ['string', 'any'] }, (warn: string, val: GoValue): GoValue => {
    if (val === null || val === undefined || val === '') {
      if (o.lintMode) {
        o.warnings?.push(`[INFO] Missing required value: ${warn}`);
        return '';
      }
      throw new Error(warnWrap(warn));
    }
    return val;
  });

  const lookup = goFunc({ params: ['string', 'string', 'string', 'string'] }, (apiVersion: string, kind: string, namespace: string, name: string): GoMap =>
    o.lookup ? o.lookup(apiVersion, kind, namespace, name) : {});

  return { include, tpl, required, lookup };
}

/** Go's %q of a string, as errors.Wrapf(..., "%q", s) prints it. */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
