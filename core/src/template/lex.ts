/**
 * The lexer of Go's text/template (parse/lex.go, Go 1.18), with Go's item stream and error messages.
 * Trim markers (`{{- ` and ` -}}`) are handled here, entirely. Items are produced on demand, one
 * `nextItem` at a time, so the parser stops lexing at its first error.
 *
 * Go's state functions become one method per state switched on a small integer, and an item's line is
 * computed from its offset when asked for (only errors ask): a chart's templates are lexed once, cold,
 * mostly in V8's interpreter, where per-character line counting and closures cost more than the scan.
 */
import { quote as goQuote } from './strconv.js';

export const enum ItemType {
  Error, Bool, Char, CharConstant, Comment, Complex, Assign, Declare, EOF, Field, Identifier, LeftDelim,
  LeftParen, Number, Pipe, RawString, RightDelim, RightParen, Space, String, Text, Variable,
  Keyword, // keywords follow
  Block, Break, Continue, Dot, Define, Else, End, If, Nil, Range, Template, With,
}

/** A token: its type, offset (UTF-16) in the input, text, and 1-based line (computed on demand). */
export class Item {
  // Declared, not class fields: fields with define semantics cost a lot per object in the interpreter.
  declare readonly typ: ItemType;
  declare readonly pos: number;
  declare readonly val: string;
  declare private readonly input: string;
  constructor(typ: ItemType, pos: number, val: string, input: string) {
    this.typ = typ;
    this.pos = pos;
    this.val = val;
    this.input = input;
  }

  get line(): number {
    return lineAt(this.input, this.pos);
  }
}

/** The 1-based line of offset `pos`: one more than the newlines before it. */
export function lineAt(text: string, pos: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const KEY = new Map<string, ItemType>([
  ['block', ItemType.Block], ['break', ItemType.Break], ['continue', ItemType.Continue], ['define', ItemType.Define],
  ['else', ItemType.Else], ['end', ItemType.End], ['if', ItemType.If], ['range', ItemType.Range], ['nil', ItemType.Nil],
  ['template', ItemType.Template], ['with', ItemType.With],
]);

/** Go's %q of an item's text truncated to 10 runes (`%.10q`), as item.String() prints it. */
export function itemString(i: Item): string {
  if (i.typ === ItemType.EOF) return 'EOF';
  if (i.typ === ItemType.Error) return i.val;
  if (i.typ > ItemType.Keyword) return `<${i.val}>`;
  const runes = [...i.val];
  if (runes.length > 10) return goQuote(runes.slice(0, 10).join('')) + '...';
  return goQuote(i.val);
}

const EOF = -1;
const TRIM_MARKER_LEN = 2;

const enum State { Text, LeftDelim, InsideAction, RightDelim, Error, EOF, Done }

function isSpace(r: number): boolean {
  return r === 32 || r === 9 || r === 13 || r === 10;
}

const LETTER_DIGIT = /^[\p{L}\p{Nd}]$/u;
/** ASCII letters, digits and `_`. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
function isAlphaNumeric(r: number): boolean {
  if (r < 0x80) return r >= 0 && ASCII_WORD[r] === 1;
  return LETTER_DIGIT.test(String.fromCodePoint(r));
}

function hasLeftTrimMarker(s: string, i: number): boolean {
  return s.charCodeAt(i) === 45 && isSpace(s.charCodeAt(i + 1));
}

function hasRightTrimMarker(s: string, i: number): boolean {
  return isSpace(s.charCodeAt(i)) && s.charCodeAt(i + 1) === 45;
}

export class Lexer {
  pos = 0;
  start = 0;
  width = 0;
  parenDepth = 0;
  breakOK = true;
  continueOK = true;
  /** Whether a run of spaces inside an action is dropped instead of becoming an item (the parser's nextNonSpace). */
  skipSpace = false;
  private state = State.Text;
  private errMsg = '';
  private readonly rd0: number;
  /** The right delimiter's first UTF-16 unit. */
  private readonly rdUnit: number;

  constructor(
    readonly name: string,
    readonly input: string,
    readonly leftDelim = '{{',
    readonly rightDelim = '}}',
  ) {
    this.rd0 = rightDelim.codePointAt(0) ?? EOF;
    this.rdUnit = rightDelim.charCodeAt(0);
  }

  /** The next item; after EOF or an error, EOF forever. */
  nextItem(): Item {
    for (;;) {
      switch (this.state) {
        case State.Text: {
          const item = this.lexText();
          if (item !== null) return item;
          break;
        }
        case State.LeftDelim: {
          const item = this.lexLeftDelim();
          if (item !== null) return item;
          break;
        }
        case State.InsideAction: {
          const item = this.lexInsideAction();
          if (item !== null) return item;
          break;
        }
        case State.RightDelim: return this.lexRightDelim();
        case State.Error:
          this.state = State.Done;
          return new Item(ItemType.Error, this.start, this.errMsg, this.input);
        case State.EOF:
          this.state = State.Done;
          return this.emit(ItemType.EOF);
        default:
          return new Item(ItemType.EOF, this.pos, '', this.input);
      }
    }
  }

  // ---- Go's lexer primitives ----

  next(): number {
    const input = this.input;
    if (this.pos >= input.length) {
      this.width = 0;
      return EOF;
    }
    const c = input.charCodeAt(this.pos);
    if (c < 0xd800 || c > 0xdbff) {
      this.width = 1;
      this.pos++;
      return c;
    }
    const r = input.codePointAt(this.pos)!;
    this.width = r > 0xffff ? 2 : 1;
    this.pos += this.width;
    return r;
  }

  peek(): number {
    const r = this.next();
    this.pos -= this.width;
    return r;
  }

  backup(): void {
    this.pos -= this.width;
  }

  private emit(t: ItemType): Item {
    const item = new Item(t, this.start, this.input.slice(this.start, this.pos), this.input);
    this.start = this.pos;
    return item;
  }

  /** emit for an item whose text is known (delimiters, punctuation): no slice. */
  private emitText(t: ItemType, val: string): Item {
    const item = new Item(t, this.start, val, this.input);
    this.start = this.pos;
    return item;
  }

  /** Go's errorf: the error item comes next (at the current start), then EOF forever. */
  private errorf(msg: string): null {
    this.errMsg = msg;
    this.state = State.Error;
    return null;
  }

  /** An item, then an error (Go emits both before stopping). */
  private emitThenError(t: ItemType, msg: string): Item {
    const item = this.emit(t);
    this.errorf(msg);
    return item;
  }

  private accept(valid: string): boolean {
    const r = this.next();
    if (r >= 0 && valid.includes(String.fromCodePoint(r))) return true;
    this.backup();
    return false;
  }

  private acceptRun(valid: string): void {
    for (;;) {
      const r = this.next();
      if (r < 0 || !valid.includes(String.fromCodePoint(r))) break;
    }
    this.backup();
  }

  /** Whether a right delimiter (1) or a trim-marked one (2) is at pos; 0 if neither. */
  private atRightDelim(): number {
    const input = this.input;
    // Most positions start neither a delimiter nor a trim marker's space.
    const c = input.charCodeAt(this.pos);
    if (c !== this.rdUnit && c !== 32 && c !== 9 && c !== 13 && c !== 10) return 0;
    if (hasRightTrimMarker(input, this.pos) && input.startsWith(this.rightDelim, this.pos + TRIM_MARKER_LEN)) return 2;
    if (input.startsWith(this.rightDelim, this.pos)) return 1;
    return 0;
  }

  private atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    switch (r) {
      case EOF: case 46: case 44: case 124: case 58: case 41: case 40:
        return true;
    }
    return r === this.rd0;
  }

  // ---- states ----

  private lexText(): Item | null {
    this.width = 0;
    const input = this.input;
    const x = input.indexOf(this.leftDelim, this.pos);
    if (x >= 0) {
      let end = x;
      if (hasLeftTrimMarker(input, x + this.leftDelim.length)) {
        while (end > this.start && isSpace(input.charCodeAt(end - 1))) end--;
      }
      this.state = State.LeftDelim;
      let item: Item | null = null;
      if (end > this.start) {
        this.pos = end;
        item = this.emit(ItemType.Text);
      }
      this.pos = this.start = x;
      return item;
    }
    this.pos = input.length;
    this.state = State.EOF;
    return this.pos > this.start ? this.emit(ItemType.Text) : null;
  }

  private lexLeftDelim(): Item | null {
    const input = this.input;
    this.pos += this.leftDelim.length;
    const afterMarker = hasLeftTrimMarker(input, this.pos) ? TRIM_MARKER_LEN : 0;
    if (input.startsWith('/*', this.pos + afterMarker)) {
      this.pos += afterMarker;
      this.start = this.pos;
      return this.lexComment();
    }
    const item = this.emitText(ItemType.LeftDelim, this.leftDelim);
    this.pos += afterMarker;
    this.start = this.pos;
    this.parenDepth = 0;
    this.state = State.InsideAction;
    return item;
  }

  private lexComment(): null {
    const input = this.input;
    this.pos += 2;
    const i = input.indexOf('*/', this.pos);
    if (i < 0) return this.errorf('unclosed comment');
    this.pos = i + 2;
    const delim = this.atRightDelim();
    if (delim === 0) return this.errorf('comment ends before closing delimiter');
    if (delim === 2) this.pos += TRIM_MARKER_LEN;
    this.pos += this.rightDelim.length;
    if (delim === 2) while (this.pos < input.length && isSpace(input.charCodeAt(this.pos))) this.pos++;
    this.start = this.pos;
    this.state = State.Text;
    return null;
  }

  private lexRightDelim(): Item {
    const input = this.input;
    const trimSpace = hasRightTrimMarker(input, this.pos);
    if (trimSpace) this.start = this.pos += TRIM_MARKER_LEN;
    this.pos += this.rightDelim.length;
    const item = this.emitText(ItemType.RightDelim, this.rightDelim);
    if (trimSpace) {
      while (this.pos < input.length && isSpace(input.charCodeAt(this.pos))) this.pos++;
      this.start = this.pos;
    }
    this.state = State.Text;
    return item;
  }

  private lexInsideAction(): Item | null {
    if (this.atRightDelim() !== 0) {
      if (this.parenDepth === 0) {
        this.state = State.RightDelim;
        return null;
      }
      return this.errorf('unclosed left paren');
    }
    const r = this.next();
    switch (r) {
      case EOF: return this.errorf('unclosed action');
      case 32: case 9: case 13: case 10:
        this.backup();
        return this.lexSpace();
      case 61: return this.emitText(ItemType.Assign, '='); // =
      case 58: // :
        if (this.next() !== 61) return this.errorf('expected :=');
        return this.emitText(ItemType.Declare, ':=');
      case 124: return this.emitText(ItemType.Pipe, '|');
      case 34: return this.lexQuote();
      case 96: return this.lexRawQuote();
      case 36: // $
        if (this.atTerminator()) return this.emit(ItemType.Variable);
        return this.lexFieldOrVariable(ItemType.Variable);
      case 39: return this.lexChar();
      case 46: { // .
        const c = this.pos < this.input.length ? this.input.charCodeAt(this.pos) : 48;
        if (c < 48 || c > 57) return this.lexFieldOrVariable(ItemType.Field);
        this.backup();
        return this.lexNumber();
      }
      case 40:
        this.parenDepth++;
        return this.emitText(ItemType.LeftParen, '(');
      case 41:
        this.parenDepth--;
        if (this.parenDepth < 0) return this.emitThenError(ItemType.RightParen, `unexpected right paren ${goRuneU(r)}`);
        return this.emitText(ItemType.RightParen, ')');
    }
    if (r === 43 || r === 45 || (r >= 48 && r <= 57)) {
      this.backup();
      return this.lexNumber();
    }
    if (isAlphaNumeric(r)) return this.lexIdentifier();
    if (r < 0x80 && r >= 0x20 && r < 0x7f) return this.emit(ItemType.Char);
    return this.errorf(`unrecognized character in action: ${goRuneU(r)}`);
  }

  private lexSpace(): Item | null {
    const input = this.input;
    let numSpaces = 0;
    while (this.pos < input.length && isSpace(input.charCodeAt(this.pos))) {
      this.pos++;
      numSpaces++;
    }
    // A trim-marked right delimiter starts with a space: leave it to lexRightDelim.
    if (hasRightTrimMarker(input, this.pos - 1) && input.startsWith(this.rightDelim, this.pos - 1 + TRIM_MARKER_LEN)) {
      this.pos--;
      if (numSpaces === 1) {
        this.state = State.RightDelim;
        return null;
      }
    }
    if (this.skipSpace) {
      this.start = this.pos;
      return null;
    }
    return this.emit(ItemType.Space);
  }

  /** Consumes letters and digits; returns the rune after them (not consumed). */
  private scanWord(): number {
    const input = this.input;
    const n = input.length;
    let p = this.pos;
    while (p < n) {
      const c = input.charCodeAt(p);
      if (c >= 0x80) break;
      if (ASCII_WORD[c] === 0) {
        this.pos = p;
        return c;
      }
      p++;
    }
    this.pos = p;
    let r: number;
    do r = this.next();
    while (isAlphaNumeric(r));
    this.backup();
    return r;
  }

  private lexIdentifier(): Item | null {
    const r = this.scanWord();
    if (!this.atTerminator()) return this.errorf(`bad character ${goRuneU(r)}`);
    const word = this.input.slice(this.start, this.pos);
    const k = KEY.get(word);
    if (k !== undefined) {
      if ((k === ItemType.Break && !this.breakOK) || (k === ItemType.Continue && !this.continueOK)) return this.emit(ItemType.Identifier);
      return this.emit(k);
    }
    if (word === 'true' || word === 'false') return this.emit(ItemType.Bool);
    return this.emit(ItemType.Identifier);
  }

  /** After `$` or `.` (not at a terminator for `$`): the name, or `.` alone (Dot). */
  private lexFieldOrVariable(typ: ItemType): Item | null {
    if (this.atTerminator()) return this.emit(typ === ItemType.Variable ? ItemType.Variable : ItemType.Dot);
    const r = this.scanWord();
    if (!this.atTerminator()) return this.errorf(`bad character ${goRuneU(r)}`);
    return this.emit(typ);
  }

  private lexChar(): Item | null {
    for (;;) {
      let r = this.next();
      if (r === 92) {
        r = this.next();
        if (r !== EOF && r !== 10) continue;
        return this.errorf('unterminated character constant');
      }
      if (r === EOF || r === 10) return this.errorf('unterminated character constant');
      if (r === 39) break;
    }
    return this.emit(ItemType.CharConstant);
  }

  private lexNumber(): Item | null {
    if (!this.scanNumber()) return this.errorf(`bad number syntax: ${goQuote(this.input.slice(this.start, this.pos))}`);
    const sign = this.peek();
    if (sign === 43 || sign === 45) {
      if (!this.scanNumber() || this.input.charCodeAt(this.pos - 1) !== 105) return this.errorf(`bad number syntax: ${goQuote(this.input.slice(this.start, this.pos))}`);
      return this.emit(ItemType.Complex);
    }
    return this.emit(ItemType.Number);
  }

  private scanNumber(): boolean {
    this.accept('+-');
    let digits = '0123456789_';
    if (this.accept('0')) {
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (this.accept('oO')) digits = '01234567_';
      else if (this.accept('bB')) digits = '01_';
    }
    this.acceptRun(digits);
    if (this.accept('.')) this.acceptRun(digits);
    if (digits.length === 11 && this.accept('eE')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    if (digits.length === 23 && this.accept('pP')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    this.accept('i');
    if (isAlphaNumeric(this.peek())) {
      this.next();
      return false;
    }
    return true;
  }

  private lexQuote(): Item | null {
    const input = this.input;
    const n = input.length;
    let p = this.pos;
    for (;;) {
      if (p >= n) return this.errorf('unterminated quoted string');
      const c = input.charCodeAt(p++);
      if (c === 92) {
        if (p >= n || input.charCodeAt(p) === 10) return this.errorf('unterminated quoted string');
        p++;
      } else if (c === 34) break;
      else if (c === 10) return this.errorf('unterminated quoted string');
    }
    this.pos = p;
    return this.emit(ItemType.String);
  }

  private lexRawQuote(): Item | null {
    const i = this.input.indexOf('`', this.pos);
    if (i < 0) return this.errorf('unterminated raw quoted string');
    this.pos = i + 1;
    return this.emit(ItemType.RawString);
  }
}

/** Go's %#U of a rune: U+0041 'A'. */
export function goRuneU(r: number): string {
  const s = 'U+' + r.toString(16).toUpperCase().padStart(4, '0');
  if (r >= 0x20 && r !== 0x7f && /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(String.fromCodePoint(r))) return `${s} '${String.fromCodePoint(r)}'`;
  return s;
}
