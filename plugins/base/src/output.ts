import { createRequire } from 'node:module';


export type OutputFormat = 'table' | 'json' | 'yaml';

/**
 * gosuri/uitable as Helm v2 prints tables: every cell, the last column included, is padded to its column's
 * width and cells are joined with a TAB (so padding is followed by "\t"); with maxColWidth > 0 (Helm's
 * --col-width) a longer cell is cut to that width ending in "..." (strutil.Resize). 0 means no limit, as a
 * bare uitable.New().
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

export function printTable(rows: string[][], maxColWidth = 0): void {
  process.stdout.write(formatTable(rows, maxColWidth) + '\n');
}

/** json and yaml writers for `-o json|yaml`. */
export function writeStructured(value: unknown, format: 'json' | 'yaml'): void {
  if (format === 'json') { process.stdout.write(JSON.stringify(value) + '\n'); return; }
  // yaml is loaded only when asked for (synchronously, to keep this API): every command imports this module.
  const { stringify } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  process.stdout.write(stringify(value));
}
