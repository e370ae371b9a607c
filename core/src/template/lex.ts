/**
 * The lexer of Go's text/template (parse/lex.go, Go 1.18): a state-function machine over the input.
 * Trim markers (`{{- ` and ` -}}`) are handled here, entirely. Items are produced on demand, one
 * `nextItem` at a time, so the parser stops lexing at its first error.
 */
import { quote as goQuote } from './strconv.js';

export const enum ItemType {
  Error, Bool, Char, CharConstant, Comment, Complex, Assign, Declare, EOF, Field, Identifier, LeftDelim,
  LeftParen, Number, Pipe, RawString, RightDelim, RightParen, Space, String, Text, Variable,
  Keyword, // keywords follow
  Block, Break, Continue, Dot, Define, Else, End, If, Nil, Range, Template, With,
}

export interface Item {
  typ: ItemType;
  pos: number;
  val: string;
  line: number;
}

const KEY: Record<string, ItemType> = {
  '.': ItemType.Dot, block: ItemType.Block, break: ItemType.Break, continue: ItemType.Continue,
  define: ItemType.Define, else: ItemType.Else, end: ItemType.End, if: ItemType.If, range: ItemType.Range,
  nil: ItemType.Nil, template: ItemType.Template, with: ItemType.With,
};

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
const LEFT_COMMENT = '/*';
const RIGHT_COMMENT = '*/';
const TRIM_MARKER_LEN = 2;

type StateFn = ((l: Lexer) => StateFn) | null;

function isSpace(r: number): boolean {
  return r === 32 || r === 9 || r === 13 || r === 10;
}

const LETTER_DIGIT = /^[\p{L}\p{Nd}]$/u;
function isAlphaNumeric(r: number): boolean {
  if (r < 0) return false;
  if (r < 0x80) return r === 95 || (r >= 48 && r <= 57) || (r >= 65 && r <= 90) || (r >= 97 && r <= 122);
  return LETTER_DIGIT.test(String.fromCodePoint(r));
}

function hasLeftTrimMarker(s: string, i: number): boolean {
  return s.length - i >= 2 && s.charCodeAt(i) === 45 && isSpace(s.charCodeAt(i + 1));
}

function hasRightTrimMarker(s: string, i: number): boolean {
  return s.length - i >= 2 && isSpace(s.charCodeAt(i)) && s.charCodeAt(i + 1) === 45;
}

function trimRightLen(s: string, start: number, end: number): number {
  let i = end;
  while (i > start && isSpace(s.charCodeAt(i - 1))) i--;
  return end - i;
}

function countNewlines(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', start); i >= 0 && i < end; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

export class Lexer {
  pos = 0;
  start = 0;
  width = 0;
  line = 1;
  startLine = 1;
  parenDepth = 0;
  breakOK = true;
  continueOK = true;
  private state: StateFn = lexText;
  private items: Item[] = [];
  private head = 0;

  constructor(
    readonly name: string,
    readonly input: string,
    readonly leftDelim = '{{',
    readonly rightDelim = '}}',
  ) {}

  /** The next item; after EOF or an error, EOF forever. */
  nextItem(): Item {
    while (this.head >= this.items.length) {
      if (this.state === null) return { typ: ItemType.EOF, pos: this.pos, val: '', line: this.line };
      if (this.items.length !== 0) this.items = [];
      this.head = 0;
      this.state = this.state(this);
    }
    return this.items[this.head++]!;
  }

  next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos)!;
    this.width = r > 0xffff ? 2 : 1;
    this.pos += this.width;
    if (r === 10) this.line++;
    return r;
  }

  peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  backup(): void {
    this.pos -= this.width;
    if (this.width === 1 && this.input.charCodeAt(this.pos) === 10) this.line--;
  }

  emit(t: ItemType): void {
    this.items.push({ typ: t, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine });
    this.start = this.pos;
    this.startLine = this.line;
  }

  ignore(): void {
    this.line += countNewlines(this.input, this.start, this.pos);
    this.start = this.pos;
    this.startLine = this.line;
  }

  accept(valid: string): boolean {
    const r = this.next();
    if (r >= 0 && valid.includes(String.fromCodePoint(r))) return true;
    this.backup();
    return false;
  }

  acceptRun(valid: string): void {
    for (;;) {
      const r = this.next();
      if (r < 0 || !valid.includes(String.fromCodePoint(r))) break;
    }
    this.backup();
  }

  errorf(msg: string): StateFn {
    this.items.push({ typ: ItemType.Error, pos: this.start, val: msg, line: this.startLine });
    return null;
  }

  atRightDelim(): [boolean, boolean] {
    if (hasRightTrimMarker(this.input, this.pos) && this.input.startsWith(this.rightDelim, this.pos + TRIM_MARKER_LEN)) return [true, true];
    if (this.input.startsWith(this.rightDelim, this.pos)) return [true, false];
    return [false, false];
  }

  atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    switch (r) {
      case EOF: case 46: case 44: case 124: case 58: case 41: case 40:
        return true;
    }
    return r === this.rightDelim.codePointAt(0);
  }
}

function lexText(l: Lexer): StateFn {
  l.width = 0;
  const x = l.input.indexOf(l.leftDelim, l.pos);
  if (x >= 0) {
    const ldn = l.leftDelim.length;
    l.pos = x;
    let trimLength = 0;
    if (hasLeftTrimMarker(l.input, l.pos + ldn)) trimLength = trimRightLen(l.input, l.start, l.pos);
    l.pos -= trimLength;
    if (l.pos > l.start) {
      l.line += countNewlines(l.input, l.start, l.pos);
      l.emit(ItemType.Text);
    }
    l.pos += trimLength;
    l.ignore();
    return lexLeftDelim;
  }
  l.pos = l.input.length;
  if (l.pos > l.start) {
    l.line += countNewlines(l.input, l.start, l.pos);
    l.emit(ItemType.Text);
  }
  l.emit(ItemType.EOF);
  return null;
}

function lexLeftDelim(l: Lexer): StateFn {
  l.pos += l.leftDelim.length;
  const trimSpace = hasLeftTrimMarker(l.input, l.pos);
  const afterMarker = trimSpace ? TRIM_MARKER_LEN : 0;
  if (l.input.startsWith(LEFT_COMMENT, l.pos + afterMarker)) {
    l.pos += afterMarker;
    l.ignore();
    return lexComment;
  }
  l.emit(ItemType.LeftDelim);
  l.pos += afterMarker;
  l.ignore();
  l.parenDepth = 0;
  return lexInsideAction;
}

function lexComment(l: Lexer): StateFn {
  l.pos += LEFT_COMMENT.length;
  const i = l.input.indexOf(RIGHT_COMMENT, l.pos);
  if (i < 0) return l.errorf('unclosed comment');
  l.pos = i + RIGHT_COMMENT.length;
  const [delim, trimSpace] = l.atRightDelim();
  if (!delim) return l.errorf('comment ends before closing delimiter');
  if (trimSpace) l.pos += TRIM_MARKER_LEN;
  l.pos += l.rightDelim.length;
  if (trimSpace) while (l.pos < l.input.length && isSpace(l.input.charCodeAt(l.pos))) l.pos++;
  l.ignore();
  return lexText;
}

function lexRightDelim(l: Lexer): StateFn {
  const trimSpace = hasRightTrimMarker(l.input, l.pos);
  if (trimSpace) {
    l.pos += TRIM_MARKER_LEN;
    l.ignore();
  }
  l.pos += l.rightDelim.length;
  l.emit(ItemType.RightDelim);
  if (trimSpace) {
    while (l.pos < l.input.length && isSpace(l.input.charCodeAt(l.pos))) l.pos++;
    l.ignore();
  }
  return lexText;
}

function lexInsideAction(l: Lexer): StateFn {
  const [delim] = l.atRightDelim();
  if (delim) {
    if (l.parenDepth === 0) return lexRightDelim;
    return l.errorf('unclosed left paren');
  }
  const r = l.next();
  if (r === EOF) return l.errorf('unclosed action');
  if (isSpace(r)) {
    l.backup();
    return lexSpace;
  }
  switch (r) {
    case 61: l.emit(ItemType.Assign); return lexInsideAction; // =
    case 58: // :
      if (l.next() !== 61) return l.errorf('expected :=');
      l.emit(ItemType.Declare);
      return lexInsideAction;
    case 124: l.emit(ItemType.Pipe); return lexInsideAction;
    case 34: return lexQuote;
    case 96: return lexRawQuote;
    case 36: return lexVariable;
    case 39: return lexChar;
    case 46: // .
      if (l.pos < l.input.length) {
        const c = l.input.charCodeAt(l.pos);
        if (c < 48 || c > 57) return lexField;
      }
      l.backup();
      return lexNumber;
    case 40:
      l.emit(ItemType.LeftParen);
      l.parenDepth++;
      return lexInsideAction;
    case 41:
      l.emit(ItemType.RightParen);
      l.parenDepth--;
      if (l.parenDepth < 0) return l.errorf(`unexpected right paren ${goRuneU(r)}`);
      return lexInsideAction;
  }
  if (r === 43 || r === 45 || (r >= 48 && r <= 57)) {
    l.backup();
    return lexNumber;
  }
  if (isAlphaNumeric(r)) {
    l.backup();
    return lexIdentifier;
  }
  if (r < 0x80 && r >= 0x20 && r < 0x7f) {
    l.emit(ItemType.Char);
    return lexInsideAction;
  }
  return l.errorf(`unrecognized character in action: ${goRuneU(r)}`);
}

/** Go's %#U of a rune: U+0041 'A'. */
export function goRuneU(r: number): string {
  const s = 'U+' + r.toString(16).toUpperCase().padStart(4, '0');
  if (r >= 0x20 && r !== 0x7f && /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(String.fromCodePoint(r))) return `${s} '${String.fromCodePoint(r)}'`;
  return s;
}

function lexSpace(l: Lexer): StateFn {
  let numSpaces = 0;
  while (isSpace(l.peek())) {
    l.next();
    numSpaces++;
  }
  if (hasRightTrimMarker(l.input, l.pos - 1) && l.input.startsWith(l.rightDelim, l.pos - 1 + TRIM_MARKER_LEN)) {
    l.backup();
    if (numSpaces === 1) return lexRightDelim;
  }
  l.emit(ItemType.Space);
  return lexInsideAction;
}

function lexIdentifier(l: Lexer): StateFn {
  for (;;) {
    const r = l.next();
    if (isAlphaNumeric(r)) continue;
    l.backup();
    const word = l.input.slice(l.start, l.pos);
    if (!l.atTerminator()) return l.errorf(`bad character ${goRuneU(r)}`);
    const k = KEY[word];
    if (k !== undefined && k > ItemType.Keyword) {
      if ((k === ItemType.Break && !l.breakOK) || (k === ItemType.Continue && !l.continueOK)) l.emit(ItemType.Identifier);
      else l.emit(k);
    } else if (word[0] === '.') l.emit(ItemType.Field);
    else if (word === 'true' || word === 'false') l.emit(ItemType.Bool);
    else l.emit(ItemType.Identifier);
    return lexInsideAction;
  }
}

function lexField(l: Lexer): StateFn {
  return lexFieldOrVariable(l, ItemType.Field);
}

function lexVariable(l: Lexer): StateFn {
  if (l.atTerminator()) {
    l.emit(ItemType.Variable);
    return lexInsideAction;
  }
  return lexFieldOrVariable(l, ItemType.Variable);
}

function lexFieldOrVariable(l: Lexer, typ: ItemType): StateFn {
  if (l.atTerminator()) {
    l.emit(typ === ItemType.Variable ? ItemType.Variable : ItemType.Dot);
    return lexInsideAction;
  }
  let r: number;
  for (;;) {
    r = l.next();
    if (!isAlphaNumeric(r)) {
      l.backup();
      break;
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${goRuneU(r)}`);
  l.emit(typ);
  return lexInsideAction;
}

function lexChar(l: Lexer): StateFn {
  for (;;) {
    let r = l.next();
    if (r === 92) {
      r = l.next();
      if (r !== EOF && r !== 10) continue;
      return l.errorf('unterminated character constant');
    }
    if (r === EOF || r === 10) return l.errorf('unterminated character constant');
    if (r === 39) break;
  }
  l.emit(ItemType.CharConstant);
  return lexInsideAction;
}

function lexNumber(l: Lexer): StateFn {
  if (!scanNumber(l)) return l.errorf(`bad number syntax: ${goQuote(l.input.slice(l.start, l.pos))}`);
  const sign = l.peek();
  if (sign === 43 || sign === 45) {
    if (!scanNumber(l) || l.input[l.pos - 1] !== 'i') return l.errorf(`bad number syntax: ${goQuote(l.input.slice(l.start, l.pos))}`);
    l.emit(ItemType.Complex);
  } else l.emit(ItemType.Number);
  return lexInsideAction;
}

function scanNumber(l: Lexer): boolean {
  l.accept('+-');
  let digits = '0123456789_';
  if (l.accept('0')) {
    if (l.accept('xX')) digits = '0123456789abcdefABCDEF_';
    else if (l.accept('oO')) digits = '01234567_';
    else if (l.accept('bB')) digits = '01_';
  }
  l.acceptRun(digits);
  if (l.accept('.')) l.acceptRun(digits);
  if (digits.length === 11 && l.accept('eE')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  if (digits.length === 23 && l.accept('pP')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  l.accept('i');
  if (isAlphaNumeric(l.peek())) {
    l.next();
    return false;
  }
  return true;
}

function lexQuote(l: Lexer): StateFn {
  for (;;) {
    let r = l.next();
    if (r === 92) {
      r = l.next();
      if (r !== EOF && r !== 10) continue;
      return l.errorf('unterminated quoted string');
    }
    if (r === EOF || r === 10) return l.errorf('unterminated quoted string');
    if (r === 34) break;
  }
  l.emit(ItemType.String);
  return lexInsideAction;
}

function lexRawQuote(l: Lexer): StateFn {
  for (;;) {
    const r = l.next();
    if (r === EOF) return l.errorf('unterminated raw quoted string');
    if (r === 96) break;
  }
  l.emit(ItemType.RawString);
  return lexInsideAction;
}
