// `npm run snapshot`: rewrites test/e2e/snapshots/command-snapshot.json from the built oclif manifests, after
// an intended change to the CLI surface (the cli-surface test fails on any unintended one).
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = {};
for (const dir of readdirSync(join(root, 'plugins')).sort()) {
  const f = join(root, 'plugins', dir, 'oclif.manifest.json');
  if (!existsSync(f)) continue;
  for (const [id, c] of Object.entries(JSON.parse(readFileSync(f, 'utf8')).commands)) {
    out[id.replaceAll(':', ' ')] = {
      aliases: (c.aliases ?? []).map((a) => a.replaceAll(':', ' ')).sort(),
      flags: Object.entries(c.flags).map(([k, v]) => k + (v.char ? `/-${v.char}` : '')).sort(),
    };
  }
}
const sorted = Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
writeFileSync(join(root, 'test', 'e2e', 'snapshots', 'command-snapshot.json'), `${JSON.stringify(sorted, null, 1)}\n`);
console.log(`${Object.keys(sorted).length} commands written`);
