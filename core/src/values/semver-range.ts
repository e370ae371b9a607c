// Single functions rather than the whole package: `helm template` pays for every module it loads.
import valid from 'semver/functions/valid.js';
import eq from 'semver/functions/eq.js';
import { createRequire } from 'node:module';

// The range half of the package (Range, Comparator and their caches) is loaded only for constraints
// simpleRange cannot answer.
const requireSemver = createRequire(import.meta.url);
const satisfies = (v: string, r: string): boolean => (requireSemver('semver/functions/satisfies.js') as typeof import('semver/functions/satisfies.js'))(v, r);
const validRange = (r: string): string | null => (requireSemver('semver/ranges/valid.js') as typeof import('semver/ranges/valid.js'))(r);

/**
 * Masterminds/semver v3 as Helm uses it for chart versions and requirement ranges, translated onto the
 * npm `semver` package: lenient versions (`1.2`, `v1`), `,` as AND, `||` as OR, `=>`/`=<`/`~>`
 * spellings and `!=`. An empty or unparseable constraint matches nothing (Helm's IsCompatibleRange).
 */
const versionPattern =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;

/** Masterminds NewVersion → a strict npm version string, or undefined. */
export function parseMastermindsVersion(v: string): string | undefined {
  const m = versionPattern.exec(v.trim());
  if (!m) return undefined;
  const major = BigInt(m[1]!);
  const minor = m[2] ? BigInt(m[2].slice(1)) : 0n;
  const patch = m[3] ? BigInt(m[3].slice(1)) : 0n;
  let out = `${major}.${minor}.${patch}`;
  if (m[5]) out += `-${m[5]}`;
  if (m[8]) out += `+${m[8]}`;
  return valid(out) ?? undefined;
}

const opPattern = /^(!=|>=|=>|<=|=<|~>|>|<|=|~|\^)?\s*(.*)$/;

function translateComparator(c: string): string | undefined {
  const m = opPattern.exec(c.trim());
  if (!m) return undefined;
  let op = m[1] ?? '';
  const ver = m[2]!.trim();
  if (op === '=>') op = '>=';
  if (op === '=<') op = '<=';
  if (op === '~>') op = '~';
  if (ver === '') return undefined;
  if (!/^v?[0-9xX*]+(\.[0-9xX*]+)?(\.[0-9xX*]+)?(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(ver)) return undefined;
  return `${op}${ver.replace(/^v/, '')}`;
}

const plainVersion = /^(0|[1-9][0-9]{0,14})\.(0|[1-9][0-9]{0,14})\.(0|[1-9][0-9]{0,14})$/;
const simpleConstraint = /^(=?)(0|[1-9][0-9]{0,14}|[xX*])(?:\.(0|[1-9][0-9]{0,14}|[xX*]))?(?:\.(0|[1-9][0-9]{0,14}|[xX*]))?$/;

/**
 * The requirement shapes charts use most (`1.2.3`, `=1.2.3`, `2.8.*`, `7.x.x`) against a release
 * version, answered without the semver package's range parser (the costliest part of a small chart's
 * dependency pass). Undefined when the general path must decide; the answers are the ones it gives.
 */
function simpleRange(constraint: string, sv: string): boolean | undefined {
  const v = plainVersion.exec(sv);
  const c = simpleConstraint.exec(constraint);
  if (!v || !c) return undefined;
  let wild = false;
  for (let i = 2; i <= 4; i++) {
    const part = c[i];
    if (part === undefined || part === 'x' || part === 'X' || part === '*') {
      if (c[1] === '=') return undefined;
      wild = true;
      continue;
    }
    if (wild) return undefined;
    if (part !== v[i - 1]) return false;
  }
  return true;
}

/** Whether `version` satisfies Masterminds constraint `constraint`. */
export function isCompatibleRange(constraint: string | undefined, version: string): boolean {
  const sv = parseMastermindsVersion(version);
  if (sv === undefined || constraint === undefined) return false;
  const trimmed = constraint.trim();
  if (trimmed === '') return false;
  const simple = simpleRange(trimmed, sv);
  if (simple !== undefined) return simple;
  for (const group of trimmed.split('||')) {
    const parts = group.trim().replace(/,/g, ' ').replace(/(!=|>=|=>|<=|=<|~>|>|<|=|~|\^)\s+/g, '$1').split(/\s+/).filter(Boolean);
    if (parts.length === 0) return false;
    let ok = true;
    for (const p of parts) {
      if (p.startsWith('!=')) {
        const other = parseMastermindsVersion(p.slice(2));
        if (other === undefined) return false;
        if (eq(sv, other)) ok = false;
        continue;
      }
      const t = translateComparator(p);
      if (t === undefined) return false;
      const range = validRange(t);
      if (range === null) return false;
      if (!satisfies(sv, range)) ok = false;
    }
    if (ok) return true;
  }
  return false;
}
