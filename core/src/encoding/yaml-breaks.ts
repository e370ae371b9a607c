/**
 * libyaml's treatment of the YAML 1.1 line breaks U+2028 (LS) and U+2029 (PS): they end lines like
 * LF does, but read_line copies them into scalar content as themselves (CR, CRLF and NEL become LF).
 * The `yaml` package (YAML 1.2) does not know them as breaks, so parsing runs on a copy with LS/PS
 * replaced by LF (same length, same offsets), and the content of quoted and literal scalars that
 * contained them is recomputed here from the original text.
 */

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\u2028' || c === '\u2029';

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"',
  "'": "'", '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** yaml_parser_scan_flow_scalar over the source of a quoted scalar (quotes included). */
export function scanFlowScalar(src: string): string {
  const single = src[0] === "'";
  const end = src.length - 1;
  let i = 1;
  let s = '';
  for (;;) {
    let leadingBlanks = false;
    while (i < end && !isBlank(src[i]) && !isBreak(src[i])) {
      const c = src[i]!;
      if (single && c === "'" && src[i + 1] === "'") {
        s += "'";
        i += 2;
      } else if ((single && c === "'") || (!single && c === '"')) {
        break;
      } else if (!single && c === '\\' && isBreak(src[i + 1])) {
        i += 2;
        leadingBlanks = true;
        break;
      } else if (!single && c === '\\') {
        const e = src[i + 1]!;
        const n = HEX_LENGTH[e];
        if (n !== undefined) {
          s += String.fromCodePoint(parseInt(src.slice(i + 2, i + 2 + n), 16));
          i += 2 + n;
        } else {
          s += SIMPLE_ESCAPES[e] ?? e;
          i += 2;
        }
      } else {
        s += c;
        i++;
      }
    }
    if (i >= end || src[i] === (single ? "'" : '"')) break;
    let whitespaces = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    while (isBlank(src[i]) || isBreak(src[i])) {
      if (isBlank(src[i])) {
        if (!leadingBlanks) whitespaces += src[i];
      } else if (!leadingBlanks) {
        whitespaces = '';
        leadingBreak = src[i]!;
        leadingBlanks = true;
      } else {
        trailingBreaks += src[i];
      }
      i++;
    }
    if (leadingBlanks) {
      if (leadingBreak === '\n') s += trailingBreaks === '' ? ' ' : trailingBreaks;
      else s += leadingBreak + trailingBreaks;
    } else {
      s += whitespaces;
    }
  }
  return s;
}

/** A literal block scalar's value with its line breaks put back as they were in the source. */
export function restoreLiteralBreaks(value: string, source: string): string {
  const headerEnd = source.search(/[\n\u2028\u2029]/);
  const breaks: string[] = [];
  for (let i = headerEnd + 1; i < source.length; i++) if (isBreak(source[i])) breaks.push(source[i]!);
  let k = 0;
  return value.replace(/\n/g, () => breaks[k++] ?? '\n');
}
