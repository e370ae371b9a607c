/**
 * Go's text/template (Go 1.18) as a library: a TemplateSet is Go's *template.Template namespace, the
 * templates of a chart parsed once and executed many times with a caller's function map.
 *
 *   const set = new TemplateSet({ funcs, missingKey: 'zero' });   // Helm: 'zero', or 'error' when strict
 *   set.parse('chart/templates/a.yaml', text);                      // t.New(name).Parse(text)
 *   set.execute('chart/templates/a.yaml', data);                    // ExecuteTemplate; throws TemplateError
 *
 * Errors are TemplateError with Go's exact message. Functions may re-enter `execute` (include); a thrown
 * Error becomes `error calling NAME: MESSAGE`. Arguments are checked against a function's `signature`.
 */
import { TemplateError } from './error.js';
import { State, callFunction, executions, isStackOverflow, type ExecContext, type MissingKey } from './exec.js';
import { builtinFuncs, type Builtin } from './funcs.js';
import { ParseError, Tree, isEmptyTree } from './parse.js';
import type { FuncMap, GoFunction, GoValue } from './value.js';
import { quote as goQuote } from './strconv.js';

export interface TemplateSetOptions {
  funcs?: FuncMap;
  missingKey?: MissingKey;
  /** The name of the root template, as Go names it in "no template %q associated with template %q". */
  name?: string;
}

const BUILTINS: Record<string, Builtin> = builtinFuncs(callFunction);

interface FuncEntry {
  fn: GoFunction | Builtin;
  builtin: boolean;
}
const BUILTIN_ENTRIES = new Map<string, FuncEntry>(Object.entries(BUILTINS).map(([k, fn]) => [k, { fn, builtin: true }]));

/** Function names already checked. */
const VALID_NAMES = new Set<string>();

function checkFuncName(name: string): void {
  if (VALID_NAMES.has(name)) return;
  if (!/^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(name)) throw new TemplateError(`function name ${JSON.stringify(name)} is not a valid identifier`, name, name, undefined);
  VALID_NAMES.add(name);
}

/** Go's AddParseTree of each tree into a name → tree map: an empty body never replaces a template. */
export function addParseTrees(into: Map<string, Tree>, trees: ReadonlyMap<string, Tree>): void {
  for (const [n, tree] of trees) {
    const old = into.get(n);
    if (old !== undefined && isEmptyTree(tree.root) && old.root !== null) continue;
    into.set(n, tree);
  }
}

/** The entries of each shared function map (addSharedFuncs). */
const SHARED_ENTRIES = new WeakMap<FuncMap, ReadonlyMap<string, FuncEntry>>();

export class TemplateSet {
  private readonly templates = new Map<string, Tree>();
  private readonly funcs = new Map<string, FuncEntry>();
  /** Functions shared with other sets (addSharedFuncs), looked up after this set's own. */
  private shared: ReadonlyMap<string, FuncEntry> | null = null;
  private missingKey: MissingKey;
  private readonly rootName: string;
  /** What executions see; replaced when functions are added, which drops the function caches of trees. */
  private ctx: ExecContext;

  constructor(options: TemplateSetOptions = {}) {
    this.missingKey = options.missingKey ?? 'default';
    this.rootName = options.name ?? '';
    this.ctx = this.newContext();
    if (options.funcs) this.addFuncs(options.funcs);
  }

  private newContext(): ExecContext {
    const templates = this.templates;
    const funcs = this.funcs;
    const shared = this.shared;
    const self = this;
    return {
      lookup: (name) => templates.get(name),
      findFunction: shared === null
        ? (name) => funcs.get(name) ?? BUILTIN_ENTRIES.get(name)
        : (name) => funcs.get(name) ?? shared.get(name) ?? BUILTIN_ENTRIES.get(name),
      get missingKey() {
        return self.missingKey;
      },
    };
  }

  /** Go's Funcs(): functions must be added before the templates that use them are parsed. */
  addFuncs(funcs: FuncMap): this {
    for (const [name, fn] of Object.entries(funcs)) {
      checkFuncName(name);
      this.funcs.set(name, { fn, builtin: false });
    }
    this.ctx = this.newContext();
    return this;
  }

  /**
   * addFuncs for a function map that many sets add unchanged and nobody modifies (Helm's Sprig map: tpl makes
   * a set per call): its entries are built once and shared. It must come before any other functions.
   */
  addSharedFuncs(funcs: FuncMap): this {
    if (this.funcs.size > 0 || this.shared !== null) throw new Error('addSharedFuncs: shared functions must be added first');
    let entries = SHARED_ENTRIES.get(funcs);
    if (entries === undefined) {
      const m = new Map<string, FuncEntry>();
      for (const [name, fn] of Object.entries(funcs)) {
        checkFuncName(name);
        m.set(name, { fn, builtin: false });
      }
      SHARED_ENTRIES.set(funcs, (entries = m));
    }
    this.shared = entries;
    this.ctx = this.newContext();
    return this;
  }

  private hasFunction = (name: string): boolean =>
    this.funcs.has(name) || this.shared?.has(name) === true || Object.prototype.hasOwnProperty.call(BUILTINS, name);

  /**
   * Go's t.New(name).Parse(text): defines `name` and the templates its {{define}}s and {{block}}s name.
   * A later definition replaces an earlier one, except that an empty body never replaces a template.
   * On a parse error nothing is added.
   */
  parse(name: string, text: string): this {
    return this.addTrees(this.parseTrees(name, text));
  }

  /**
   * The first half of parse: the trees `text` defines (itself under `name`, and its defines), without adding
   * them, so a caller can add the same parse to several sets (Helm's tpl re-adds every chart template).
   */
  parseTrees(name: string, text: string): ReadonlyMap<string, Tree> {
    try {
      return Tree.parse(name, text, this.hasFunction);
    } catch (e) {
      if (e instanceof ParseError) throw new TemplateError(e.message, name, e.parseName, e.line);
      if (isStackOverflow(e)) throw new TemplateError(`template: ${name}:1: exceeded maximum nesting depth`, name, name, 1);
      throw e;
    }
  }

  /** The second half of parse (Go's AddParseTree per tree): an empty body never replaces a template. */
  addTrees(trees: ReadonlyMap<string, Tree>): this {
    addParseTrees(this.templates, trees);
    return this;
  }

  has(name: string): boolean {
    return this.templates.has(name);
  }

  templateNames(): string[] {
    return [...this.templates.keys()].sort();
  }

  /** Go's ExecuteTemplate: the output, or a TemplateError with Go's message. */
  execute(name: string, data: GoValue): string {
    const tree = this.templates.get(name);
    if (tree === undefined) {
      throw new TemplateError(`template: no template ${goQuote(name)} associated with template ${goQuote(this.rootName)}`, name, name, undefined);
    }
    // State.execute, inline: include re-enters here once per level, and every JS frame counts there.
    const state = new State(this.ctx, name, data === null ? undefined : data);
    const nodes = state.rootNodes(tree);
    executions.active++;
    try {
      const dot = data === null ? undefined : data;
      for (let i = 0; i < nodes.length; i++) {
        const n = nodes[i]!;
        if (n.type === 'if' || n.type === 'with') state.walkIf(dot, n);
        else state.walk(dot, n);
      }
    } catch (e) {
      state.failed(e);
    } finally {
      executions.active--;
    }
    return state.out;
  }

  /** Go's Clone(): the same templates and functions; later parses and options are independent. */
  clone(): TemplateSet {
    const c = new TemplateSet({ missingKey: this.missingKey, name: this.rootName });
    c.shared = this.shared;
    for (const [k, v] of this.funcs) c.funcs.set(k, v);
    c.ctx = c.newContext();
    for (const [k, v] of this.templates) c.templates.set(k, v);
    return c;
  }

  setMissingKey(m: MissingKey): this {
    this.missingKey = m;
    return this;
  }
}


export { TemplateError } from './error.js';
export type { MissingKey } from './exec.js';
export * from './value.js';
export { sprint, sprintf, sprintln, formatValue, formatPrintable } from './fmt.js';
export { formatFloat, quote, quoteRune, unquote } from './strconv.js';
export { htmlEscapeString, jsEscapeString, queryEscape, eq, lt } from './funcs.js';
/** The phases, for tools and tests: the lexer's item stream and parse trees with Go's String() forms. */
export { Lexer } from './lex.js';
export { Tree } from './parse.js';
export { decodeGoString, goByteLength, goStringBytes } from './go-bytes.js';
