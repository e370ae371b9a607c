// Hostile and broken input to `helm template`: each is one clear error naming the file, never a crash or a
// hang, and nothing is written outside the chart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createGzip } from 'node:zlib';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { runHelm, tempDir } from '../support/helm.js';

function chart(files: Record<string, string>): string {
  const dir = join(tempDir('hostile-'), 'c');
  for (const [name, body] of Object.entries({ 'Chart.yaml': 'apiVersion: v1\nname: c\nversion: 0.1.0\n', ...files })) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  return dir;
}

/** A minimal ustar header + data writer, enough to build archives tar libraries refuse to write. */
function tarEntry(name: string, size: number, type = '0'): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100);
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(size.toString(8).padStart(11, '0') + '\0', 124);
  h.write('00000000000\0', 136);
  h.write('        ', 148);
  h.write(type, 156);
  h.write('ustar\0' + '00', 257);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  return h;
}

async function archive(entries: { name: string; data?: Buffer; size?: number; type?: string }[]): Promise<string> {
  const file = join(tempDir('hostile-tgz-'), 'c-0.1.0.tgz');
  async function* gen() {
    for (const e of entries) {
      const size = e.size ?? e.data?.length ?? 0;
      yield tarEntry(e.name, size, e.type);
      if (e.data) {
        yield e.data;
      } else {
        const chunk = Buffer.alloc(1 << 20);
        for (let left = size; left > 0; left -= chunk.length) yield left >= chunk.length ? chunk : chunk.subarray(0, left);
      }
      if (size % 512) yield Buffer.alloc(512 - (size % 512));
    }
    yield Buffer.alloc(1024);
  }
  await pipeline(Readable.from(gen()), createGzip({ level: 1 }), createWriteStream(file));
  return file;
}

const cases: { name: string; make: () => Promise<string> | string; error: RegExp }[] = [
  {
    name: 'broken YAML in values.yaml',
    make: () => chart({ 'values.yaml': 'a: [1, 2\nb: c\n', 'templates/x.yaml': 'a: {{ .Values.a }}\n' }),
    error: /values\.yaml/,
  },
  {
    name: 'broken YAML in Chart.yaml',
    make: () => chart({ 'Chart.yaml': 'name: c\nversion: [\n', 'templates/x.yaml': 'x: 1\n' }),
    error: /Chart\.yaml/,
  },
  {
    name: 'an unterminated action names the template and line',
    make: () => chart({ 'templates/x.yaml': 'a: 1\nb: {{ .Values.a \n' }),
    error: /c\/templates\/x\.yaml:2/,
  },
  {
    name: 'an unknown function names the template',
    make: () => chart({ 'templates/x.yaml': 'a: {{ nosuchfunc 1 }}\n' }),
    error: /c\/templates\/x\.yaml:1.*function "nosuchfunc" not defined/,
  },
  {
    name: 'a template that includes itself forever stops with an error',
    make: () => chart({ 'templates/_h.tpl': '{{- define "loop" -}}{{ include "loop" . }}{{- end -}}', 'templates/x.yaml': 'a: {{ include "loop" . }}\n' }),
    error: /c\/templates\/x\.yaml.*(nested reference|maximum template depth|exceeded)/,
  },
  {
    name: 'an archive entry with ../ is refused',
    make: () => archive([
      { name: 'c/Chart.yaml', data: Buffer.from('apiVersion: v1\nname: c\nversion: 0.1.0\n') },
      { name: 'c/../../escaped.txt', data: Buffer.from('x') },
    ]),
    error: /\.\.\/|illegal|outside|escap/i,
  },
  {
    name: 'a 1 GB zero-filled archive member is refused early',
    make: () => archive([
      { name: 'c/Chart.yaml', data: Buffer.from('apiVersion: v1\nname: c\nversion: 0.1.0\n') },
      { name: 'c/templates/big.yaml', size: 1 << 30 },
    ]),
    error: /too large|exceeds|size|limit/i,
  },
];

for (const c of cases) {
  test(`helm template: ${c.name}`, async () => {
    const target = await c.make();
    const before = readdirSync(dirname(target)).sort();
    const t0 = Date.now();
    const r = runHelm(['template', target]);
    assert.equal(r.status, 1, r.stdout.slice(0, 200));
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0]!, /^Error: /);
    assert.match(lines[0]!, c.error);
    assert.ok(Date.now() - t0 < 30_000, 'took too long');
    assert.deepEqual(readdirSync(dirname(target)).sort(), before);
    assert.equal(existsSync(join(dirname(target), '..', 'escaped.txt')), false);
  });
}
