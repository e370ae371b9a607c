import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helm.js';

export interface GoldenResult {
  out?: string;
  err?: string;
}

/** Loads test/unit/template/golden/<table>.json (expected results from the reference Helm). */
export function loadTemplateGolden(table: string): Record<string, GoldenResult> {
  return JSON.parse(readFileSync(join(repoRoot, 'test', 'unit', 'template', 'golden', `${table}.json`), 'utf8')) as Record<string, GoldenResult>;
}

/** Helm's cleanupParseError: how Helm 3.10 reports a template parse error. */
export function helmParseError(filename: string, message: string): string {
  const tokens = message.split(': ');
  if (tokens.length === 1) return `parse error in (${filename}): ${message}`;
  return `parse error at (${tokens[1]}): ${tokens[tokens.length - 1]}`;
}
