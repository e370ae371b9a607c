// Frozen reference-Helm outputs for the encoding tests (test/unit/encoding/fixtures/*.json, regenerated
// by fixtures/gen.mjs) and the decoding of their input values into the Go value model.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GoNumber, type GoValue } from '@helm-ts/core/template';
import { repoRoot } from './helm.js';

export interface FixtureCase {
  input: unknown;
  expected: string;
}

export function loadFixture<T = FixtureCase>(name: string): T[] {
  return JSON.parse(readFileSync(join(repoRoot, 'test', 'unit', 'encoding', 'fixtures', name), 'utf8')) as T[];
}

/** Fixture inputs are JSON; `{$int}`, `{$int64}` and `{$float}` stand for Go int, int64 and NaN/±Inf. */
export function goValue(x: unknown): GoValue {
  if (Array.isArray(x)) return x.map(goValue);
  if (x !== null && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if (typeof o.$int === 'string') return BigInt(o.$int);
    if (typeof o.$int64 === 'string') return new GoNumber('int64', BigInt(o.$int64));
    if (typeof o.$float === 'string') return o.$float === 'NaN' ? NaN : o.$float === '-Inf' ? -Infinity : Infinity;
    const out: Record<string, GoValue> = {};
    for (const [k, v] of Object.entries(o)) out[k] = goValue(v);
    return out;
  }
  return x as GoValue;
}

/** A short printable label for a test case. */
export function label(x: unknown): string {
  const s = JSON.stringify(x) ?? 'undefined';
  return s.length > 70 ? s.slice(0, 67) + '...' : s;
}
