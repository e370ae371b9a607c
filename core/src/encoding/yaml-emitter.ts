/**
 * The part of go-yaml v2's emitter (emitterc.go, a port of libyaml) that yaml.Marshal reaches for
 * interface{} data: block mappings and sequences, `{}` and `[]` for empty ones, and scalars in plain,
 * single-quoted, double-quoted and literal styles with libyaml's analysis of what each style allows and
 * its line folding at 80 columns. Names follow the C/Go originals so the two can be read side by side.
 * Columns count code points, as libyaml's `write` advances one column per character.
 */

import { isBreak, isPrintable, type ScalarAnalysis } from './yaml-analyze.js';

export const enum ScalarStyle {
  Plain,
  SingleQuoted,
  DoubleQuoted,
  Literal,
}

// Indentation strings, made once per width.
const SPACES: string[] = [];
function spaces(n: number): string {
  return (SPACES[n] ??= ' '.repeat(n));
}

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

const SLOW_PLAIN = /[\ud800-\udfff\r\n\u0085\u2028\u2029]/;

const HEXU = '0123456789ABCDEF';

function hexEscape(prefix: string, v: number, digits: number): string {
  let s = prefix;
  for (let k = (digits - 1) * 4; k >= 0; k -= 4) s += HEXU[(v >> k) & 15];
  return s;
}

/** The state of go-yaml's emitter that the output of yaml.Marshal depends on. */
export class Emitter {
  private readonly parts: string[] = [];
  private column = 0;
  private indent = -1;
  private readonly indents: number[] = [];
  private whitespace = true;
  private indention = true;
  private flowLevel = 0;
  private mappingContext = false;
  private simpleKeyContext = false;

  /** yaml_emitter_emit_node's context flags for the next node. */
  context(mapping: boolean, simpleKey: boolean): void {
    this.mappingContext = mapping;
    this.simpleKeyContext = simpleKey;
  }

  private putBreak(): void {
    this.parts.push('\n');
    this.column = 0;
  }

  private writeIndent(): void {
    const indent = this.indent < 0 ? 0 : this.indent;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) {
      this.parts.push(spaces(indent - this.column));
      this.column = indent;
    }
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) {
      this.parts.push(' ');
      this.column++;
    }
    this.parts.push(indicator);
    this.column += indicator.length;
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  /** An empty mapping or sequence: always flow style (`{}` / `[]`). */
  emptyCollection(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, false);
    this.flowLevel++;
    this.flowLevel--;
    this.popIndent();
    this.writeIndicator(close, false, false, false);
  }

  blockSequenceStart(): void {
    this.increaseIndent(false, this.mappingContext && !this.indention);
  }

  /** Writes `-` for the next item; the caller then emits the item in sequence context. */
  blockSequenceItem(): void {
    this.writeIndent();
    this.writeIndicator('-', true, false, true);
  }

  blockEnd(): void {
    this.popIndent();
  }

  blockMappingStart(): void {
    this.increaseIndent(false, false);
  }

  /**
   * A mapping key and its value indicator (emit_block_mapping_key and _value): a simple key is written
   * inline followed by `:`, a multi-line or long key (over 128 bytes) as `? key` then `:` on its own line.
   */
  blockMappingKey(key: string, style: ScalarStyle, analysis: ScalarAnalysis, byteLength: number): void {
    this.writeIndent();
    if (!analysis.multiline && byteLength <= 128) {
      this.context(true, true);
      this.scalar(key, style, analysis);
      this.writeIndicator(':', false, false, false);
    } else {
      this.writeIndicator('?', true, false, true);
      this.context(true, false);
      this.scalar(key, style, analysis);
      this.writeIndent();
      this.writeIndicator(':', true, false, true);
    }
  }

  /** yaml_emitter_emit_scalar: style selection, then the writer for that style. */
  scalar(value: string, requested: ScalarStyle, a: ScalarAnalysis): void {
    let style = requested;
    if (this.simpleKeyContext && a.multiline) style = ScalarStyle.DoubleQuoted;
    if (style === ScalarStyle.Plain) {
      if ((this.flowLevel > 0 && !a.flowPlainAllowed) || (this.flowLevel === 0 && !a.blockPlainAllowed)) {
        style = ScalarStyle.SingleQuoted;
      }
      if (value.length === 0 && (this.flowLevel > 0 || this.simpleKeyContext)) style = ScalarStyle.SingleQuoted;
    }
    if (style === ScalarStyle.SingleQuoted && !a.singleQuotedAllowed) style = ScalarStyle.DoubleQuoted;
    if (style === ScalarStyle.Literal && (!a.blockAllowed || this.flowLevel > 0 || this.simpleKeyContext)) {
      style = ScalarStyle.DoubleQuoted;
    }
    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    switch (style) {
      case ScalarStyle.Plain: this.writePlain(value, allowBreaks); break;
      case ScalarStyle.SingleQuoted: this.writeSingleQuoted(value, allowBreaks); break;
      case ScalarStyle.DoubleQuoted: this.writeDoubleQuoted(value, allowBreaks); break;
      case ScalarStyle.Literal: this.writeLiteral(value); break;
    }
    this.popIndent();
  }

  /** yaml_emitter_emit_document_end for an implicit end; returns the whole output. */
  finish(): string {
    this.writeIndent();
    return this.parts.join('');
  }

  // write_break: '\n' is a line break; other break characters are copied and reset the column.
  private writeBreak(c: number): void {
    if (c === 10) this.putBreak();
    else {
      this.parts.push(String.fromCodePoint(c));
      this.column = 0;
    }
  }

  private writePlain(value: string, allowBreaks: boolean): void {
    if (!this.whitespace) {
      this.parts.push(' ');
      this.column++;
    }
    // Fast path: no line breaks or astral characters, and no space at which the line could fold.
    if (!SLOW_PLAIN.test(value) && (!value.includes(' ') || this.column + value.length <= BEST_WIDTH + 1)) {
      this.parts.push(value);
      this.column += value.length;
      this.whitespace = false;
      this.indention = false;
      return;
    }
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < value.length;) {
      const c = value.codePointAt(i)!;
      const w = c > 0xffff ? 2 : 1;
      if (c === 32) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && value.charCodeAt(i + 1) !== 32) {
          this.writeIndent();
        } else {
          this.parts.push(' ');
          this.column++;
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 10) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.parts.push(value.slice(i, i + w));
        this.column++;
        this.indention = false;
        spaces = false;
        breaks = false;
      }
      i += w;
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    const last = value.length - 1;
    for (let i = 0; i < value.length;) {
      const c = value.codePointAt(i)!;
      const w = c > 0xffff ? 2 : 1;
      if (c === 32) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < last && value.charCodeAt(i + 1) !== 32) {
          this.writeIndent();
        } else {
          this.parts.push(' ');
          this.column++;
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 10) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 39) {
          this.parts.push("'");
          this.column++;
        }
        this.parts.push(value.slice(i, i + w));
        this.column++;
        this.indention = false;
        spaces = false;
        breaks = false;
      }
      i += w;
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(value: string, allowBreaks: boolean): void {
    let spaces = false;
    this.writeIndicator('"', true, false, false);
    const last = value.length - 1;
    // go-yaml's is_bom(value, i) looks at value[0..2] whatever i is: text that starts with a BOM has
    // every character escaped.
    const bom = value.charCodeAt(0) === 0xfeff;
    for (let i = 0; i < value.length;) {
      const c = value.codePointAt(i)!;
      const w = c > 0xffff ? 2 : 1;
      if (bom || !isPrintable(c) || c === 0xfeff || isBreak(c) || c === 34 || c === 92) {
        let esc: string;
        switch (c) {
          case 0x00: esc = '\\0'; break;
          case 0x07: esc = '\\a'; break;
          case 0x08: esc = '\\b'; break;
          case 0x09: esc = '\\t'; break;
          case 0x0a: esc = '\\n'; break;
          case 0x0b: esc = '\\v'; break;
          case 0x0c: esc = '\\f'; break;
          case 0x0d: esc = '\\r'; break;
          case 0x1b: esc = '\\e'; break;
          case 0x22: esc = '\\"'; break;
          case 0x5c: esc = '\\\\'; break;
          case 0x85: esc = '\\N'; break;
          case 0xa0: esc = '\\_'; break;
          case 0x2028: esc = '\\L'; break;
          case 0x2029: esc = '\\P'; break;
          default:
            esc = c <= 0xff ? hexEscape('\\x', c, 2) : c <= 0xffff ? hexEscape('\\u', c, 4) : hexEscape('\\U', c, 8);
        }
        this.parts.push(esc);
        this.column += esc.length;
        spaces = false;
      } else if (c === 32) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < last) {
          this.writeIndent();
          if (value.charCodeAt(i + 1) === 32) {
            this.parts.push('\\');
            this.column++;
          }
        } else {
          this.parts.push(' ');
          this.column++;
        }
        spaces = true;
      } else {
        this.parts.push(value.slice(i, i + w));
        this.column++;
        spaces = false;
      }
      i += w;
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  // yaml_emitter_write_block_scalar_hints: an indentation digit when the text starts with a space or
  // break, then `-` (strip) without a final break, `+` (keep) with more than one, nothing (clip) for one.
  private writeBlockScalarHints(value: string): void {
    const first = value.codePointAt(0);
    if (first !== undefined && (first === 32 || isBreak(first))) {
      this.writeIndicator(String(BEST_INDENT), false, false, false);
    }
    let chomp = '';
    if (value.length === 0) chomp = '-';
    else {
      const lastC = value.codePointAt(value.length - 1)!;
      if (!isBreak(lastC)) chomp = '-';
      else if (value.length === 1) chomp = '+';
      else if (isBreak(value.codePointAt(value.length - 2)!)) chomp = '+';
    }
    if (chomp) this.writeIndicator(chomp, false, false, false);
  }

  private writeLiteral(value: string): void {
    this.writeIndicator('|', true, false, false);
    this.writeBlockScalarHints(value);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    let i = 0;
    const n = value.length;
    while (i < n) {
      const c = value.charCodeAt(i);
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
        i++;
        continue;
      }
      if (breaks) this.writeIndent();
      // Copy the rest of the line in one piece.
      let j = i;
      let cols = 0;
      while (j < n) {
        const d = value.charCodeAt(j);
        if (isBreak(d)) break;
        if (d >= 0xd800 && d <= 0xdbff && j + 1 < n) j++;
        j++;
        cols++;
      }
      this.parts.push(value.slice(i, j));
      this.column += cols;
      this.indention = false;
      breaks = false;
      i = j;
    }
  }
}
