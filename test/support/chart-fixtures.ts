import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { referenceHelmBin, tempDir } from './helm.js';

/** Writes a chart tree: path (relative to `root`) → file content. Returns `root`. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): string {
  for (const [rel, content] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return root;
}

/** A fresh temp folder holding the given tree; the chart is at `<dir>/<top>`. */
export function chartFixture(files: Record<string, string | Uint8Array>): string {
  return writeTree(tempDir('helm-ts-chart-'), files);
}

export function referenceHelmAvailable(): boolean {
  return existsSync(referenceHelmBin);
}

/**
 * Every chart folder under `chartDir` (the chart and its unpacked subcharts) gets a template printing
 * `toJson .Values`; the reference Helm renders the chart and the result maps each chart's template
 * folder (`top/charts/sub/templates/`) to the JSON text of its `.Values`.
 */
export function referenceValuesDump(chartDir: string, args: string[] = []): Record<string, string> {
  const add = (dir: string): void => {
    mkdirSync(join(dir, 'templates'), { recursive: true });
    writeFileSync(join(dir, 'templates', 'zz-dump-values.yaml'), '# {{ toJson .Values }}\n');
    const charts = join(dir, 'charts');
    if (existsSync(charts)) {
      for (const s of readdirSync(charts)) if (!s.endsWith('.tgz') && !s.startsWith('.') && !s.startsWith('_')) add(join(charts, s));
    }
  };
  add(chartDir);
  const out = execFileSync(referenceHelmBin, ['template', 'rel', chartDir, '--namespace', 'ns', ...args], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  });
  const dump: Record<string, string> = {};
  for (const m of out.matchAll(/# Source: (.*)zz-dump-values\.yaml\n# (.*)\n/g)) dump[m[1]!] = m[2]!;
  return dump;
}
