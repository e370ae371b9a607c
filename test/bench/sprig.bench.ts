// Sprig: throughput of the functions charts call most, called directly (no template parsing), and of
// regex compilation (the Go RE2 → JS translation, with and without its cache). Figures in calls/s.
import { sprigFuncs } from '@helm-ts/core/sprig';
import type { GoValue } from '@helm-ts/core/template';

const f = sprigFuncs();

function rate(name: string, fn: () => GoValue, minMs = 300): void {
  for (let i = 0; i < 200; i++) fn();
  let n = 0;
  const t0 = process.hrtime.bigint();
  let el = 0;
  while (el < minMs) {
    for (let i = 0; i < 100; i++) fn();
    n += 100;
    el = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  console.log(`${name.padEnd(44)} ${Math.round((n / el) * 1000).toLocaleString('en-US').padStart(12)} calls/s`);
}

const values = { image: { repository: 'nginx', tag: '1.25' }, labels: { a: '1', b: '2' }, replicas: 3 };
rate('quote "a string"', () => f.quote!('a string'));
rate('default "x" ""', () => f.default!('x', ''));
rate('indent 4 (3-line string)', () => f.indent!(4n, 'a: 1\nb: 2\nc: 3'));
rate('trunc 63 | trimSuffix "-"', () => f.trimSuffix!('-', f.trunc!(63n, 'release-name-chart-name-with-a-long-suffix-that-gets-cut-off-here-') as string));
rate('toString 1.5', () => (f['toString'] as (v: GoValue) => GoValue)(1.5));
rate('semverCompare ">=1.16-0" "v1.25.3"', () => f.semverCompare!('>=1.16-0', 'v1.25.3'));
rate('regexReplaceAll (cached pattern)', () => f.regexReplaceAll!('[^a-z0-9-]', 'My_App.Name', '-'));
let k = 0;
rate('regexMatch (new pattern each call)', () => f.regexMatch!(`^a${k++}[0-9]+$`, 'a1'));
rate('merge (two 3-key dicts)', () => f.merge!({ ...values }, { replicas: 1, extra: true, labels: { c: '3' } }));
rate('deepCopy (nested values)', () => f.deepCopy!(values));
rate('sha256sum (1 KiB)', () => f.sha256sum!('x'.repeat(1024)));
rate('b64enc (1 KiB)', () => f.b64enc!('x'.repeat(1024)));
rate('date "2006-01-02T15:04:05Z07:00" now', () => f.date!('2006-01-02T15:04:05Z07:00', f.now!()));
rate('randAlphaNum 16', () => f.randAlphaNum!(16n));
rate('genCA (2048-bit RSA key + signing)', () => f.genCA!('ca', 365n), 2000);
