// Helm never reads a positional argument from standard input: a piped stdin (CI runners, `yes |`, an open pipe
// from a parent process) must neither become an argument nor hold the command until it closes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { helmBin, repoRoot, tempDir } from '../support/helm.js';

function chart(): string {
  const dir = join(tempDir('stdin-args-'), 'c');
  mkdirSync(join(dir, 'templates'), { recursive: true });
  writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v1\nname: c\nversion: 0.1.0\n');
  writeFileSync(join(dir, 'templates', 'cm.yaml'), 'name: {{ .Release.Name }}\n');
  return dir;
}

test('helm template with an open, written-to stdin renders the chart it was given and exits', async () => {
  const dir = chart();
  const child = spawn(process.execPath, [helmBin, 'template', dir, '--name', 'r'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.write('junk\n');
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // stdin stays open for the whole run: the command must finish on its own.
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => { child.kill(); reject(new Error(`helm waited for stdin to close; stderr: ${stderr}`)); }, 30_000);
    child.on('exit', (c) => { clearTimeout(timer); resolve(c); });
  });
  child.stdin.destroy();
  assert.equal(code, 0, stderr);
  assert.equal(stdout, '---\n# Source: c/templates/cm.yaml\nname: r\n\n');
});
