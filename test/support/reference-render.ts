import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referenceHelmBin, runHelm } from './helm.js';

export interface RenderedDoc {
  source: string;
  content: string;
}

const HEADER = /^---[ \t]*\n# Source: ([^\n]*)\n/gm;
const SPLIT = /(?:^|\s*\n)---\s*/;
const SERVICE = /^([ \t]*-?[ \t]*["']?(?:heritage|app\.kubernetes\.io\/managed-by)["']?[ \t]*:[ \t]*["']?)Tiller(["']?[ \t]*)$/gm;

/**
 * Splits `helm template` output at its `# Source:` headers and then as Helm 3 splits manifests, trimmed,
 * empty documents dropped, `Tiller` read as `Helm` on heritage lines: the comparison the shared conformance
 * tool makes, so Helm v2's one-unit-per-file layout compares with Helm 3's output.
 */
export function normalizeTemplateOutput(stdout: string): RenderedDoc[] {
  const heads: { at: number; end: number; source: string }[] = [];
  HEADER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HEADER.exec(stdout)) !== null) heads.push({ at: m.index, end: m.index + m[0].length, source: m[1]! });
  const docs: RenderedDoc[] = [];
  heads.forEach((h, i) => {
    const content = stdout.slice(h.end, i + 1 < heads.length ? heads[i + 1]!.at : stdout.length);
    for (const part of content.trim().split(SPLIT)) {
      const t = part.trim();
      if (t) docs.push({ source: h.source, content: t.replace(SERVICE, '$1Helm$2') });
    }
  });
  return docs.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

let refHome: string | undefined;

/** `helm template` by the reference Helm v3.10.1 (oracle only). */
export function referenceTemplate(chart: string, args: string[] = [], release = 'rel', namespace = 'ns') {
  refHome ??= mkdtempSync(join(tmpdir(), 'ref-helm-'));
  const r = spawnSync(referenceHelmBin, ['template', release, chart, '--namespace', namespace, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: refHome, TZ: 'UTC', HELM_CACHE_HOME: join(refHome, 'cache'), HELM_CONFIG_HOME: join(refHome, 'config'), HELM_DATA_HOME: join(refHome, 'data') },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `helm template` by ours, in the shared tool's command form. */
export function ourTemplate(chart: string, args: string[] = [], release = 'rel', namespace = 'ns') {
  return runHelm(['template', chart, '--name', release, '--namespace', namespace, ...args], { env: { TZ: 'UTC' } });
}
