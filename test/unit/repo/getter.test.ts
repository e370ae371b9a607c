import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getterFor, httpGetter } from '@helm-ts/core/repo';

async function server(handler: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const s = http.createServer(handler);
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', () => ok()));
  return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, close: () => new Promise((ok) => { s.closeAllConnections(); s.close(() => ok()); }) };
}

test('the http getter sends Helm\'s User-Agent and basic auth only when both parts are set', async () => {
  const seen: http.IncomingHttpHeaders[] = [];
  const s = await server((req, res) => { seen.push(req.headers); res.end('ok'); });
  try {
    assert.equal((await httpGetter.get(`${s.url}/a`, { username: 'u', password: 'p' })).toString(), 'ok');
    await httpGetter.get(`${s.url}/b`, { username: 'u' });
    assert.equal(seen[0]!['user-agent'], 'Helm/2.17.0');
    assert.equal(seen[0]!.authorization, `Basic ${Buffer.from('u:p').toString('base64')}`);
    assert.equal(seen[1]!.authorization, undefined);
  } finally {
    await s.close();
  }
});

test('non-200 answers, redirects, size limits and refused connections', async () => {
  const s = await server((req, res) => {
    if (req.url === '/moved') { res.writeHead(302, { Location: '/final' }); res.end(); return; }
    if (req.url === '/final') { res.end('here'); return; }
    if (req.url === '/big') { res.end(Buffer.alloc(2000)); return; }
    res.writeHead(404); res.end();
  });
  try {
    await assert.rejects(httpGetter.get(`${s.url}/missing`), /^HelmError: Failed to fetch http:\/\/127\.0\.0\.1:\d+\/missing : 404 Not Found$/);
    assert.equal((await httpGetter.get(`${s.url}/moved`)).toString(), 'here');
    await assert.rejects(httpGetter.get(`${s.url}/big`, { maxBytes: 1000 }), /larger than the 1000 byte limit/);
  } finally {
    await s.close();
  }
  // Nothing listens on 127.0.0.2 (test servers bind 127.0.0.1): a refused connection for certain.
  await assert.rejects(httpGetter.get('http://127.0.0.2:9/gone'), /Get "http:\/\/127\.0\.0\.2:9\/gone": dial tcp 127\.0\.0\.2:9: connect: connection refused/);
});

test('getters by scheme: http(s), file, then downloader plugins', () => {
  assert.equal(getterFor('https://x/y'), httpGetter);
  const plugin = { get: async (): Promise<Buffer> => Buffer.from('p') };
  assert.equal(getterFor('s3://bucket/x', (scheme) => (scheme === 's3' ? plugin : undefined)), plugin);
  assert.throws(() => getterFor('s3://bucket/x'), /scheme "s3" not supported/);
  assert.notEqual(getterFor('file:///tmp/x'), httpGetter);
});
