import { createRequire } from 'node:module';
import { formatTable } from '@helm-ts/core/output';

export { formatTable };


export type OutputFormat = 'table' | 'json' | 'yaml';

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
