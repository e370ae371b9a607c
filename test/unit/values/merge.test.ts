import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { GoNumber } from '@helm-ts/core/template';
import { mergeValues, mergeMaps } from '@helm-ts/core/values';
import { tempDir } from '../../support/helm.js';

test('values files deep-merge in order, then --set, --set-string, --set-file whatever the flag order', async () => {
  const d = tempDir();
  writeFileSync(join(d, 'a.yaml'), 'a: {p: 1, q: 1}\nlist: [1]\nkeep: a\n');
  writeFileSync(join(d, 'b.yaml'), 'a: {q: 2, r: 2}\nlist: [2]\n');
  writeFileSync(join(d, 'content.txt'), 'file\ncontent\n');
  const v = await mergeValues({
    valueFiles: [join(d, 'a.yaml'), join(d, 'b.yaml')],
    set: ['a.p=10', 's=1'],
    setString: ['s=2'],
    setFile: [`f=${join(d, 'content.txt')}`],
  });
  assert.deepEqual(v, { a: { p: new GoNumber('int64', 10n), q: 2, r: 2 }, list: [2], keep: 'a', s: '2', f: 'file\ncontent\n' });
});

test('value-file errors name the file', async () => {
  const d = tempDir();
  writeFileSync(join(d, 'bad.yaml'), 'a: b\n c: d\n- e\n');
  await assert.rejects(mergeValues({ valueFiles: [join(d, 'bad.yaml')] }), (e: Error & { file?: string; line?: number }) =>
    e.message === `failed to parse ${join(d, 'bad.yaml')}: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context` && e.line === 2);
  await assert.rejects(mergeValues({ valueFiles: [join(d, 'none.yaml')] }), (e: Error) => e.message === `open ${join(d, 'none.yaml')}: no such file or directory`);
  await assert.rejects(mergeValues({ setFile: [`x=${join(d, 'none.txt')}`] }), /failed parsing --set-file data: open .*none.txt: no such file or directory/);
});

test('the positional form and mergeMaps', async () => {
  assert.deepEqual(await mergeValues([], ['a=1'], ['b=1'], []), { a: new GoNumber('int64', 1n), b: '1' });
  assert.deepEqual(mergeMaps({ m: { a: 1 }, s: 1 }, { m: { b: 2 }, s: { t: 1 } }), { m: { a: 1, b: 2 }, s: { t: 1 } });
});

test('a values file given as an http URL is fetched', async () => {
  const { createServer } = await import('node:http');
  const server = createServer((_req, res) => { res.end('remote: true\n'); });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  try {
    const port = (server.address() as { port: number }).port;
    assert.deepEqual(await mergeValues({ valueFiles: [`http://127.0.0.1:${port}/values.yaml`] }), { remote: true });
  } finally {
    server.close();
  }
});
