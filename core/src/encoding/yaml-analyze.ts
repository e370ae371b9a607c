/**
 * libyaml's yaml_emitter_analyze_scalar: which styles can carry a scalar (plain in block or flow
 * context, single-quoted, literal block), from its indicators, spaces, line breaks and characters
 * outside libyaml's printable set. Works on code points; libyaml works on UTF-8 bytes, which only
 * matters for lengths, and those are taken in bytes where the emitter compares them.
 */

/** What yaml_emitter_analyze_scalar found out about a scalar. */
export interface ScalarAnalysis {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

// is_printable of libyaml on a code point: \n, 0x20-0x7E, 0xA0-0xD7FF, 0xE000-0xFFFD except BOM.
export function isPrintable(c: number): boolean {
  if (c < 0x7f) return c >= 0x20 || c === 0x0a;
  if (c < 0xa0) return false;
  if (c <= 0xd7ff) return true;
  return c >= 0xe000 && c <= 0xfffd && c !== 0xfeff;
}

export function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

function isBlankz(c: number): boolean {
  return isBlank(c) || isBreak(c) || c === 0;
}

// Plain ASCII text that needs no further analysis: no indicators, spaces only between words.
const SIMPLE_PLAIN = /^[A-Za-z0-9_./=+$^()~;\\][A-Za-z0-9_./=+$^()~;\\ -]*$/;
const SIMPLE_RESULT: ScalarAnalysis = {
  multiline: false, flowPlainAllowed: true, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true,
};

/** yaml_emitter_analyze_scalar. */
export function analyzeScalar(value: string): ScalarAnalysis {
  if (value.length === 0) {
    return { multiline: false, flowPlainAllowed: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  if (SIMPLE_PLAIN.test(value) && !value.startsWith('...') && value.charCodeAt(value.length - 1) !== 32 && !value.includes(' -')) {
    return SIMPLE_RESULT;
  }
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;

  if (value.startsWith('---') || value.startsWith('...')) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  const n = value.length;
  for (let i = 0; i < n;) {
    const c = value.codePointAt(i)!;
    const w = c > 0xffff ? 2 : 1;
    const next = i + w < n ? value.codePointAt(i + w)! : -1;
    const followedByWhitespace = next === -1 || isBlank(next);
    if (i === 0) {
      switch (c) {
        case 35: case 44: case 91: case 93: case 123: case 125: case 38: case 42: case 33: case 124: case 62:
        case 39: case 34: case 37: case 64: case 96: // # , [ ] { } & * ! | > ' " % @ `
          flowIndicators = true;
          blockIndicators = true;
          break;
        case 63: case 58: // ? :
          flowIndicators = true;
          if (followedByWhitespace) blockIndicators = true;
          break;
        case 45: // -
          if (followedByWhitespace) {
            flowIndicators = true;
            blockIndicators = true;
          }
          break;
      }
    } else {
      switch (c) {
        case 44: case 63: case 91: case 93: case 123: case 125:
          flowIndicators = true;
          break;
        case 58:
          flowIndicators = true;
          if (followedByWhitespace) blockIndicators = true;
          break;
        case 35:
          if (precededByWhitespace) {
            flowIndicators = true;
            blockIndicators = true;
          }
          break;
      }
    }
    if (!isPrintable(c)) specialCharacters = true;
    if (c === 32) {
      if (i === 0) leadingSpace = true;
      if (i + w === n) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i + w === n) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
    i += w;
  }

  const a: ScalarAnalysis = {
    multiline: lineBreaks, flowPlainAllowed: true, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  if (lineBreaks) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (flowIndicators) a.flowPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

