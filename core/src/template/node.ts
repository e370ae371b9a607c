/**
 * The parse tree of Go's text/template (parse/node.go). `String()` reproduces Go's node printing, which
 * execution errors quote as their context (`at <.Values.x>`).
 */
import { lineAt } from './lex.js';
import { quote } from './strconv.js';
import type { GoValue } from './value.js';

/** Per-tree information nodes need for error positions: the text and the name it was parsed as. */
export interface TreeInfo {
  parseName: string;
  text: string;
}

export type Node =
  | TextNode | ActionNode | PipeNode | CommandNode | IdentifierNode | VariableNode | DotNode | NilNode
  | FieldNode | ChainNode | BoolNode | NumberNode | StringNode | ListNode | IfNode | RangeNode | WithNode
  | TemplateNode | BreakNode | ContinueNode | EndNode | ElseNode | CommentNode;

// Nodes declare their fields and assign them in constructors (no class-field initialisers): a 1 MB
// template makes hundreds of thousands of nodes, and define-semantics fields cost a third of parsing.
abstract class BaseNode {
  declare readonly type: string;
  declare readonly tr: TreeInfo;
  declare readonly pos: number;
  constructor(tr: TreeInfo, pos: number) {
    // An own property set first: every node kind has `type` at the same offset.
    (this as { type: string }).type = (new.target as unknown as { kind: string }).kind;
    this.tr = tr;
    this.pos = pos;
  }
  /** The node's 1-based line, counted when asked for (only errors and tools ask). */
  get line(): number {
    return lineAt(this.tr.text, this.pos);
  }
  abstract toString(): string;
}

export class TextNode extends BaseNode {
  declare readonly type: 'text';
  declare readonly text: string;
  constructor(tr: TreeInfo, pos: number, text: string) { super(tr, pos); this.text = text; }
  toString(): string {
    return this.text;
  }
}

export class CommentNode extends BaseNode {
  declare readonly type: 'comment';
  declare readonly text: string;
  constructor(tr: TreeInfo, pos: number, text: string) { super(tr, pos); this.text = text; }
  toString(): string {
    return '{{' + this.text + '}}';
  }
}

export class ListNode extends BaseNode {
  declare readonly type: 'list';
  declare readonly nodes: Node[];
  constructor(tr: TreeInfo, pos: number) { super(tr, pos); this.nodes = []; }
  toString(): string {
    return this.nodes.map(String).join('');
  }
}

export class VariableNode extends BaseNode {
  declare readonly type: 'variable';
  declare readonly ident: string[];
  declare private rest: string[] | undefined;
  constructor(tr: TreeInfo, pos: number, ident: string) {
    super(tr, pos);
    this.ident = ident.split('.');
    this.rest = undefined;
  }
  /** The field names after the variable ($x.a.b: [a b]), computed once. */
  fields(): string[] {
    return (this.rest ??= this.ident.slice(1));
  }
  toString(): string {
    return this.ident.join('.');
  }
}

export class PipeNode extends BaseNode {
  declare readonly type: 'pipe';
  declare isAssign: boolean;
  declare readonly decl: VariableNode[];
  declare readonly cmds: CommandNode[];
  constructor(tr: TreeInfo, pos: number) {
    super(tr, pos);
    this.isAssign = false;
    this.decl = [];
    this.cmds = [];
  }
  toString(): string {
    let s = '';
    if (this.decl.length > 0) {
      s = this.decl.map(String).join(', ') + (this.isAssign ? ' = ' : ' := ');
    }
    return s + this.cmds.map(String).join(' | ');
  }
}

export class ActionNode extends BaseNode {
  declare readonly type: 'action';
  declare readonly pipe: PipeNode;
  constructor(tr: TreeInfo, pos: number, pipe: PipeNode) { super(tr, pos); this.pipe = pipe; }
  toString(): string {
    return `{{${this.pipe}}}`;
  }
}

export type ArgNode = IdentifierNode | VariableNode | DotNode | NilNode | FieldNode | ChainNode | BoolNode | NumberNode | StringNode | PipeNode;

export class CommandNode extends BaseNode {
  declare readonly type: 'command';
  declare readonly args: ArgNode[];
  constructor(tr: TreeInfo, pos: number) { super(tr, pos); this.args = []; }
  toString(): string {
    return this.args.map((a) => (a.type === 'pipe' ? `(${a})` : String(a))).join(' ');
  }
}

export class IdentifierNode extends BaseNode {
  declare readonly type: 'identifier';
  declare readonly ident: string;
  /** The function last found for this name, and the execution context (function set) it was found in. */
  declare fnContext: unknown;
  declare fnEntry: unknown;
  constructor(tr: TreeInfo, pos: number, ident: string) { super(tr, pos); this.ident = ident; this.fnContext = null; this.fnEntry = null; }
  toString(): string {
    return this.ident;
  }
}

export class DotNode extends BaseNode {
  declare readonly type: 'dot';
  toString(): string {
    return '.';
  }
}

export class NilNode extends BaseNode {
  declare readonly type: 'nil';
  toString(): string {
    return 'nil';
  }
}

export class FieldNode extends BaseNode {
  declare readonly type: 'field';
  declare readonly ident: string[];
  constructor(tr: TreeInfo, pos: number, ident: string) {
    super(tr, pos);
    this.ident = ident.slice(1).split('.');
  }
  toString(): string {
    return '.' + this.ident.join('.');
  }
}

export class ChainNode extends BaseNode {
  declare readonly type: 'chain';
  declare readonly field: string[];
  declare readonly node: ArgNode;
  constructor(tr: TreeInfo, pos: number, node: ArgNode) { super(tr, pos); this.node = node; this.field = []; }
  add(field: string): void {
    if (field.length === 0 || field[0] !== '.') throw new Error('no dot in field');
    field = field.slice(1);
    if (field === '') throw new Error('empty field');
    this.field.push(field);
  }
  toString(): string {
    let s = this.node.type === 'pipe' ? `(${this.node})` : String(this.node);
    for (const f of this.field) s += '.' + f;
    return s;
  }
}

export class BoolNode extends BaseNode {
  declare readonly type: 'bool';
  declare readonly value: boolean;
  constructor(tr: TreeInfo, pos: number, value: boolean) { super(tr, pos); this.value = value; }
  toString(): string {
    return this.value ? 'true' : 'false';
  }
}

/** A numeric constant with every Go type it can represent (ints as bigint). */
export class NumberNode extends BaseNode {
  /** Marks `ideal` as not computed yet. */
  static readonly unset: unique symbol = Symbol('unset');
  declare readonly type: 'number';
  /** The constant's value as an untyped operand (int or float64), computed at first use. */
  declare ideal: GoValue | typeof NumberNode.unset;
  declare isInt: boolean;
  declare isUint: boolean;
  declare isFloat: boolean;
  declare isComplex: boolean;
  declare int64: bigint;
  declare uint64: bigint;
  declare float64: number;
  declare readonly text: string;
  constructor(tr: TreeInfo, pos: number, text: string) {
    super(tr, pos);
    this.text = text;
    this.ideal = NumberNode.unset;
    this.isInt = this.isUint = this.isFloat = this.isComplex = false;
    this.int64 = this.uint64 = 0n;
    this.float64 = 0;
  }
  toString(): string {
    return this.text;
  }
}

export class StringNode extends BaseNode {
  declare readonly type: 'string';
  declare readonly quoted: string;
  declare readonly text: string;
  constructor(tr: TreeInfo, pos: number, quoted: string, text: string) { super(tr, pos); this.quoted = quoted; this.text = text; }
  toString(): string {
    return this.quoted;
  }
}

export class EndNode extends BaseNode {
  declare readonly type: 'end';
  toString(): string {
    return '{{end}}';
  }
}

export class ElseNode extends BaseNode {
  declare readonly type: 'else';
  toString(): string {
    return '{{else}}';
  }
}

abstract class BranchNode extends BaseNode {
  declare readonly pipe: PipeNode;
  declare readonly list: ListNode;
  declare readonly elseList: ListNode | null;
  constructor(tr: TreeInfo, pos: number, pipe: PipeNode, list: ListNode, elseList: ListNode | null) {
    super(tr, pos);
    this.pipe = pipe;
    this.list = list;
    this.elseList = elseList;
  }
  protected branch(name: string): string {
    let s = `{{${name} ${this.pipe}}}${this.list}`;
    if (this.elseList) s += `{{else}}${this.elseList}`;
    return s + '{{end}}';
  }
}

export class IfNode extends BranchNode {
  declare readonly type: 'if';
  toString(): string {
    return this.branch('if');
  }
}

export class RangeNode extends BranchNode {
  declare readonly type: 'range';
  toString(): string {
    return this.branch('range');
  }
}

export class WithNode extends BranchNode {
  declare readonly type: 'with';
  toString(): string {
    return this.branch('with');
  }
}

export class TemplateNode extends BaseNode {
  declare readonly type: 'template';
  declare readonly name: string;
  declare readonly pipe: PipeNode | null;
  constructor(tr: TreeInfo, pos: number, name: string, pipe: PipeNode | null) { super(tr, pos); this.name = name; this.pipe = pipe; }
  toString(): string {
    if (this.pipe === null) return `{{template ${quote(this.name)}}}`;
    return `{{template ${quote(this.name)} ${this.pipe}}}`;
  }
}

export class BreakNode extends BaseNode {
  declare readonly type: 'break';
  toString(): string {
    return '{{break}}';
  }
}

export class ContinueNode extends BaseNode {
  declare readonly type: 'continue';
  toString(): string {
    return '{{continue}}';
  }
}

// Each node kind's `type`, copied onto every node by BaseNode.
(TextNode as unknown as { kind: string }).kind = 'text';
(CommentNode as unknown as { kind: string }).kind = 'comment';
(ListNode as unknown as { kind: string }).kind = 'list';
(VariableNode as unknown as { kind: string }).kind = 'variable';
(PipeNode as unknown as { kind: string }).kind = 'pipe';
(ActionNode as unknown as { kind: string }).kind = 'action';
(CommandNode as unknown as { kind: string }).kind = 'command';
(IdentifierNode as unknown as { kind: string }).kind = 'identifier';
(DotNode as unknown as { kind: string }).kind = 'dot';
(NilNode as unknown as { kind: string }).kind = 'nil';
(FieldNode as unknown as { kind: string }).kind = 'field';
(ChainNode as unknown as { kind: string }).kind = 'chain';
(BoolNode as unknown as { kind: string }).kind = 'bool';
(NumberNode as unknown as { kind: string }).kind = 'number';
(StringNode as unknown as { kind: string }).kind = 'string';
(EndNode as unknown as { kind: string }).kind = 'end';
(ElseNode as unknown as { kind: string }).kind = 'else';
(IfNode as unknown as { kind: string }).kind = 'if';
(RangeNode as unknown as { kind: string }).kind = 'range';
(WithNode as unknown as { kind: string }).kind = 'with';
(TemplateNode as unknown as { kind: string }).kind = 'template';
(BreakNode as unknown as { kind: string }).kind = 'break';
(ContinueNode as unknown as { kind: string }).kind = 'continue';
