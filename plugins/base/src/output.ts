import { stringify } from 'yaml';

export type OutputFormat = 'table' | 'json' | 'yaml';

/**
 * gosuri/uitable as Helm v2 uses it: every cell is padded to its column's width and cells are joined
 * with a TAB, so padding is followed by "\t"; cells longer than maxColWidth are truncated.
 */
export function formatTable(rows: string[][], maxColWidth = 60): string {
  const cut = (s: string): string => ([...s].length > maxColWidth ? [...s].slice(0, maxColWidth).join('') : s);
  const cells = rows.map((r) => r.map(cut));
  const widths: number[] = [];
  for (const row of cells) row.forEach((c, i) => { widths[i] = Math.max(widths[i] ?? 0, [...c].length); });
  return cells
    .map((row) => row.map((c, i) => (i === row.length - 1 ? c : c + ' '.repeat(widths[i]! - [...c].length))).join('\t'))
    .join('\n');
}

export function printTable(rows: string[][], maxColWidth = 60): void {
  process.stdout.write(formatTable(rows, maxColWidth) + '\n');
}

/** json and yaml writers for `-o json|yaml`. */
export function writeStructured(value: unknown, format: 'json' | 'yaml'): void {
  process.stdout.write(format === 'json' ? JSON.stringify(value) + '\n' : stringify(value));
}
