/**
 * gosuri/uitable as Helm prints search results and repository lists: every cell, the last one included,
 * is padded to its column's width, cells are joined with a TAB, and a cell wider than MaxColWidth is cut to
 * that width ending in "...". (plugins/base's formatTable pads neither the last column nor marks cuts.)
 */
export function uitable(rows: string[][], maxColWidth = 0): string {
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
