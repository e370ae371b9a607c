/**
 * gosuri/uitable as Helm v2 uses it: every cell padded to its column's width (the last column too) and
 * cells joined by a TAB; with a maximum column width, longer cells are cut to width-3 characters and
 * marked `...`.
 */
export function formatTable(rows: string[][], maxColWidth = 0): string {
  const width = (s: string): number => [...s].length;
  const cut = (s: string): string => {
    if (maxColWidth <= 0 || width(s) <= maxColWidth) return s;
    return maxColWidth <= 3 ? [...s].slice(0, maxColWidth).join('') : [...s].slice(0, maxColWidth - 3).join('') + '...';
  };
  const cells = rows.map((r) => r.map(cut));
  const widths: number[] = [];
  for (const row of cells) row.forEach((c, i) => { widths[i] = Math.max(widths[i] ?? 0, width(c)); });
  return cells.map((row) => row.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('\t')).join('\n');
}

export { tabwrite } from './tabwriter.js';
