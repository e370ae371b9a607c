/**
 * The parser of Go's text/template (parse/parse.go, Go 1.18): builds one Tree per template defined in
 * the text, with Go's grammar, variable scoping checks and error messages. Parse errors are thrown as
 * ParseError with Go's text `template: NAME:LINE: MESSAGE`.
 */
import { ItemType, Lexer, itemString, lineAt, type Item } from './lex.js';
import {
  ActionNode, BoolNode, BreakNode, ChainNode, CommandNode, CommentNode, ContinueNode, DotNode, ElseNode, EndNode,
  FieldNode, IdentifierNode, IfNode, ListNode, NilNode, NumberNode, PipeNode, RangeNode, StringNode, TemplateNode,
  TextNode, VariableNode, WithNode, type ArgNode, type Node, type TreeInfo,
} from './node.js';
import { quote as goQuoteStr, unquote } from './strconv.js';
import { parseGoFloat, parseGoInt, unquoteChar } from './number.js';

export class ParseError extends Error {
  constructor(message: string, readonly parseName: string, readonly line: number) {
    super(message);
  }
}

export class Tree implements TreeInfo {
  root: ListNode | null = null;
  private lex!: Lexer;
  private token: Item[] = [];
  private peekCount = 0;
  private vars: string[] = [];
  private treeSet!: Map<string, Tree>;
  private hasFunction!: (name: string) => boolean;
  /** Where the action being parsed started (-1: none), for errors that name its line. */
  private actionPos = -1;
  private rangeDepth = 0;

  constructor(
    public name: string,
    readonly parseName: string,
    readonly text: string,
  ) {}

  // ---- token stream ----

  private next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lex.nextItem();
    return this.token[this.peekCount]!;
  }

  private backup(): void {
    this.peekCount++;
  }

  private backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1]!;
    this.peekCount = 1;
    this.token[0] = this.lex.nextItem();
    return this.token[0];
  }

  private nextNonSpace(): Item {
    let token: Item;
    do {
      if (this.peekCount > 0) token = this.token[--this.peekCount]!;
      else {
        // Spaces this would drop are skipped by the lexer without becoming items.
        this.lex.skipSpace = true;
        token = this.token[0] = this.lex.nextItem();
        this.lex.skipSpace = false;
      }
    } while (token.typ === ItemType.Space);
    return token;
  }

  private peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  // ---- errors ----

  errorf(msg: string): never {
    this.root = null;
    const line = this.token[0]?.line ?? 1;
    throw new ParseError(`template: ${this.parseName}:${line}: ${msg}`, this.parseName, line);
  }

  private expect(expected: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== expected) this.unexpected(token, context);
    return token;
  }

  private expectOneOf(e1: ItemType, e2: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== e1 && token.typ !== e2) this.unexpected(token, context);
    return token;
  }

  private unexpected(token: Item, context: string): never {
    if (token.typ === ItemType.Error) {
      let extra = '';
      const actionLine = this.actionPos < 0 ? 0 : lineAt(this.text, this.actionPos);
      if (actionLine !== 0 && actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  // ---- entry points ----

  private startParse(lex: Lexer, treeSet: Map<string, Tree>, hasFunction: (name: string) => boolean): void {
    this.root = null;
    this.lex = lex;
    this.vars = ['$'];
    this.treeSet = treeSet;
    this.hasFunction = hasFunction;
    lex.breakOK = !hasFunction('break');
    lex.continueOK = !hasFunction('continue');
  }

  /** parse.Parse: the trees named in text, the top-level one under `name`. */
  static parse(name: string, text: string, hasFunction: (name: string) => boolean, leftDelim = '{{', rightDelim = '}}'): Map<string, Tree> {
    const treeSet = new Map<string, Tree>();
    const t = new Tree(name, name, text);
    const lex = new Lexer(name, text, leftDelim, rightDelim);
    t.startParse(lex, treeSet, hasFunction);
    t.parse();
    t.add();
    return treeSet;
  }

  private add(): void {
    const tree = this.treeSet.get(this.name);
    if (tree === undefined || isEmptyTree(tree.root)) {
      this.treeSet.set(this.name, this);
      return;
    }
    if (!isEmptyTree(this.root)) this.errorf(`template: multiple definition of template ${JSON.stringify(this.name)}`);
  }

  private parse(): void {
    this.root = new ListNode(this, this.peek().pos);
    while (this.peek().typ !== ItemType.EOF) {
      if (this.peek().typ === ItemType.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().typ === ItemType.Define) {
          const newT = new Tree('definition', this.parseName, this.text);
          newT.startParse(this.lex, this.treeSet, this.hasFunction);
          newT.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${n}`);
      else this.root.nodes.push(n);
    }
  }

  // parseDefinition: {{define "name"}} itemList {{end}}
  private parseDefinition(): void {
    const context = 'define clause';
    const name = this.expectOneOf(ItemType.String, ItemType.RawString, context);
    this.name = this.unquote(name.val);
    this.expect(ItemType.RightDelim, context);
    const [list, end] = this.itemList();
    this.root = list;
    if (end.type !== 'end') this.errorf(`unexpected ${end} in ${context}`);
    this.add();
  }

  private unquote(s: string): string {
    try {
      return unquote(s);
    } catch {
      this.errorf('invalid syntax');
    }
  }

  // itemList: textOrAction*   terminated by an end or else action
  private itemList(): [ListNode, Node] {
    const list = new ListNode(this, this.peekNonSpace().pos);
    while (this.peekNonSpace().typ !== ItemType.EOF) {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  // textOrAction: text | comment | action
  private textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Text: return new TextNode(this, token.pos, token.val);
      case ItemType.LeftDelim: {
        this.actionPos = token.pos;
        try {
          return this.action();
        } finally {
          this.actionPos = -1;
        }
      }
      case ItemType.Comment: return new CommentNode(this, token.pos, token.val);
      default: this.unexpected(token, 'input');
    }
  }

  // action: control | command ("|" command)*
  private action(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Block: return this.blockControl();
      case ItemType.Break: return this.breakControl(token.pos);
      case ItemType.Continue: return this.continueControl(token.pos);
      case ItemType.Else: return this.elseControl();
      case ItemType.End: return this.endControl();
      case ItemType.If: return this.ifControl();
      case ItemType.Range: return this.rangeControl();
      case ItemType.Template: return this.templateControl();
      case ItemType.With: return this.withControl();
    }
    this.backup();
    const t = this.peek();
    return new ActionNode(this, t.pos, this.pipeline('command', ItemType.RightDelim));
  }

  private breakControl(pos: number): Node {
    const token = this.nextNonSpace();
    if (token.typ !== ItemType.RightDelim) this.unexpected(token, '{{break}}');
    if (this.rangeDepth === 0) this.errorf('{{break}} outside {{range}}');
    return new BreakNode(this, pos);
  }

  private continueControl(pos: number): Node {
    const token = this.nextNonSpace();
    if (token.typ !== ItemType.RightDelim) this.unexpected(token, '{{continue}}');
    if (this.rangeDepth === 0) this.errorf('{{continue}} outside {{range}}');
    return new ContinueNode(this, pos);
  }

  // pipeline: declarations? command ('|' command)*
  private pipeline(context: string, end: ItemType): PipeNode {
    const token = this.peekNonSpace();
    const pipe = new PipeNode(this, token.pos);
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.typ === ItemType.Variable) {
        this.next();
        const tokenAfterVariable = this.peek();
        const next = this.peekNonSpace();
        if (next.typ === ItemType.Assign || next.typ === ItemType.Declare) {
          pipe.isAssign = next.typ === ItemType.Assign;
          this.nextNonSpace();
          pipe.decl.push(new VariableNode(this, v.pos, v.val));
          this.vars.push(v.val);
        } else if (next.typ === ItemType.Char && next.val === ',') {
          this.nextNonSpace();
          pipe.decl.push(new VariableNode(this, v.pos, v.val));
          this.vars.push(v.val);
          if (context === 'range' && pipe.decl.length < 2) {
            const p = this.peekNonSpace().typ;
            if (p === ItemType.Variable || p === ItemType.RightDelim || p === ItemType.RightParen) continue decls;
            this.errorf('range can only initialize variables');
          }
          this.errorf(`too many declarations in ${context}`);
        } else if (tokenAfterVariable.typ === ItemType.Space) {
          this.backup3(v, tokenAfterVariable);
        } else {
          this.backup2(v);
        }
      }
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      switch (token.typ) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case ItemType.Bool: case ItemType.CharConstant: case ItemType.Complex: case ItemType.Dot: case ItemType.Field:
        case ItemType.Identifier: case ItemType.Number: case ItemType.Nil: case ItemType.RawString: case ItemType.String:
        case ItemType.Variable: case ItemType.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    for (let i = 1; i < pipe.cmds.length; i++) {
      switch (pipe.cmds[i]!.args[0]!.type) {
        case 'bool': case 'dot': case 'nil': case 'number': case 'string':
          this.errorf(`non executable command in pipeline stage ${i + 1}`);
      }
    }
  }

  private parseControl(allowElseIf: boolean, context: string): [number, PipeNode, ListNode, ListNode | null] {
    const nvars = this.vars.length;
    try {
      const pipe = this.pipeline(context, ItemType.RightDelim);
      if (context === 'range') this.rangeDepth++;
      let [list, next] = this.itemList();
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === 'else') {
        if (allowElseIf && this.peek().typ === ItemType.If) {
          this.next();
          elseList = new ListNode(this, next.pos);
          elseList.nodes.push(this.ifControl());
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== 'end') this.errorf(`expected end; found ${next}`);
        }
      }
      return [pipe.pos, pipe, list, elseList];
    } finally {
      while (this.vars.length > nvars) this.vars.pop();
    }
  }

  private ifControl(): Node {
    const [pos, pipe, list, elseList] = this.parseControl(true, 'if');
    return new IfNode(this, pos, pipe, list, elseList);
  }

  private rangeControl(): Node {
    const [pos, pipe, list, elseList] = this.parseControl(false, 'range');
    return new RangeNode(this, pos, pipe, list, elseList);
  }

  private withControl(): Node {
    const [pos, pipe, list, elseList] = this.parseControl(false, 'with');
    return new WithNode(this, pos, pipe, list, elseList);
  }

  private endControl(): Node {
    return new EndNode(this, this.expect(ItemType.RightDelim, 'end').pos);
  }

  private elseControl(): Node {
    const peek = this.peekNonSpace();
    if (peek.typ === ItemType.If) return new ElseNode(this, peek.pos);
    const token = this.expect(ItemType.RightDelim, 'else');
    return new ElseNode(this, token.pos);
  }

  // block: {{block stringValue pipeline}} itemList {{end}}
  private blockControl(): Node {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, ItemType.RightDelim);
    const block = new Tree(name, this.parseName, this.text);
    block.startParse(this.lex, this.treeSet, this.hasFunction);
    const [list, end] = block.itemList();
    block.root = list;
    if (end.type !== 'end') this.errorf(`unexpected ${end} in ${context}`);
    block.add();
    return new TemplateNode(this, token.pos, name, pipe);
  }

  // template: {{template stringValue pipeline?}}
  private templateControl(): Node {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== ItemType.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, ItemType.RightDelim);
    }
    return new TemplateNode(this, token.pos, name, pipe);
  }

  private parseTemplateName(token: Item, context: string): string {
    if (token.typ === ItemType.String || token.typ === ItemType.RawString) return this.unquote(token.val);
    this.unexpected(token, context);
  }

  // command: operand (space operand)*
  private command(): CommandNode {
    const cmd = new CommandNode(this, this.peekNonSpace().pos);
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== null) cmd.args.push(operand);
      const token = this.next();
      if (token.typ === ItemType.Space) continue;
      if (token.typ === ItemType.RightDelim || token.typ === ItemType.RightParen) this.backup();
      else if (token.typ !== ItemType.Pipe) this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  // operand: term .Field*
  private operand(): ArgNode | null {
    let node = this.term();
    if (node === null) return null;
    if (this.peek().typ === ItemType.Field) {
      // .X.Y and $x.Y lex as one item per field: join them into one field or variable node directly
      // (what Go's chain.String() round trip amounts to).
      if (node.type === 'field' || node.type === 'variable') {
        const pos = this.peek().pos;
        let text = node.type === 'field' ? '.' + node.ident.join('.') : node.ident.join('.');
        while (this.peek().typ === ItemType.Field) text += this.next().val;
        return node.type === 'field' ? new FieldNode(this, pos, text) : new VariableNode(this, pos, text);
      }
      const chain = new ChainNode(this, this.peek().pos, node);
      while (this.peek().typ === ItemType.Field) chain.add(this.next().val);
      switch (node.type) {
        case 'bool': case 'string': case 'number': case 'nil': case 'dot':
          this.errorf(`unexpected . after term ${JSON.stringify(node.toString())}`);
        default:
          node = chain;
      }
    }
    return node;
  }

  // term: literal | function | nil | '.' | .Field | $ | '(' pipeline ')'
  private term(): ArgNode | null {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Identifier:
        if (!this.hasFunction(token.val)) this.errorf(`function ${JSON.stringify(token.val)} not defined`);
        return new IdentifierNode(this, token.pos, token.val);
      case ItemType.Dot: return new DotNode(this, token.pos);
      case ItemType.Nil: return new NilNode(this, token.pos);
      case ItemType.Variable: return this.useVar(token.pos, token.val);
      case ItemType.Field: return new FieldNode(this, token.pos, token.val);
      case ItemType.Bool: return new BoolNode(this, token.pos, token.val === 'true');
      case ItemType.CharConstant: case ItemType.Complex: case ItemType.Number:
        return this.newNumber(token.pos, token.val, token.typ);
      case ItemType.LeftParen: return this.pipeline('parenthesized pipeline', ItemType.RightParen);
      case ItemType.String: case ItemType.RawString:
        return new StringNode(this, token.pos, token.val, this.unquote(token.val));
    }
    this.backup();
    return null;
  }

  private useVar(pos: number, name: string): VariableNode {
    const v = new VariableNode(this, pos, name);
    if (this.vars.includes(v.ident[0]!)) return v;
    this.errorf(`undefined variable ${JSON.stringify(v.ident[0])}`);
  }

  private newNumber(pos: number, text: string, typ: ItemType): NumberNode {
    const n = new NumberNode(this, pos, text);
    if (typ === ItemType.CharConstant) {
      const cp = unquoteChar(text);
      if (cp === null) this.errorf('invalid syntax');
      if (cp === undefined) this.errorf(`malformed character constant: ${text}`);
      const r = BigInt(cp);
      n.isInt = n.isUint = n.isFloat = true;
      n.int64 = n.uint64 = r;
      n.float64 = cp;
      return n;
    }
    if (typ === ItemType.Complex || text.endsWith('i')) this.errorf(`complex constants are not supported: ${text}`);
    const u = parseGoInt(text, false);
    if (u !== null) {
      n.isUint = true;
      n.uint64 = u;
    }
    const i = parseGoInt(text, true);
    if (i !== null) {
      n.isInt = true;
      n.int64 = i;
      if (i === 0n) {
        n.isUint = true;
        n.uint64 = 0n;
      }
    }
    if (n.isInt) {
      n.isFloat = true;
      n.float64 = Number(n.int64);
    } else if (n.isUint) {
      n.isFloat = true;
      n.float64 = Number(n.uint64);
    } else {
      const f = parseGoFloat(text);
      if (f !== null) {
        if (!/[.eEpP]/.test(text)) this.errorf(`illegal number syntax: ${goQuoteStr(text)}`);
        n.isFloat = true;
        n.float64 = f;
        if (Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63) {
          n.isInt = true;
          n.int64 = BigInt(f);
        }
        if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
          n.isUint = true;
          n.uint64 = BigInt(f);
        }
      }
    }
    if (!n.isInt && !n.isUint && !n.isFloat) this.errorf(`illegal number syntax: ${JSON.stringify(text)}`);
    return n;
  }
}

/** parse.IsEmptyTree: only whitespace text and comments. */
export function isEmptyTree(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.type) {
    case 'comment': return true;
    case 'list': return n.nodes.every(isEmptyTree);
    case 'text': return n.text.trim() === '';
    default: return false;
  }
}

