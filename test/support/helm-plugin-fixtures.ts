import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execFile } from 'node:child_process';
import { helmBin } from './helm.js';

/** The keybase-style test plugin's script: prints its arguments and the Helm variables, exits $KB_EXIT. */
export const echoScript = `#!/bin/sh
echo "args:$#"
for a in "$@"; do echo "arg=[$a]"; done
env | grep -E '^(HELM_|TILLER_)' | sort
exit \${KB_EXIT:-0}
`;

/** Writes <pluginsDir>/<folder>/plugin.yaml (and, unless given, the echo script as run.sh). */
export function writePlugin(pluginsDir: string, folder: string, yaml: string, files: Record<string, string> = { 'run.sh': echoScript }): string {
  const dir = join(pluginsDir, folder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'plugin.yaml'), yaml);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
    if (name.endsWith('.sh')) chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

export interface TarEntry {
  name: string;
  /** ustar type flag: '0' file, '1' hard link, '2' symlink, '3' char device, '5' directory. */
  type?: '0' | '1' | '2' | '3' | '5';
  data?: string;
  linkname?: string;
  mode?: number;
}

/**
 * A hand-made .tar.gz, so tests can build archives no well-behaved tar tool would (absolute names, `..`,
 * links out of the folder, devices).
 */
export function makeTarGz(entries: readonly TarEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const data = Buffer.from(e.data ?? '');
    const type = e.type ?? '0';
    const h = Buffer.alloc(512);
    h.write(e.name, 0, 100, 'utf8');
    h.write(((e.mode ?? (type === '5' ? 0o755 : 0o644)).toString(8)).padStart(7, '0') + '\0', 100, 8, 'ascii');
    h.write('0000000\0', 108, 8, 'ascii');
    h.write('0000000\0', 116, 8, 'ascii');
    h.write((type === '0' ? data.length : 0).toString(8).padStart(11, '0') + '\0', 124, 12, 'ascii');
    h.write('00000000000\0', 136, 12, 'ascii');
    h.write('        ', 148, 8, 'ascii');
    h.write(type, 156, 1, 'ascii');
    if (e.linkname) h.write(e.linkname, 157, 100, 'utf8');
    h.write('ustar\0', 257, 6, 'ascii');
    h.write('00', 263, 2, 'ascii');
    let sum = 0;
    for (const b of h) sum += b;
    h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii');
    blocks.push(h);
    if (type === '0' && data.length) {
      blocks.push(data, Buffer.alloc((512 - (data.length % 512)) % 512));
    }
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

/**
 * bin/helm without blocking the event loop, for tests whose servers (the Kubernetes emulator, a TCP echo)
 * live in the test process. Same clean environment as runHelm.
 */
export function runHelmAsync(args: string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [helmBin, ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env }, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? ((err as { code?: unknown }).code as number | undefined) ?? 1 : 0;
      resolve({ status: typeof code === 'number' ? code : 1, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}
