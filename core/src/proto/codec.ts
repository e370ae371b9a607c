/**
 * Marshal and unmarshal hapi messages the way Go's golang/protobuf does: fields in number order, proto3
 * zero values left out, present sub-messages written even when empty, map entries always with key and value.
 */
import protobuf from 'protobufjs';
import { hapiType } from './root.js';

const CONVERSION: protobuf.IConversionOptions = { longs: Number, enums: Number, defaults: false };

function isZeroScalar(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (v === 0 || v === '' || v === false) return true;
  if (v instanceof Uint8Array) return v.length === 0;
  // Long values (int64 read back by protobufjs) carry low/high halves.
  if (typeof v === 'object' && 'low' in v && 'high' in v) return (v as { low: number; high: number }).low === 0 && (v as { low: number; high: number }).high === 0;
  return false;
}

/** A copy of `value` without the fields Go would leave out, typed by `type`. */
export function pruneDefaults(type: protobuf.Type, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    const v = value[field.name];
    if (v === undefined || v === null) continue;
    const sub = field.resolvedType instanceof protobuf.Type ? field.resolvedType : undefined;
    if (field.map) {
      const entries = Object.entries(v as Record<string, unknown>);
      if (entries.length === 0) continue;
      out[field.name] = sub
        ? Object.fromEntries(entries.map(([k, e]) => [k, pruneDefaults(sub, (e ?? {}) as Record<string, unknown>)]))
        : v;
    } else if (field.repeated) {
      const list = v as unknown[];
      if (list.length === 0) continue;
      out[field.name] = sub ? list.map((e) => pruneDefaults(sub, (e ?? {}) as Record<string, unknown>)) : list;
    } else if (sub) {
      out[field.name] = pruneDefaults(sub, v as Record<string, unknown>);
    } else if (!isZeroScalar(v)) {
      out[field.name] = v;
    }
  }
  return out;
}

/** Protobuf bytes of a hapi message given as a plain object (see types.ts). */
export function encodeMessage(typeName: string, value: object): Uint8Array {
  const type = hapiType(typeName);
  return type.encode(pruneDefaults(type, value as Record<string, unknown>)).finish();
}

/** A hapi message decoded into a plain object: absent fields stay absent. */
export function decodeMessage<T>(typeName: string, bytes: Uint8Array): T {
  const type = hapiType(typeName);
  return type.toObject(type.decode(bytes), CONVERSION) as T;
}

/** proto.Size: the encoded length, which ListReleases paging sums. */
export function messageSize(typeName: string, value: object): number {
  return encodeMessage(typeName, value).length;
}
