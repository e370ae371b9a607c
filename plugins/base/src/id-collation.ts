/**
 * ICU's root collation, which `String.prototype.localeCompare` uses, gives each of these characters one
 * primary weight, in this order (punctuation, then digits, then letters), and nothing else at the other
 * levels: on strings made only of them it is a plain lexicographic comparison by this rank.
 */
const order = '_-:.0123456789abcdefghijklmnopqrstuvwxyz';
const rank = new Int8Array(128).fill(-1);
for (let i = 0; i < order.length; i++) rank[order.charCodeAt(i)] = i;

function ranked(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || rank[c]! < 0) return false;
  }
  return true;
}

/**
 * `a.localeCompare(b)` for oclif's sort of each plugin's command ids, without creating ICU's collator
 * (~10 ms, the first comparison of every helm start) when both ids are lowercase ASCII words; any other
 * string goes to localeCompare. scripts/bundle-oclif.mjs puts this in the @oclif/core bundle.
 */
export function compareCommandIds(a: string, b: string): number {
  if (!ranked(a) || !ranked(b)) return a.localeCompare(b);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = rank[a.charCodeAt(i)]! - rank[b.charCodeAt(i)]!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
