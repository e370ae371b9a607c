// Encoding throughput over a ~2 MB values file: parseYaml (as Helm reads values files), toYaml and
// toJson of the parsed tree (what `toYaml .Values | nindent` does), in MB/s of YAML text.
import { parseYaml, toYaml, marshalJson } from '@helm-ts/core/encoding';

function valuesFile(targetBytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const block = [
      `service${i}:`,
      `  enabled: ${i % 2 === 0}`,
      `  replicaCount: ${i % 7}`,
      `  image:`,
      `    repository: registry.example.com/team/app-${i}`,
      `    tag: "1.${i}.0"`,
      `    pullPolicy: IfNotPresent`,
      `  resources:`,
      `    limits: {cpu: 500m, memory: ${128 + i}Mi}`,
      `    requests:`,
      `      cpu: 0.25`,
      `      memory: 64Mi`,
      `  env:`,
      `  - name: LOG_LEVEL`,
      `    value: info`,
      `  - name: TIMEOUT`,
      `    value: "30"`,
      `  annotations:`,
      `    prometheus.io/scrape: "true"`,
      `    description: This is a fairly long description of service number ${i} that goes past the eighty column fold point of go-yaml`,
      `  config: |`,
      `    server.port=8080`,
      `    server.name=svc-${i}`,
      `  ports: [80, 443, 8080]`,
      '',
    ].join('\n');
    parts.push(block);
    size += block.length;
  }
  return parts.join('\n');
}

// Median wall time of a run (the machine is shared, so the median of several runs is steadier than
// the mean), and the process CPU time per run alongside.
function time(f: () => void, runs = 7): { wall: number; cpu: number } {
  f();
  const walls: number[] = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    f();
    walls.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const c = process.cpuUsage(c0);
  walls.sort((a, b) => a - b);
  return { wall: walls[Math.floor(runs / 2)]!, cpu: (c.user + c.system) / 1000 / runs };
}

const text = valuesFile(2 * 1024 * 1024);
const mb = Buffer.byteLength(text) / (1024 * 1024);
const tree = parseYaml(text);
const yamlOut = toYaml(tree);
console.log(`values file              ${mb.toFixed(2)} MB (toYaml output ${(yamlOut.length / (1024 * 1024)).toFixed(2)} MB)`);
const rows: [string, () => unknown][] = [
  ['parseYaml', () => parseYaml(text)],
  // An alias of a collection makes the fast path hand over to the exact one (after trying).
  ['parseYaml (exact path)', () => parseYaml(text + 'zz: &a {x: 1}\nzy: *a\n')],
  ['toYaml', () => toYaml(tree)],
  ['toJson', () => marshalJson(tree)],
];
for (const [name, f] of rows) {
  const t = time(f);
  console.log(`${name.padEnd(24)} ${t.wall.toFixed(1).padStart(7)} ms  ${(mb / (t.wall / 1000)).toFixed(1).padStart(5)} MB/s   (cpu ${t.cpu.toFixed(1)} ms)`);
}
