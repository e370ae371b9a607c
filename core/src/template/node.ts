/**
 * The parse tree of Go's text/template (parse/node.go). `String()` reproduces Go's node printing, which
 * execution errors quote as their context (`at <.Values.x>`).
 */
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

abstract class BaseNode {
  constructor(
    readonly tr: TreeInfo,
    readonly pos: number,
  ) {}
  abstract toString(): string;
}

export class TextNode extends BaseNode {
  readonly type = 'text';
  constructor(tr: TreeInfo, pos: number, readonly text: string) { super(tr, pos); }
  toString(): string {
    return this.text;
  }
}

export class CommentNode extends BaseNode {
  readonly type = 'comment';
  constructor(tr: TreeInfo, pos: number, readonly text: string) { super(tr, pos); }
  toString(): string {
    return '{{' + this.text + '}}';
  }
}

export class ListNode extends BaseNode {
  readonly type = 'list';
  readonly nodes: Node[] = [];
  toString(): string {
    return this.nodes.map(String).join('');
  }
}

export class VariableNode extends BaseNode {
  readonly type = 'variable';
  readonly ident: string[];
  constructor(tr: TreeInfo, pos: number, ident: string) {
    super(tr, pos);
    this.ident = ident.split('.');
  }
  toString(): string {
    return this.ident.join('.');
  }
}

export class PipeNode extends BaseNode {
  readonly type = 'pipe';
  isAssign = false;
  readonly decl: VariableNode[] = [];
  readonly cmds: CommandNode[] = [];
  constructor(tr: TreeInfo, pos: number, readonly line: number) { super(tr, pos); }
  toString(): string {
    let s = '';
    if (this.decl.length > 0) {
      s = this.decl.map(String).join(', ') + (this.isAssign ? ' = ' : ' := ');
    }
    return s + this.cmds.map(String).join(' | ');
  }
}

export class ActionNode extends BaseNode {
  readonly type = 'action';
  constructor(tr: TreeInfo, pos: number, readonly line: number, readonly pipe: PipeNode) { super(tr, pos); }
  toString(): string {
    return `{{${this.pipe}}}`;
  }
}

export type ArgNode = IdentifierNode | VariableNode | DotNode | NilNode | FieldNode | ChainNode | BoolNode | NumberNode | StringNode | PipeNode;

export class CommandNode extends BaseNode {
  readonly type = 'command';
  readonly args: ArgNode[] = [];
  toString(): string {
    return this.args.map((a) => (a.type === 'pipe' ? `(${a})` : String(a))).join(' ');
  }
}

export class IdentifierNode extends BaseNode {
  readonly type = 'identifier';
  constructor(tr: TreeInfo, pos: number, readonly ident: string) { super(tr, pos); }
  toString(): string {
    return this.ident;
  }
}

export class DotNode extends BaseNode {
  readonly type = 'dot';
  toString(): string {
    return '.';
  }
}

export class NilNode extends BaseNode {
  readonly type = 'nil';
  toString(): string {
    return 'nil';
  }
}

export class FieldNode extends BaseNode {
  readonly type = 'field';
  readonly ident: string[];
  constructor(tr: TreeInfo, pos: number, ident: string) {
    super(tr, pos);
    this.ident = ident.slice(1).split('.');
  }
  toString(): string {
    return '.' + this.ident.join('.');
  }
}

export class ChainNode extends BaseNode {
  readonly type = 'chain';
  readonly field: string[] = [];
  constructor(tr: TreeInfo, pos: number, readonly node: ArgNode) { super(tr, pos); }
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
  readonly type = 'bool';
  constructor(tr: TreeInfo, pos: number, readonly value: boolean) { super(tr, pos); }
  toString(): string {
    return this.value ? 'true' : 'false';
  }
}

/** A numeric constant with every Go type it can represent (ints as bigint). */
export class NumberNode extends BaseNode {
  /** Marks `ideal` as not computed yet. */
  static readonly unset: unique symbol = Symbol('unset');
  readonly type = 'number';
  /** The constant's value as an untyped operand (int or float64), computed at first use. */
  ideal: GoValue | typeof NumberNode.unset = NumberNode.unset;
  isInt = false;
  isUint = false;
  isFloat = false;
  isComplex = false;
  int64 = 0n;
  uint64 = 0n;
  float64 = 0;
  constructor(tr: TreeInfo, pos: number, readonly text: string) { super(tr, pos); }
  toString(): string {
    return this.text;
  }
}

export class StringNode extends BaseNode {
  readonly type = 'string';
  constructor(tr: TreeInfo, pos: number, readonly quoted: string, readonly text: string) { super(tr, pos); }
  toString(): string {
    return this.quoted;
  }
}

export class EndNode extends BaseNode {
  readonly type = 'end';
  toString(): string {
    return '{{end}}';
  }
}

export class ElseNode extends BaseNode {
  readonly type = 'else';
  constructor(tr: TreeInfo, pos: number, readonly line: number) { super(tr, pos); }
  toString(): string {
    return '{{else}}';
  }
}

abstract class BranchNode extends BaseNode {
  constructor(
    tr: TreeInfo,
    pos: number,
    readonly line: number,
    readonly pipe: PipeNode,
    readonly list: ListNode,
    readonly elseList: ListNode | null,
  ) { super(tr, pos); }
  protected branch(name: string): string {
    let s = `{{${name} ${this.pipe}}}${this.list}`;
    if (this.elseList) s += `{{else}}${this.elseList}`;
    return s + '{{end}}';
  }
}

export class IfNode extends BranchNode {
  readonly type = 'if';
  toString(): string {
    return this.branch('if');
  }
}

export class RangeNode extends BranchNode {
  readonly type = 'range';
  toString(): string {
    return this.branch('range');
  }
}

export class WithNode extends BranchNode {
  readonly type = 'with';
  toString(): string {
    return this.branch('with');
  }
}

export class TemplateNode extends BaseNode {
  readonly type = 'template';
  constructor(tr: TreeInfo, pos: number, readonly line: number, readonly name: string, readonly pipe: PipeNode | null) { super(tr, pos); }
  toString(): string {
    if (this.pipe === null) return `{{template ${quote(this.name)}}}`;
    return `{{template ${quote(this.name)} ${this.pipe}}}`;
  }
}

export class BreakNode extends BaseNode {
  readonly type = 'break';
  constructor(tr: TreeInfo, pos: number, readonly line: number) { super(tr, pos); }
  toString(): string {
    return '{{break}}';
  }
}

export class ContinueNode extends BaseNode {
  readonly type = 'continue';
  constructor(tr: TreeInfo, pos: number, readonly line: number) { super(tr, pos); }
  toString(): string {
    return '{{continue}}';
  }
}
