/** Minimal ASN.1 DER encoding and reading: enough to build X.509 certificates the way Go's crypto/x509 lays them out. */

function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  while (n > 0) { bytes.unshift(n & 0xff); n = Math.floor(n / 256); }
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const tlv = (tag: number, ...content: Buffer[]): Buffer => {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), len(body.length), body]);
};

export const seq = (...c: Buffer[]): Buffer => tlv(0x30, ...c);
export const set = (...c: Buffer[]): Buffer => tlv(0x31, ...c);
export const octets = (b: Buffer): Buffer => tlv(0x04, b);
export const bool = (v: boolean): Buffer => tlv(0x01, Buffer.from([v ? 0xff : 0]));
export const nul = (): Buffer => Buffer.from([0x05, 0x00]);
export const explicit = (n: number, ...c: Buffer[]): Buffer => tlv(0xa0 | n, ...c);

/** INTEGER from a non-negative bigint (minimal two's complement). */
export function int(v: bigint): Buffer {
  let hex = v.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  let b = Buffer.from(hex, 'hex');
  if (b[0] & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return tlv(0x02, b);
}

export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out: number[] = [parts[0] * 40 + parts[1]];
  for (const p of parts.slice(2)) {
    const enc: number[] = [p & 0x7f];
    let x = Math.floor(p / 128);
    while (x > 0) { enc.unshift((x & 0x7f) | 0x80); x = Math.floor(x / 128); }
    out.push(...enc);
  }
  return tlv(0x06, Buffer.from(out));
}

/** BIT STRING with an explicit count of unused trailing bits. */
export const bitString = (b: Buffer, unused = 0): Buffer => tlv(0x03, Buffer.from([unused]), b);

/** A Go string as encoding/asn1 marshals it: PrintableString when possible, else UTF8String. */
export function goString(s: string): Buffer {
  const printable = /^[A-Za-z0-9'()+,\-./:=? ]*$/.test(s);
  return tlv(printable ? 0x13 : 0x0c, Buffer.from(s, 'utf8'));
}

/** UTCTime for 1950..2049, GeneralizedTime otherwise (as Go marshals time.Time). */
export function time(d: Date): Buffer {
  const y = d.getUTCFullYear();
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const rest = p2(d.getUTCMonth() + 1) + p2(d.getUTCDate()) + p2(d.getUTCHours()) + p2(d.getUTCMinutes()) + p2(d.getUTCSeconds()) + 'Z';
  if (y >= 1950 && y < 2050) return tlv(0x17, Buffer.from(p2(y % 100) + rest, 'latin1'));
  return tlv(0x18, Buffer.from(String(y).padStart(4, '0') + rest, 'latin1'));
}

export interface Node { tag: number; start: number; headerLen: number; len: number; raw: Buffer; body: Buffer }

/** Reads the element at `pos`. */
export function read(b: Buffer, pos = 0): Node {
  if (pos + 2 > b.length) throw new Error('asn1: syntax error: truncated tag or length');
  const tag = b[pos];
  let l = b[pos + 1];
  let h = 2;
  if (l & 0x80) {
    const n = l & 0x7f;
    if (n === 0 || n > 4 || pos + 2 + n > b.length) throw new Error('asn1: syntax error: truncated tag or length');
    l = 0;
    for (let i = 0; i < n; i++) l = l * 256 + b[pos + 2 + i];
    h = 2 + n;
  }
  if (pos + h + l > b.length) throw new Error('asn1: syntax error: data truncated');
  return { tag, start: pos, headerLen: h, len: l, raw: b.subarray(pos, pos + h + l), body: b.subarray(pos + h, pos + h + l) };
}

export function children(n: Node): Node[] {
  const out: Node[] = [];
  let p = 0;
  while (p < n.body.length) {
    const c = read(n.body, p);
    out.push(c);
    p += c.raw.length;
  }
  return out;
}

export const intValue = (n: Node): bigint => (n.body.length === 0 ? 0n : BigInt('0x' + n.body.toString('hex')));
