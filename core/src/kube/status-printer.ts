/** A `meta.k8s.io/v1 Table` as the API server returns it for `Accept: application/json;as=Table;...`. */
export interface Table {
  columnDefinitions: { name: string; priority?: number }[];
  rows: { cells: unknown[] }[];
}

/**
 * kubectl's human-readable table printer: upper-cased column names of priority 0, cells aligned by a tabwriter
 * (minwidth 6, tabwidth 4, padding 3, as cli-runtime's printers.GetNewTabWriter), without trailing padding.
 */
export function printTable(table: Table): string {
  const cols = table.columnDefinitions.map((c, i) => ({ i, c })).filter(({ c }) => !c.priority);
  const lines = [cols.map(({ c }) => c.name.toUpperCase()), ...table.rows.map((r) => cols.map(({ i }) => cellText(r.cells[i])))];
  return alignColumns(lines, 6, 3);
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '<none>';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Go's text/tabwriter with padchar ' ' and no flags: every column but the last is padded to its widest cell. */
export function alignColumns(lines: string[][], minWidth: number, padding: number): string {
  const widths: number[] = [];
  for (const l of lines) l.forEach((cell, i) => { if (i < l.length - 1) widths[i] = Math.max(widths[i] ?? 0, cell.length + padding, minWidth); });
  return lines.map((l) => l.map((cell, i) => (i < l.length - 1 ? cell.padEnd(widths[i]!) : cell)).join('')).join('\n') + '\n';
}
