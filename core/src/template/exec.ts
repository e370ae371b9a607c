/**
 * Execution of parsed templates (text/template exec.go, Go 1.18). The state walks a tree over data in
 * the value model. Go's reflect distinctions the output depends on are kept: `undefined` is the invalid
 * value (no value), `null` a nil interface; a value read out of a map[string]interface{} or a
 * []interface{} has static type interface {} (`iface`), which is what Go names in field errors.
 */
import { formatPrintable, formatValue } from './fmt.js';
import { mapMethodOf } from './map-methods.js';
import { type Builtin, type ExecParam, type ExecSignature } from './funcs.js';
import type {
  ArgNode, ChainNode, CommandNode, FieldNode, IdentifierNode, IfNode, ListNode, Node, PipeNode, RangeNode,
  TemplateNode, VariableNode, WithNode,
} from './node.js';
import { NumberNode } from './node.js';
import type { Tree } from './parse.js';
import { quote } from './strconv.js';
import { TemplateError } from './error.js';
import {
  GoNamedList, GoNamedMap, GoNumber, GoStruct, isGoMap, isTrue, paramTypeName, sortedKeys, typeName,
  type FuncSignature, type GoFunction, type GoMap, type GoValue, type ParamType,
} from './value.js';

export type MissingKey = 'default' | 'zero' | 'error';

/** What an execution needs from the template set: trees, functions and options, looked up live. */
export interface ExecContext {
  lookup(name: string): Tree | undefined;
  /** A user function, then a builtin; `builtin` tells whether it is Go's builtin (and/or short-circuit). */
  findFunction(name: string): FuncEntry | undefined;
  missingKey: MissingKey;
}

export const maxExecDepth = 100000;

type FuncEntry = { fn: GoFunction | Builtin; builtin: boolean };

const MISSING: unique symbol = Symbol('missing');
type Final = GoValue | typeof MISSING;

const enum Flow { Normal, Break, Continue }

interface Variable {
  name: string;
  value: GoValue;
  iface: boolean;
}

/** Thrown through the stack when the JS stack runs out during template recursion. */
class StackExhausted {
  constructor(readonly tmplName: string, readonly node: Node) {}
}

/** Go's reflect names of parameter types, including reflect.Value. */
function goTypeName(t: ExecParam): string {
  return t === 'value' ? 'reflect.Value' : paramTypeName(t);
}

function canBeNil(t: ExecParam): boolean {
  return t === 'any' || t === 'value' || t === 'list' || t === 'strings' || t === 'map' || t === 'bytes';
}

function zeroOf(t: ExecParam): GoValue {
  switch (t) {
    case 'list': case 'strings': return [];
    case 'map': return {};
    case 'bytes': return new Uint8Array(0);
    case 'value': return undefined;
    default: return null;
  }
}

function assignable(v: GoValue, t: ParamType): boolean {
  switch (t) {
    case 'any': return true;
    case 'string': return typeof v === 'string';
    case 'bool': return typeof v === 'boolean';
    case 'int': return typeof v === 'bigint';
    case 'float64': return typeof v === 'number';
    case 'int64': case 'uint32': return v instanceof GoNumber && v.type === t;
    case 'list': case 'strings': return Array.isArray(v);
    case 'map': return isGoMap(v);
    case 'bytes': return v instanceof Uint8Array;
    // A struct type, not nil-able: only a time.Time value (Sprig's dates) fits.
    case 'time': return v instanceof GoStruct && v.goType === 'time.Time';
  }
}

const hasOwn = Object.prototype.hasOwnProperty;
const MISSING_IDEAL = NumberNode.unset;

const untypedSignatures: ExecSignature[] = [];
/** The signature of a function without one: its JS arity of interface{} parameters. */
function untypedSignature(n: number): ExecSignature {
  return (untypedSignatures[n] ??= { params: new Array<ExecParam>(n).fill('any') });
}

/** A JS stack overflow (as opposed to a RangeError a function throws on purpose). */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && e.message.indexOf('call stack') >= 0;
}

/** Byte column of a UTF-16 offset within its line, and the 1-based line. */
function position(text: string, pos: number): [number, number] {
  const before = text.slice(0, pos);
  const nl = before.lastIndexOf('\n');
  let line = 1;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
  const lineText = nl < 0 ? before : before.slice(nl + 1);
  return [line, Buffer.byteLength(lineText, 'utf8')];
}

/** Executions in progress on this thread (functions may re-enter execute). */
export const executions = { active: 0 };

export class State {
  // Declared and assigned in the constructor, not class fields: include makes a State per call, and
  // define-semantics fields cost several times more in the interpreter.
  declare private readonly ctx: ExecContext;
  declare private tmplName: string;
  declare private node: Node | null;
  declare private vars: Variable[];
  declare private depth: number;
  declare private dotIface: boolean;
  /** Whether the last evalField result came out of an interface-typed container. */
  declare private lastIface: boolean;
  declare out: string;

  constructor(ctx: ExecContext, tmplName: string, data: GoValue) {
    this.ctx = ctx;
    this.tmplName = tmplName;
    this.node = null;
    this.vars = [{ name: '$', value: data, iface: false }];
    this.depth = 0;
    this.dotIface = false;
    this.lastIface = false;
    this.out = '';
  }

  // ---- errors ----

  errorf(msg: string): never {
    const name = this.tmplName;
    if (this.node === null) throw new TemplateError(`template: ${name}: ${msg}`, name, name, undefined);
    const tr = (this.node as { tr: { parseName: string; text: string } }).tr;
    const [line, col] = position(tr.text, this.node.pos);
    const location = `${tr.parseName}:${line}:${col}`;
    throw new TemplateError(`template: ${location}: executing ${quote(name)} at <${this.node}>: ${msg}`, name, tr.parseName, line);
  }

  private at(node: Node): void {
    this.node = node;
  }

  // ---- entry ----

  /** The nodes an execution walks (TemplateSet.execute walks them itself: one JS frame less per include). */
  rootNodes(tree: Tree): Node[] {
    if (tree.root === null) this.errorf(`${quote(this.tmplName)} is an incomplete or empty template`);
    return tree.root.nodes;
  }

  /** Rethrows what an execution threw, as Go's depth error when the JS stack ran out. */
  failed(e: unknown): never {
    // Running out of JS stack is reported once, by the outermost execution (functions such as
    // include re-enter execute), as Go reports running out of template depth.
    if (executions.active === 1) {
      if (e instanceof StackExhausted) {
        this.tmplName = e.tmplName;
        this.node = e.node;
        this.errorf(`exceeded maximum template depth (${maxExecDepth})`);
      }
      if (isStackOverflow(e)) this.errorf(`exceeded maximum template depth (${maxExecDepth})`);
    }
    throw e;
  }

  // ---- variables ----

  private push(name: string, value: GoValue, iface = false): void {
    this.vars.push({ name, value, iface });
  }

  private setVar(name: string, value: GoValue): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i]!;
      if (v.name === name) {
        v.value = value;
        v.iface = false;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private popVars(mark: number): void {
    const vars = this.vars;
    while (vars.length > mark) vars.pop();
  }

  private setTopVar(n: number, value: GoValue, iface: boolean): void {
    const v = this.vars[this.vars.length - n]!;
    v.value = value;
    v.iface = iface;
  }

  private findVar(name: string): Variable {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i]!;
      if (v.name === name) return v;
    }
    this.errorf(`undefined variable: ${name}`);
  }

  // ---- walking ----

  walk(dot: GoValue, node: Node): Flow {
    this.node = node;
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return Flow.Normal;
      }
      case 'break': return Flow.Break;
      case 'continue': return Flow.Continue;
      case 'comment': return Flow.Normal;
      case 'if': case 'with': return this.walkIf(dot, node);
      case 'list': {
        const nodes = node.nodes;
        for (let i = 0; i < nodes.length; i++) {
          const f = this.walk(dot, nodes[i]!);
          if (f !== Flow.Normal) return f;
        }
        return Flow.Normal;
      }
      case 'range': return this.walkRange(dot, node);
      case 'template': return this.walkTemplate(dot, node);
      case 'text':
        this.out += node.text;
        return Flow.Normal;
      default:
        this.errorf(`unknown node: ${node}`);
    }
  }

  /** {{if}} and {{with}}; the loops call it directly rather than through walk (one JS frame less per level). */
  walkIf(dot: GoValue, node: IfNode | WithNode): Flow {
    this.node = node;
    const mark = this.vars.length;
    const val = this.evalPipeline(dot, node.pipe);
    let flow = Flow.Normal;
    // Lists are walked in place (not through walk) to spend fewer JS frames per nesting level.
    let list: ListNode | null = node.list;
    const saved = this.dotIface;
    if (isTrue(val)) {
      if (node.type === 'with') {
        this.dotIface = false;
        dot = val;
      }
    } else list = node.elseList;
    if (list !== null) {
      const nodes = list.nodes;
      for (let i = 0; i < nodes.length; i++) {
        const n = nodes[i]!;
        // Text and actions, most of any list, without a walk frame of their own (recursion depth).
        if (n.type === 'text') this.out += n.text;
        else if (n.type === 'action') {
          this.node = n;
          const v = this.evalPipeline(dot, n.pipe);
          if (n.pipe.decl.length === 0) this.printValue(n, v);
        } else {
          flow = n.type === 'if' || n.type === 'with' ? this.walkIf(dot, n) : this.walk(dot, n);
          if (flow !== Flow.Normal) break;
        }
      }
    }
    this.dotIface = saved;
    this.popVars(mark);
    return flow;
  }

  private walkRange(dot: GoValue, r: RangeNode): Flow {
    this.at(r);
    const outer = this.vars.length;
    const val = this.evalPipeline(dot, r.pipe);
    const mark = this.vars.length;
    const ndecl = r.pipe.decl.length;
    const savedDot = this.dotIface;
    // The elements as [index or key, element] pairs and whether elements have static type interface {}.
    let keys: GoValue[] | null = null;
    let elems: GoValue[];
    let iface = true;
    if (val instanceof GoNamedList) {
      elems = val.items();
      iface = false;
    } else if (Array.isArray(val)) {
      elems = val;
    } else if (val instanceof Uint8Array) {
      elems = Array.from(val, (b) => new GoNumber('uint8', BigInt(b)));
      iface = false;
    } else if (val instanceof GoNamedMap || isGoMap(val)) {
      const m: GoMap = val instanceof GoNamedMap ? val.entries() : val;
      iface = !(val instanceof GoNamedMap);
      const ks = sortedKeys(m);
      keys = ks;
      elems = ks.map((k) => m[k]);
    } else {
      if (val !== undefined && val !== null) this.errorf(`range can't iterate over ${formatPrintable(val)}`);
      elems = [];
    }
    const nodes = r.list.nodes;
    for (let i = 0; i < elems.length; i++) {
      const elem = elems[i];
      if (ndecl > 0) this.setTopVar(1, elem, iface);
      if (ndecl > 1) this.setTopVar(2, keys === null ? BigInt(i) : keys[i], false);
      this.dotIface = iface;
      let flow = Flow.Normal;
      for (let j = 0; j < nodes.length; j++) {
        const n = nodes[j]!;
        // As in walk's if: text and actions without a walk frame.
        if (n.type === 'text') this.out += n.text;
        else if (n.type === 'action') {
          this.node = n;
          const v = this.evalPipeline(elem, n.pipe);
          if (n.pipe.decl.length === 0) this.printValue(n, v);
        } else {
          flow = n.type === 'if' || n.type === 'with' ? this.walkIf(elem, n) : this.walk(elem, n);
          if (flow !== Flow.Normal) break;
        }
      }
      this.dotIface = savedDot;
      this.popVars(mark);
      if (flow === Flow.Break) break;
    }
    const ran = elems.length > 0;
    if (!ran && r.elseList !== null) this.walk(dot, r.elseList);
    this.popVars(outer);
    return Flow.Normal;
  }

  private walkTemplate(dot: GoValue, t: TemplateNode): Flow {
    this.at(t);
    const tmpl = this.ctx.lookup(t.name);
    if (tmpl === undefined) this.errorf(`template ${quote(t.name)} not defined`);
    if (this.depth === maxExecDepth) this.errorf(`exceeded maximum template depth (${maxExecDepth})`);
    const newDot = this.evalPipeline(dot, t.pipe);
    const savedVars = this.vars;
    const savedName = this.tmplName;
    const savedDotIface = this.dotIface;
    this.depth++;
    this.tmplName = t.name;
    this.vars = [{ name: '$', value: newDot, iface: false }];
    this.dotIface = false;
    try {
      if (tmpl.root !== null) {
        const nodes = tmpl.root.nodes;
        for (let i = 0; i < nodes.length; i++) this.walk(newDot, nodes[i]!);
      }
    } catch (e) {
      if (isStackOverflow(e)) throw new StackExhausted(savedName, t);
      throw e;
    } finally {
      this.depth--;
      this.vars = savedVars;
      this.tmplName = savedName;
      this.dotIface = savedDotIface;
    }
    return Flow.Normal;
  }

  // ---- evaluation ----

  evalPipeline(dot: GoValue, pipe: PipeNode | null): GoValue {
    if (pipe === null) return undefined;
    this.at(pipe);
    let value: Final = MISSING;
    const cmds = pipe.cmds;
    for (let i = 0; i < cmds.length; i++) {
      value = this.evalCommand(dot, cmds[i]!, value);
      // A nil interface{} becomes Go's invalid value ("dig down one level").
      if (value === null) value = undefined;
    }
    const v = value as GoValue;
    const decl = pipe.decl;
    for (let i = 0; i < decl.length; i++) {
      if (pipe.isAssign) this.setVar(decl[i]!.ident[0]!, v);
      else this.push(decl[i]!.ident[0]!, v);
    }
    return v;
  }

  private notAFunction(args: ArgNode[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${args[0]}`);
  }

  private evalCommand(dot: GoValue, cmd: CommandNode, final: Final): GoValue {
    const firstWord = cmd.args[0]!;
    switch (firstWord.type) {
      case 'field': return this.evalFieldNode(dot, firstWord, cmd.args, final);
      case 'chain': return this.evalChainNode(dot, firstWord, cmd.args, final);
      case 'identifier': {
        // evalFunction, inline: one JS frame less per function call (include recursion depth).
        this.at(firstWord);
        const f = firstWord.fnContext === this.ctx ? (firstWord.fnEntry as FuncEntry) : this.findFunction(firstWord);
        this.lastIface = false;
        return this.evalCall(dot, f.fn, f.builtin, cmd, firstWord.ident, cmd.args, final, undefined);
      }
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, firstWord);
      case 'variable': return this.evalVariableNode(dot, firstWord, cmd.args, final);
    }
    this.at(firstWord);
    this.notAFunction(cmd.args, final);
    switch (firstWord.type) {
      case 'bool': return firstWord.value;
      case 'dot': return dot;
      case 'nil': this.errorf('nil is not a command');
      case 'number': return this.idealConstant(firstWord);
      case 'string': return firstWord.text;
    }
  }

  private idealConstant(c: NumberNode): GoValue {
    this.at(c);
    if (c.ideal !== MISSING_IDEAL) return c.ideal as GoValue;
    const v = this.computeIdeal(c);
    c.ideal = v;
    return v;
  }

  private computeIdeal(c: NumberNode): GoValue {
    const t = c.text;
    // isHexInt: 0x1E is an int although it contains an E; isRuneInt: 'e' is an int.
    const isHexInt = t.length > 2 && t[0] === '0' && (t[1] === 'x' || t[1] === 'X') && !/[pP]/.test(t);
    if (c.isFloat && !isHexInt && t[0] !== "'" && /[.eEpP]/.test(t)) return c.float64;
    if (c.isInt) {
      return c.int64;
    }
    if (c.isUint) this.errorf(`${c.text} overflows int`);
    return undefined;
  }

  private evalFieldNode(dot: GoValue, field: FieldNode, args: ArgNode[] | null, final: Final): GoValue {
    this.at(field);
    return this.evalFieldChain(dot, dot, this.dotIface, field, field.ident, args, final);
  }

  private evalChainNode(dot: GoValue, chain: ChainNode, args: ArgNode[] | null, final: Final): GoValue {
    this.at(chain);
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${chain}`);
    const pipe = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(dot, pipe, false, chain, chain.field, args, final);
  }

  private evalVariableNode(dot: GoValue, variable: VariableNode, args: ArgNode[] | null, final: Final): GoValue {
    this.at(variable);
    const v = this.findVar(variable.ident[0]!);
    if (variable.ident.length === 1) {
      if (args !== null) this.notAFunction(args, final);
      return v.value;
    }
    return this.evalFieldChain(dot, v.value, v.iface, variable, variable.fields(), args, final);
  }

  private evalFieldChain(dot: GoValue, receiver: GoValue, iface: boolean, node: Node, ident: string[], args: ArgNode[] | null, final: Final): GoValue {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) {
      receiver = this.evalField(dot, ident[i]!, node, null, MISSING, receiver, iface);
      iface = this.lastIface;
    }
    return this.evalField(dot, ident[n - 1]!, node, args, final, receiver, iface);
  }

  private evalFunction(dot: GoValue, node: IdentifierNode, cmd: Node, args: ArgNode[] | null, final: Final): GoValue {
    this.at(node);
    const f = node.fnContext === this.ctx ? (node.fnEntry as FuncEntry) : this.findFunction(node);
    this.lastIface = false;
    return this.evalCall(dot, f.fn, f.builtin, cmd, node.ident, args, final, undefined);
  }

  /** The function an identifier names, cached on the node for this context (trees are shared by tpl's sets). */
  private findFunction(node: IdentifierNode): FuncEntry {
    const f = this.ctx.findFunction(node.ident);
    if (f === undefined) this.errorf(`${JSON.stringify(node.ident)} is not a defined function`);
    node.fnContext = this.ctx;
    node.fnEntry = f;
    return f;
  }

  /** evalField: .Field or .Method args on receiver. */
  private evalField(dot: GoValue, fieldName: string, node: Node, args: ArgNode[] | null, final: Final, receiver: GoValue, iface: boolean): GoValue {
    this.lastIface = false;
    if (receiver === undefined) {
      if (this.ctx.missingKey === 'error') this.errorf(`nil data; no entry for key ${quote(fieldName)}`);
      return undefined;
    }
    if (receiver === null) this.errorf(`nil pointer evaluating interface {}.${fieldName}`);
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (typeof receiver === 'object' && isGoMap(receiver)) {
      // A named map type's method comes before its keys, as in Go (chartutil.Values.Table and friends).
      const method = mapMethodOf(receiver, fieldName);
      if (method !== undefined) return this.evalCall(dot, method, false, node, fieldName, args, final, receiver, method.signature);
      // The common case: a key of a plain map.
      if (!hasArgs && hasOwn.call(receiver, fieldName)) {
        this.lastIface = true;
        return receiver[fieldName];
      }
    }
    if (receiver instanceof GoStruct || receiver instanceof GoNamedMap || receiver instanceof GoNamedList) {
      const method = methodOf(receiver, fieldName);
      if (method !== undefined) {
        const sigs = (receiver.constructor as { signatures?: Record<string, FuncSignature> }).signatures;
        return this.evalCall(dot, method, false, node, fieldName, args, final, receiver, sigs?.[fieldName]);
      }
    }
    if (receiver instanceof GoStruct) {
      if (isExported(fieldName) && hasOwn.call(receiver, fieldName)) {
        if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        return (receiver as unknown as Record<string, GoValue>)[fieldName];
      }
    } else if (receiver instanceof GoNamedMap || isGoMap(receiver)) {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      const m: GoMap = receiver instanceof GoNamedMap ? receiver.entries() : receiver;
      if (hasOwn.call(m, fieldName)) {
        this.lastIface = !(receiver instanceof GoNamedMap);
        return m[fieldName];
      }
      switch (this.ctx.missingKey) {
        case 'default': return undefined;
        case 'zero':
          if (receiver instanceof GoNamedMap) return receiver.zero();
          this.lastIface = true;
          return null;
        case 'error': this.errorf(`map has no entry for key ${quote(fieldName)}`);
      }
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${iface ? 'interface {}' : typeName(receiver)}`);
  }

  // evalCall is split in three so that the frame live during a call (include recursion) stays small.
  private evalCall(dot: GoValue, fn: GoFunction | Builtin, isBuiltin: boolean, node: Node, name: string, argNodes: ArgNode[] | null, final: Final, receiver: GoValue, methodSig?: FuncSignature): GoValue {
    const sig: ExecSignature = methodSig ?? (fn as Builtin).signature ?? untypedSignature(fn.length);
    if (isBuiltin && (name === 'and' || name === 'or')) return this.evalAndOr(dot, sig, name, argNodes, final);
    const argv = this.evalArgs(dot, sig, name, argNodes, final);
    let result: GoValue;
    try {
      // Direct calls for the usual few arguments: cheaper than apply in the interpreter.
      const f = fn as (...a: GoValue[]) => GoValue;
      if (receiver === undefined && argv.length === 1) result = f(argv[0]);
      else if (receiver === undefined && argv.length === 2) result = f(argv[0], argv[1]);
      else result = f.apply(receiver, argv);
    } catch (e) {
      this.callFailed(node, name, e);
    }
    if (result === undefined && !isBuiltin) return null;
    return result;
  }

  /** The number of arguments (argNodes[1:], then the piped value), checked against the signature. */
  private numArgs(sig: ExecSignature, name: string, argNodes: ArgNode[] | null, final: Final): number {
    const nargs = argNodes === null || argNodes.length <= 1 ? 0 : argNodes.length - 1;
    const numParams = sig.params.length;
    const numIn = final !== MISSING ? nargs + 1 : nargs;
    if (sig.variadic !== undefined) {
      if (numIn < numParams) this.errorf(`wrong number of args for ${name}: want at least ${numParams} got ${nargs}`);
    } else if (numIn !== numParams) {
      this.errorf(`wrong number of args for ${name}: want ${numParams} got ${numIn}`);
    }
    return nargs;
  }

  /** The arguments of a call, converted to the signature's types (argNodes[0] names the function). */
  private evalArgs(dot: GoValue, sig: ExecSignature, name: string, argNodes: ArgNode[] | null, final: Final): GoValue[] {
    const nargs = this.numArgs(sig, name, argNodes, final);
    const params = sig.params;
    const numParams = params.length;
    const numIn = final !== MISSING ? nargs + 1 : nargs;
    const numFixed = sig.variadic !== undefined ? numParams : nargs;
    const argv: GoValue[] = []; // filled in order: a packed array, without the Array constructor call
    let i = 0;
    for (; i < numFixed && i < nargs; i++) argv[i] = this.evalArg(dot, params[i]!, argNodes![i + 1]!);
    if (sig.variadic !== undefined) {
      for (; i < nargs; i++) argv[i] = this.evalArg(dot, sig.variadic, argNodes![i + 1]!);
    }
    if (final !== MISSING) {
      let t: ExecParam;
      if (sig.variadic !== undefined) t = numIn - 1 < numFixed ? params[numIn - 1]! : sig.variadic;
      else t = params[numParams - 1]!;
      argv[i] = this.validateType(final, t);
    }
    return argv;
  }

  /** Go's builtin and/or: arguments evaluated in order until one decides. */
  private evalAndOr(dot: GoValue, sig: ExecSignature, name: string, argNodes: ArgNode[] | null, final: Final): GoValue {
    const nargs = this.numArgs(sig, name, argNodes, final);
    let v: GoValue = undefined;
    for (let j = 1; j <= nargs; j++) {
      v = this.evalArg(dot, 'value', argNodes![j]!);
      if (isTrue(v) === (name === 'or')) return v;
    }
    if (final !== MISSING) v = this.validateType(final, 'value');
    return v;
  }

  private callFailed(node: Node, name: string, e: unknown): never {
    if (e instanceof StackExhausted || isStackOverflow(e)) throw e;
    this.at(node);
    this.errorf(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`);
  }

  private validateType(value: GoValue, typ: ExecParam | null): GoValue {
    if (value === undefined) {
      if (typ === null) return undefined;
      if (canBeNil(typ)) return zeroOf(typ);
      this.errorf(`invalid value; expected ${goTypeName(typ)}`);
    }
    if (typ === null || typ === 'value' || typ === 'any') return value;
    if (!assignable(value, typ)) {
      this.errorf(`wrong type for value; expected ${goTypeName(typ)}; got ${value === null ? 'interface {}' : typeName(value)}`);
    }
    return value;
  }

  private evalArg(dot: GoValue, typ: ExecParam | null, n: ArgNode): GoValue {
    this.at(n);
    switch (n.type) {
      case 'dot': return this.validateType(dot, typ);
      case 'nil':
        if (typ !== null && canBeNil(typ)) return zeroOf(typ);
        this.errorf(`cannot assign nil to ${typ === null ? '<nil>' : goTypeName(typ)}`);
      case 'field': return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case 'variable': return this.validateType(this.evalVariableNode(dot, n, null, MISSING), typ);
      case 'pipe': return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier': return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ);
      case 'chain': return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ);
    }
    switch (typ) {
      case 'bool':
        if (n.type === 'bool') return n.value;
        this.errorf(`expected bool; found ${n}`);
      case 'float64':
        if (n.type === 'number' && n.isFloat) return n.float64;
        this.errorf(`expected float; found ${n}`);
      case 'int':
        if (n.type === 'number' && n.isInt) return n.int64;
        this.errorf(`expected integer; found ${n}`);
      case 'int64':
        if (n.type === 'number' && n.isInt) return new GoNumber('int64', n.int64);
        this.errorf(`expected integer; found ${n}`);
      case 'uint32':
        if (n.type === 'number' && n.isUint) {
          if (n.uint64 > 0xffffffffn) this.errorf(`reflect: call of reflect.Value.SetUint on overflow`);
          return new GoNumber('uint32', n.uint64);
        }
        this.errorf(`expected unsigned integer; found ${n}`);
      case 'string':
        if (n.type === 'string') return n.text;
        this.errorf(`expected string; found ${n}`);
      case 'any':
        return this.evalEmptyInterface(dot, n);
      case 'value':
        return this.evalEmptyInterface(dot, n);
    }
    this.errorf(`can't handle ${n} for arg of type ${typ === null ? '<nil>' : goTypeName(typ)}`);
  }

  private evalEmptyInterface(dot: GoValue, n: ArgNode): GoValue {
    this.at(n);
    switch (n.type) {
      case 'bool': return n.value;
      case 'number': return this.idealConstant(n);
      case 'string': return n.text;
    }
    this.errorf(`can't handle assignment of ${n} to empty interface argument`);
  }

  private printValue(n: Node, v: GoValue): void {
    this.at(n);
    switch (typeof v) {
      case 'string': this.out += v; return;
      case 'undefined': this.out += '<no value>'; return;
      case 'function': this.errorf(`can't print ${n} of type ${typeName(v)}`);
    }
    this.out += formatPrintable(v);
  }
}

/** Invokes a function value for the `call` builtin, checking arguments as Go's call does. */
export function callFunction(fn: GoFunction, args: GoValue[]): GoValue {
  const sig: ExecSignature = (fn as Builtin).signature ?? { params: new Array<ExecParam>(fn.length).fill('any') };
  const numIn = sig.params.length;
  if (sig.variadic !== undefined) {
    if (args.length < numIn) throw new Error(`wrong number of args: got ${args.length} want at least ${numIn}`);
  } else if (args.length !== numIn) throw new Error(`wrong number of args: got ${args.length} want ${numIn}`);
  const argv = args.map((arg, i) => {
    const t = i < numIn ? sig.params[i]! : sig.variadic!;
    if (arg === undefined || arg === null) {
      if (!canBeNil(t)) throw new Error(`arg ${i}: value is nil; should be of type ${goTypeName(t)}`);
      return zeroOf(t);
    }
    if (t === 'value' || assignable(arg, t)) return arg;
    throw new Error(`arg ${i}: value has type ${typeName(arg)}; should be ${goTypeName(t)}`);
  });
  const r = fn(...argv);
  return r === undefined ? null : r;
}

/** Go fields and methods are exported identifiers; a struct's other JS properties are not Go fields. */
function isExported(name: string): boolean {
  const c = name.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** An exported Go method of a struct or named map: a function on the prototype with a capitalised name. */
function methodOf(receiver: GoStruct | GoNamedMap | GoNamedList, name: string): GoFunction | undefined {
  const c = name.charCodeAt(0);
  if (c < 65 || c > 90) return undefined;
  if (hasOwn.call(receiver, name)) return undefined;
  const m = (receiver as unknown as Record<string, unknown>)[name];
  return typeof m === 'function' ? (m as GoFunction) : undefined;
}

export { formatValue };
