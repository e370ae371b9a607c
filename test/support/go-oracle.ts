/**
 * Asks the reference Helm (Go 1.18 text/template) how it renders a template, to produce the expected
 * outputs of the template engine's tests. Only test generators use it; committed tests hold the results.
 *
 * A case renders as chart x's templates/NOTES.txt (executed with Helm's missingkey=zero, output not parsed
 * as YAML); its error, if any, is Go's. On success the exact output, `<no value>` included, comes from a
 * second chart whose out.yaml prints `include` of the case as JSON.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { referenceHelmBin, tempDir } from './helm.js';

export interface OracleResult {
  out?: string;
  err?: string;
}

/** The name the case's template has in Go's errors. */
export const oracleTemplateName = 'x/templates/NOTES.txt';

function writeChart(dir: string, files: Record<string, string>, values: unknown): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'templates'), { recursive: true });
  writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: x\nversion: 0.1.0\n');
  writeFileSync(join(dir, 'values.yaml'), JSON.stringify(values ?? {}));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'templates', name), text);
}

function helmTemplate(dir: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(referenceHelmBin, ['template', 'x', dir], { encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH, HOME: '/tmp' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let root: string | undefined;

/** Renders `template` with `.Values` = values through the reference Helm. */
export function renderWithGo(template: string, values: unknown = {}): OracleResult {
  root ??= tempDir('go-oracle-');
  const a = join(root, 'a');
  writeChart(a, { 'NOTES.txt': template }, values);
  const r = helmTemplate(a);
  if (r.status !== 0) return { err: r.stderr.replace(/^Error: /, '').replace(/\n$/, '') };
  const b = join(root, 'b');
  writeChart(b, { '_case.tpl': template, 'out.yaml': `out: {{ include "x/templates/_case.tpl" . | toJson }}\n` }, values);
  const r2 = helmTemplate(b);
  if (r2.status !== 0) return { err: 'oracle: ' + r2.stderr };
  const body = r2.stdout.slice(r2.stdout.indexOf('\nout: ') + 1);
  return { out: (parseYaml(body) as { out: string }).out };
}
