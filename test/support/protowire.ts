/**
 * A tiny hand-rolled protobuf wire writer, independent of protobufjs, for building byte-exact fixtures the
 * way Go's golang/protobuf writes them (fields in number order, zero values omitted by the caller).
 */
export function varint(n: number | bigint): number[] {
  let v = BigInt(n);
  if (v < 0n) v += 1n << 64n;
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return out;
}

export const tag = (field: number, wire: number) => varint((field << 3) | wire);
export const vint = (field: number, n: number | bigint) => [...tag(field, 0), ...varint(n)];
export const bytesField = (field: number, data: number[] | Uint8Array) => [...tag(field, 2), ...varint(data.length), ...data];
export const str = (field: number, s: string) => bytesField(field, [...Buffer.from(s, 'utf8')]);
export const msg = (field: number, ...parts: number[][]) => bytesField(field, parts.flat());
export const packed = (field: number, values: number[]) => bytesField(field, values.flatMap((v) => varint(v)));
export const concat = (...parts: number[][]) => Uint8Array.from(parts.flat());
