/**
 * Go's fmt package over the value model: Sprint, Sprintln, Sprintf and the %v formatting of every value,
 * ported from fmt/print.go and fmt/format.go (Go 1.18), including Go's error forms (`%!d(string=hi)`,
 * `%!(EXTRA ...)`, `%!s(MISSING)`).
 */
import { GoNamedList, GoNamedMap, GoNumber, GoStruct, isGoMap, sortedKeys, typeName, type GoMap, type GoValue } from './value.js';
import { canBackquote, formatFloat, quote, quoteRune } from './strconv.js';

const utf8 = new TextEncoder();

function runeCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00) n--;
  }
  return n;
}

function isUnsigned(t: string): boolean {
  return t.startsWith('uint');
}

/**
 * The Stringer/error method of a struct or named type, if it has one. A method with a pointer receiver
 * (listed in the class's static `pointerReceiverMethods`) is not in a non-pointer value's method set: fmt
 * skips it unless the value is addressable (text/template printing a field takes its address).
 */
export function stringMethod(v: GoStruct | GoNamedMap | GoNamedList, addressable = false): (() => string) | undefined {
  const o = v as unknown as Record<string, unknown>;
  const name = typeof o['Error'] === 'function' ? 'Error' : 'String';
  const f = o[name];
  if (typeof f !== 'function' || f.length !== 0) return undefined;
  const ptrOnly = (v.constructor as { pointerReceiverMethods?: ReadonlySet<string> }).pointerReceiverMethods;
  if (ptrOnly?.has(name) && !v.goType.startsWith('*') && !addressable) return undefined;
  return () => String((f as () => unknown).call(v));
}

/** Go's fmt state for one Sprint/Sprintf call. */
class Printer {
  buf = '';
  // fmt flags
  plus = false;
  minus = false;
  sharp = false;
  space = false;
  zero = false;
  plusV = false;
  sharpV = false;
  wid = 0;
  prec = 0;
  widPresent = false;
  precPresent = false;
  /** text/template prints a pointer to a struct as the struct (printableValue indirects). */
  derefTop = false;
  /** The top value is addressable (its pointer-receiver methods count), see formatPrintable. */
  addressableTop = false;
  private goodArgNum = true;
  private reordered = false;

  clearflags(): void {
    this.plus = this.minus = this.sharp = this.space = this.zero = this.plusV = this.sharpV = false;
    this.wid = this.prec = 0;
    this.widPresent = this.precPresent = false;
  }

  private writePadding(n: number): void {
    if (n <= 0) return;
    this.buf += (this.zero ? '0' : ' ').repeat(n);
  }

  pad(s: string): void {
    if (!this.widPresent || this.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.wid - runeCount(s);
    if (!this.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      const z = this.zero;
      this.zero = false;
      this.writePadding(width);
      this.zero = z;
    }
  }

  private truncate(s: string): string {
    if (this.precPresent) {
      let n = 0;
      let i = 0;
      for (const ch of s) {
        if (n === this.prec) return s.slice(0, i);
        n++;
        i += ch.length;
      }
    }
    return s;
  }

  fmtS(s: string): void {
    this.pad(this.truncate(s));
  }

  private fmtSbx(bytes: Uint8Array, digits: string): void {
    let length = bytes.length;
    if (this.precPresent && this.prec < length) length = this.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.space) {
        if (this.sharp) width *= 2;
        width += length - 1;
      } else if (this.sharp) width += 2;
    } else {
      if (this.widPresent) this.writePadding(this.wid);
      return;
    }
    if (this.widPresent && this.wid > width && !this.minus) this.writePadding(this.wid - width);
    let out = '';
    const x = digits === 'X' ? '0X' : '0x';
    if (this.sharp) out += x;
    for (let i = 0; i < length; i++) {
      if (this.space && i > 0) {
        out += ' ';
        if (this.sharp) out += x;
      }
      const h = bytes[i]!.toString(16).padStart(2, '0');
      out += digits === 'X' ? h.toUpperCase() : h;
    }
    this.buf += out;
    if (this.widPresent && this.wid > width && this.minus) this.writePadding(this.wid - width);
  }

  fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.sharp && canBackquote(s)) this.pad('`' + s + '`');
    else this.pad(quote(s, this.plus));
  }

  fmtInteger(u: bigint, base: number, verb: string, upper: boolean): void {
    const negative = u < 0n;
    if (negative) u = -u;
    let prec = 0;
    if (this.precPresent) {
      prec = this.prec;
      if (prec === 0 && u === 0n) {
        const z = this.zero;
        this.zero = false;
        this.writePadding(this.wid);
        this.zero = z;
        return;
      }
    } else if (this.zero && this.widPresent) {
      prec = this.wid;
      if (negative || this.plus || this.space) prec--;
    }
    let s = u.toString(base);
    if (upper) s = s.toUpperCase();
    if (s.length < prec) s = '0'.repeat(prec - s.length) + s;
    if (this.sharp) {
      if (base === 2) s = '0b' + s;
      else if (base === 8) { if (s[0] !== '0') s = '0' + s; }
      else if (base === 16) s = (upper ? '0X' : '0x') + s;
    }
    if (verb === 'O') s = '0o' + s;
    if (negative) s = '-' + s;
    else if (this.plus) s = '+' + s;
    else if (this.space) s = ' ' + s;
    const z = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = z;
  }

  fmtFloatStr(v: number, size: number, verb: string, prec: number): void {
    if (this.precPresent) prec = this.prec;
    let num = formatFloat(v, verb === 'F' ? 'f' : verb, prec, size);
    if (num[0] !== '-' && num[0] !== '+') num = '+' + num;
    if (this.space && num[0] === '+' && !this.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      const z = this.zero;
      this.zero = false;
      if (num[1] === 'N' && !this.space && !this.plus) num = num.slice(1);
      this.pad(num);
      this.zero = z;
      return;
    }
    if (this.sharp && verb !== 'b') {
      let digits = 0;
      switch (verb) {
        case 'v': case 'g': case 'G': case 'x':
          digits = prec;
          if (digits === -1) digits = 6;
      }
      let tail = '';
      let body = num;
      const ei = Math.max(num.indexOf('e'), num.indexOf('E'));
      if (ei >= 0) {
        tail = num.slice(ei);
        body = num.slice(0, ei);
      }
      let sawNonzero = false;
      let hasDot = false;
      for (let i = 1; i < body.length; i++) {
        const c = body[i]!;
        if (c === '.') hasDot = true;
        else if (c >= '0' && c <= '9') {
          if (c !== '0') sawNonzero = true;
          if (sawNonzero) digits--;
        }
      }
      if (!hasDot) {
        if (body.length === 2 && body[1] === '0') digits--;
        body += '.';
      }
      while (digits > 0) {
        body += '0';
        digits--;
      }
      num = body + tail;
    }
    if (this.plus || num[0] !== '+') {
      if (this.zero && this.widPresent && this.wid > num.length) {
        this.buf += num[0];
        this.writePadding(this.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  // ---- print.go ----

  badVerb(verb: string, arg: GoValue, hasArg: boolean): void {
    this.buf += '%!' + verb + '(';
    if (hasArg && arg !== null && arg !== undefined) {
      this.buf += typeName(arg) + '=';
      this.printArg(arg, 'v');
    } else this.buf += '<nil>';
    this.buf += ')';
  }

  private fmtBool(v: boolean, verb: string): void {
    if (verb === 't' || verb === 'v') this.pad(v ? 'true' : 'false');
    else this.badVerb(verb, v, true);
  }

  private fmtIntegerVerb(v: bigint, unsigned: boolean, verb: string, arg: GoValue): void {
    switch (verb) {
      case 'v':
        if (this.sharpV && unsigned) { this.sharp = true; this.fmtInteger(v, 16, 'v', false); this.sharp = false; }
        else this.fmtInteger(v, 10, verb, false);
        return;
      case 'd': return this.fmtInteger(v, 10, verb, false);
      case 'b': return this.fmtInteger(v, 2, verb, false);
      case 'o': case 'O': return this.fmtInteger(v, 8, verb, false);
      case 'x': return this.fmtInteger(v, 16, verb, false);
      case 'X': return this.fmtInteger(v, 16, verb, true);
      case 'c': return this.pad(runeString(v));
      case 'q': return this.pad(quoteRune(runeOf(v), this.plus));
      case 'U': {
        let s = 'U+' + v.toString(16).toUpperCase().padStart(4, '0');
        if (v < 0n) s = 'U+' + (BigInt.asUintN(64, v)).toString(16).toUpperCase();
        if (this.precPresent && this.prec > 4) s = 'U+' + v.toString(16).toUpperCase().padStart(this.prec, '0');
        if (this.sharp && v >= 0n && v <= 0x10ffffn && isPrintRune(Number(v))) s += " '" + String.fromCodePoint(Number(v)) + "'";
        const z = this.zero;
        this.zero = false;
        this.pad(s);
        this.zero = z;
        return;
      }
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 's': case 't': case 'T': default:
        return this.badVerb(verb, arg, true);
    }
  }

  private fmtFloatVerb(v: number, size: number, verb: string, arg: GoValue): void {
    switch (verb) {
      case 'v': return this.fmtFloatStr(v, size, 'g', -1);
      case 'b': case 'g': case 'G': case 'x': case 'X':
        return this.fmtFloatStr(v, size, verb, -1);
      case 'f': case 'e': case 'E': case 'F': return this.fmtFloatStr(v, size, verb, 6);
      default: return this.badVerb(verb, arg, true);
    }
  }

  private fmtString(v: string, verb: string): void {
    switch (verb) {
      case 'v': return this.sharpV ? this.fmtQ(v) : this.fmtS(v);
      case 's': return this.fmtS(v);
      case 'x': return this.fmtSbx(utf8.encode(v), 'x');
      case 'X': return this.fmtSbx(utf8.encode(v), 'X');
      case 'q': return this.fmtQ(v);
      default: return this.badVerb(verb, v, true);
    }
  }

  private fmtBytes(v: Uint8Array, verb: string, depth: number): void {
    switch (verb) {
      case 'v': case 'd':
        this.buf += '[';
        for (let i = 0; i < v.length; i++) {
          if (i > 0) this.buf += ' ';
          this.fmtInteger(BigInt(v[i]!), 10, verb, false);
        }
        this.buf += ']';
        return;
      case 's': return this.fmtS(new TextDecoder('utf-8', { ignoreBOM: true }).decode(v));
      case 'x': return this.fmtSbx(v, 'x');
      case 'X': return this.fmtSbx(v, 'X');
      case 'q': return this.fmtQ(new TextDecoder('utf-8', { ignoreBOM: true }).decode(v));
      default: {
        this.buf += '[';
        for (let i = 0; i < v.length; i++) {
          if (i > 0) this.buf += ' ';
          this.printValue(new GoNumber('uint8', BigInt(v[i]!)), verb, depth + 1);
        }
        this.buf += ']';
      }
    }
  }

  printArg(arg: GoValue, verb: string): void {
    if (arg === null || arg === undefined) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb, arg, false);
      return;
    }
    if (verb === 'T') return this.fmtS(typeName(arg));
    if (verb === 'p') {
      this.buf += '%!p(' + typeName(arg) + '=';
      this.printValue(arg, 'v', 0);
      this.buf += ')';
      return;
    }
    this.printValue(arg, verb, 0);
  }

  printValue(v: GoValue, verb: string, depth: number): void {
    switch (typeof v) {
      case 'string': return this.fmtString(v, verb);
      case 'number': return this.fmtFloatVerb(v, 64, verb, v);
      case 'bigint': return this.fmtIntegerVerb(v, false, verb, v);
      case 'boolean': return this.fmtBool(v, verb);
      case 'undefined':
        if (depth === 0) this.buf += '<invalid reflect.Value>';
        else if (verb === 'v') this.buf += '<nil>';
        else this.badVerb(verb, v, false);
        return;
      case 'function':
        this.buf += verb === 'v' || verb === 'p' ? '0x1' : '%!' + verb + '(' + typeName(v) + '=0x1)';
        return;
    }
    if (v === null) {
      // A nil interface inside a map, slice or struct.
      this.buf += this.sharpV ? 'interface {}(nil)' : '<nil>';
      return;
    }
    if (this.sharpV && (Array.isArray(v) || isGoMap(v))) {
      this.buf += typeName(v) + '{';
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          if (i > 0) this.buf += ', ';
          this.printValue(v[i], verb, depth + 1);
        }
      } else {
        let i = 0;
        for (const k of sortedKeys(v)) {
          if (i++ > 0) this.buf += ', ';
          this.printValue(k, verb, depth + 1);
          this.buf += ':';
          this.printValue(v[k], verb, depth + 1);
        }
      }
      this.buf += '}';
      return;
    }
    if (v instanceof GoNumber) {
      if (v.type === 'float32') return this.fmtFloatVerb(Number(v.value), 32, verb, v);
      return this.fmtIntegerVerb(BigInt(v.value), isUnsigned(v.type), verb, v);
    }
    if (v instanceof Uint8Array) return this.fmtBytes(v, verb, depth);
    if (Array.isArray(v)) {
      this.buf += '[';
      for (let i = 0; i < v.length; i++) {
        if (i > 0) this.buf += ' ';
        this.printValue(v[i], verb, depth + 1);
      }
      this.buf += ']';
      return;
    }
    if (v instanceof GoStruct) {
      // %#v wants GoStringer only: Error and String are not consulted.
      if (!this.sharpV && (verb === 'v' || verb === 's' || verb === 'q' || verb === 'x' || verb === 'X')) {
        const m = stringMethod(v, depth === 0 && this.addressableTop);
        if (m) return this.fmtString(m(), verb);
      }
      const ptr = v.goType.startsWith('*');
      if (ptr && !(depth === 0 && this.derefTop)) {
        if (depth > 0) {
          this.buf += this.sharpV ? `(${v.goType})(0xc000010000)` : '0xc000010000';
          return;
        }
        this.buf += '&';
      }
      if (this.sharpV) this.buf += ptr ? v.goType.slice(1) : v.goType;
      this.buf += '{';
      let i = 0;
      for (const k of Object.keys(v)) {
        // Go fields are exported names; other JS properties are implementation details.
        const c = k.charCodeAt(0);
        if (c < 65 || c > 90) continue;
        if (i++ > 0) this.buf += this.sharpV ? ', ' : ' ';
        if (this.plusV || this.sharpV) this.buf += k + ':';
        this.printValue((v as unknown as Record<string, GoValue>)[k], verb, depth + 1);
      }
      this.buf += '}';
      return;
    }
    if (v instanceof GoNamedList || v instanceof GoNamedMap) {
      if (verb === 'v' || verb === 's' || verb === 'q' || verb === 'x' || verb === 'X') {
        const sm = stringMethod(v);
        if (sm) return this.fmtString(sm(), verb);
      }
      if (v instanceof GoNamedList) return this.printValue(v.items(), verb, depth);
    }
    const m: GoMap = v instanceof GoNamedMap ? v.entries() : v;
    this.buf += 'map[';
    let i = 0;
    for (const k of sortedKeys(m)) {
      if (i++ > 0) this.buf += ' ';
      this.printValue(k, verb, depth + 1);
      this.buf += ':';
      this.printValue(m[k], verb, depth + 1);
    }
    this.buf += ']';
  }

  doPrintf(format: string, a: GoValue[]): void {
    const end = format.length;
    let argNum = 0;
    let afterIndex = false;
    this.reordered = false;
    let i = 0;
    formatLoop: while (i < end) {
      this.goodArgNum = true;
      const lasti = i;
      while (i < end && format.charCodeAt(i) !== 37) i++;
      if (i > lasti) this.buf += format.slice(lasti, i);
      if (i >= end) break;
      i++;
      this.clearflags();
      simple: for (; i < end; i++) {
        const c = format[i]!;
        switch (c) {
          case '#': this.sharp = true; break;
          case '0': this.zero = !this.minus; break;
          case '+': this.plus = true; break;
          case '-': this.minus = true; this.zero = false; break;
          case ' ': this.space = true; break;
          default:
            if (c >= 'a' && c <= 'z' && argNum < a.length) {
              if (c === 'v') {
                this.sharpV = this.sharp;
                this.sharp = false;
                this.plusV = this.plus;
                this.plus = false;
              }
              this.printArg(a[argNum], c);
              argNum++;
              i++;
              continue formatLoop;
            }
            break simple;
        }
      }
      [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
      if (i < end && format[i] === '*') {
        i++;
        [this.wid, this.widPresent, argNum] = intFromArg(a, argNum);
        if (!this.widPresent) this.buf += '%!(BADWIDTH)';
        if (this.wid < 0) {
          this.wid = -this.wid;
          this.minus = true;
          this.zero = false;
        }
        afterIndex = false;
      } else {
        [this.wid, this.widPresent, i] = parsenum(format, i, end);
        if (afterIndex && this.widPresent) this.goodArgNum = false;
      }
      if (i + 1 < end && format[i] === '.') {
        i++;
        if (afterIndex) this.goodArgNum = false;
        [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
        if (i < end && format[i] === '*') {
          i++;
          [this.prec, this.precPresent, argNum] = intFromArg(a, argNum);
          if (this.prec < 0) {
            this.prec = 0;
            this.precPresent = false;
          }
          if (!this.precPresent) this.buf += '%!(BADPREC)';
          afterIndex = false;
        } else {
          [this.prec, this.precPresent, i] = parsenum(format, i, end);
          if (!this.precPresent) {
            this.prec = 0;
            this.precPresent = true;
          }
        }
      }
      if (!afterIndex) [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
      if (i >= end) {
        this.buf += '%!(NOVERB)';
        break;
      }
      const cp = format.codePointAt(i)!;
      const verb = String.fromCodePoint(cp);
      i += verb.length;
      if (verb === '%') this.buf += '%';
      else if (!this.goodArgNum) this.buf += '%!' + verb + '(BADINDEX)';
      else if (argNum >= a.length) this.buf += '%!' + verb + '(MISSING)';
      else {
        if (verb === 'v') {
          this.sharpV = this.sharp;
          this.sharp = false;
          this.plusV = this.plus;
          this.plus = false;
        }
        this.printArg(a[argNum], verb);
        argNum++;
      }
    }
    if (!this.reordered && argNum < a.length) {
      this.clearflags();
      this.buf += '%!(EXTRA ';
      for (let k = argNum; k < a.length; k++) {
        if (k > argNum) this.buf += ', ';
        const arg = a[k];
        if (arg === null || arg === undefined) this.buf += '<nil>';
        else {
          this.buf += typeName(arg) + '=';
          this.printArg(arg, 'v');
        }
      }
      this.buf += ')';
    }
  }

  private argNumber(argNum: number, format: string, i: number, numArgs: number): [number, number, boolean] {
    if (format.length <= i || format[i] !== '[') return [argNum, i, false];
    this.reordered = true;
    const [index, wid, ok] = parseArgNumber(format.slice(i));
    if (ok && index >= 0 && index < numArgs) return [index, i + wid, true];
    this.goodArgNum = false;
    return [argNum, i + wid, ok];
  }
}

function parseArgNumber(format: string): [number, number, boolean] {
  if (format.length < 3) return [0, 1, false];
  for (let i = 1; i < format.length; i++) {
    if (format[i] === ']') {
      const [width, ok, newi] = parsenum(format, 1, i);
      if (!ok || newi !== i) return [0, i + 1, false];
      return [width - 1, i + 1, true];
    }
  }
  return [0, 1, false];
}

function parsenum(s: string, start: number, end: number): [number, boolean, number] {
  if (start >= end) return [0, false, end];
  let num = 0;
  let isnum = false;
  let i = start;
  for (; i < end && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57; i++) {
    if (num > 1e6 || num < -1e6) return [0, false, end];
    num = num * 10 + (s.charCodeAt(i) - 48);
    isnum = true;
  }
  return [num, isnum, i];
}

function intFromArg(a: GoValue[], argNum: number): [number, boolean, number] {
  let num = 0;
  let isInt = false;
  const newArgNum = argNum;
  if (argNum < a.length) {
    const v = a[argNum];
    if (typeof v === 'bigint') {
      num = Number(v);
      isInt = true;
    } else if (v instanceof GoNumber && v.type !== 'float32') {
      num = Number(v.value);
      isInt = true;
    }
    if (num > 1e6 || num < -1e6) {
      num = 0;
      isInt = false;
    }
    return [num, isInt, newArgNum + 1];
  }
  return [num, isInt, newArgNum];
}

function runeOf(v: bigint): number {
  if (v < 0n || v > 0x10ffffn) return 0xfffd;
  const n = Number(v);
  return n >= 0xd800 && n <= 0xdfff ? 0xfffd : n;
}

function runeString(v: bigint): string {
  return String.fromCodePoint(runeOf(v));
}

function isPrintRune(r: number): boolean {
  return r >= 0x20 && r !== 0x7f && /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(String.fromCodePoint(r));
}

/** fmt.Sprint: operands formatted with %v, a space between two operands when neither is a string. */
export function sprint(...args: GoValue[]): string {
  const p = new Printer();
  let prevString = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const isString = typeof arg === 'string';
    if (i > 0 && !isString && !prevString) p.buf += ' ';
    p.printArg(arg, 'v');
    prevString = isString;
  }
  return p.buf;
}

/** fmt.Sprintln: operands formatted with %v, always separated by a space, newline appended. */
export function sprintln(...args: GoValue[]): string {
  const p = new Printer();
  for (let i = 0; i < args.length; i++) {
    if (i > 0) p.buf += ' ';
    p.printArg(args[i], 'v');
  }
  return p.buf + '\n';
}

/** fmt.Sprintf. */
export function sprintf(format: string, ...args: GoValue[]): string {
  const p = new Printer();
  p.doPrintf(format, args);
  return p.buf;
}

/** The %v form of one value (fmt.Sprint of a single operand). */
export function formatValue(v: GoValue): string {
  switch (typeof v) {
    case 'string': return v;
    case 'bigint': return v.toString();
    case 'boolean': return v ? 'true' : 'false';
  }
  const p = new Printer();
  p.printArg(v, 'v');
  return p.buf;
}

/**
 * How text/template prints an action's value (printableValue): %v, with a pointer to a struct shown as the
 * struct. `addressable` is reflect's CanAddr: a struct reached through fields of a pointer is, one returned
 * by a function or taken out of an interface (a list element, a range value) is not, and only an
 * addressable value gets its pointer-receiver String method.
 */
export function formatPrintable(v: GoValue, addressable = true): string {
  if (typeof v === 'string') return v;
  const p = new Printer();
  p.derefTop = true;
  p.addressableTop = addressable;
  p.printArg(v, 'v');
  return p.buf;
}
