import { goFunc, isGoMap, type FuncMap, type GoMap, type GoValue } from '../template/value.js';
import { TemplateSet, addParseTrees, type Tree } from '../template/index.js';
import { cleanupExecError, cleanupParseError } from './render-errors.js';
import { sprigFuncs } from '../sprig/index.js';
import { encodingFuncs } from '../encoding/index.js';

/** How deep one named template may include itself (Helm's recursionMaxNums). */
export const INCLUDE_RECURSION_MAX = 1000;

/** Helm marks `required` failures so the CLI can show them as `execution error at (...): MESSAGE`. */
export const warnWrap = (msg: string): string => `HELM[${msg}]HELM`;

export interface HelmFuncOptions {
  /** Kept for callers; Helm 3.10 parses tpl'd text under the caller's `.Template.Name` instead. */
  rootName?: string;
  strict: boolean;
  /** Lint mode: `required` warns instead of failing. */
  lintMode: boolean;
  warnings?: string[];
  lookup?: (apiVersion: string, kind: string, namespace: string, name: string) => GoMap;
  /** Every chart template, parsed: what tpl renders against (Helm's referenceTpls). */
  references?: ReferenceTemplates;
}

/** The chart's templates in Helm's parse order (sortTemplates) and the trees each file's parse gave. */
export interface ReferenceTemplates {
  keys: string[];
  trees: Map<string, ReadonlyMap<string, Tree>>;
  /** referenceTrees' results, by the calling file's name. */
  folds?: Map<string, ReadonlyMap<string, Tree>>;
  /** tpl's parses, by name and text: trees are not changed by execution, and charts tpl the same text often. */
  parses?: Map<string, ReadonlyMap<string, Tree>>;
}

/**
 * What tpl adds to its fresh set after parsing a text that defines nothing (only `name`): every chart file
 * but `name`, in parse order, each unless its key is defined by then. The same for every tpl call from one
 * file, so it is computed once per file (a chart can call tpl hundreds of times, each over every template).
 */
function referenceTrees(refs: ReferenceTemplates, name: string): ReadonlyMap<string, Tree> {
  const folds = (refs.folds ??= new Map());
  let fold = folds.get(name);
  if (fold === undefined) {
    const m = new Map<string, Tree>();
    for (const key of refs.keys) if (key !== name && !m.has(key)) addParseTrees(m, refs.trees.get(key)!);
    folds.set(name, (fold = m));
  }
  return fold;
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

  // Helm 3.10's tpl is renderWithReferences: a fresh template set (and include counter) where the text is
  // parsed as the caller's .Template.Name, then every chart template whose file name is not yet defined is
  // added in parse order. So the caller's own file (and its defines) is left out, and a chart define
  // replaces a same-named define of the text.
  const tpl = goFunc({ params: ['string', 'any'] }, (text: string, vals: GoValue): string => {
    for (const field of ['BasePath', 'Name']) {
      if (pathValue(vals, 'Template', field) === undefined) {
        throw new Error(`cannot retrieve Template.${field === 'BasePath' ? 'Basepath' : field} from values inside tpl function: ${text}: ${goQuote(field)} is not a value`);
      }
    }
    const name = String(pathValue(vals, 'Template', 'Name'));
    const refs = o.references;
    const inner = refs ? new TemplateSet({ name: o.rootName ?? 'gotpl' }) : set.clone();
    inner.setMissingKey(o.strict ? 'error' : 'zero');
    if (refs) inner.addSharedFuncs(baseFuncMap());
    inner.addFuncs(helmFuncs(inner, o, refs ? new Map() : includedNames));
    const during = (err: Error): Error => new Error(`error during tpl function execution for ${goQuote(text)}: ${err.message}`);
    const parseKey = `${name}\0${text}`;
    let own = refs?.parses?.get(parseKey);
    if (own === undefined) {
      try {
        own = inner.parseTrees(name, text);
      } catch (err) {
        throw during(cleanupParseError(name, err));
      }
      if (refs) (refs.parses ??= new Map()).set(parseKey, own);
    }
    inner.addTrees(own);
    if (refs) {
      // Adding the combined trees after the text's is what adding each file's does (an empty body never
      // replaces): see referenceTrees. A text with defines of its own takes the long way.
      if (own.size === 1 && own.has(name)) inner.addTrees(referenceTrees(refs, name));
      else for (const key of refs.keys) if (!inner.has(key)) inner.addTrees(refs.trees.get(key)!);
    }
    let out: string;
    try {
      out = inner.execute(name, vals);
    } catch (err) {
      throw during(cleanupExecError(name, err));
    }
    return out.replaceAll('<no value>', '');
  });

  // Helm 3 overrides Sprig's fail so its message survives error cleanup like required's. Lint keeps Helm
  // v2's behaviour (Sprig's fail: a render error naming the call), so lint mode leaves it alone.
  const fail = goFunc({ params: ['string'] }, (msg: string): string => {
    throw new Error(warnWrap(msg));
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

  return o.lintMode ? { include, tpl, required, lookup } : { include, tpl, required, fail, lookup };
}

/**
 * chartutil.Values.PathValue for a two-step path: the value under table.key when table is a map and the
 * value is not itself a map; undefined (Go's ErrNoValue) otherwise.
 */
function pathValue(vals: GoValue, table: string, key: string): GoValue {
  if (!isGoMap(vals)) return undefined;
  const t = vals[table];
  if (!isGoMap(t) || !Object.prototype.hasOwnProperty.call(t, key)) return undefined;
  const v = t[key];
  return isGoMap(v) ? undefined : v;
}

/** Go's %q of a string, as errors.Wrapf(..., "%q", s) prints it. */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
