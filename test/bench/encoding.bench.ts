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

function time(f: () => void, minMs = 1500): number {
  f();
  let runs = 0;
  const t0 = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs) {
    f();
    runs++;
    elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  return elapsed / runs;
}

const text = valuesFile(2 * 1024 * 1024);
const mb = Buffer.byteLength(text) / (1024 * 1024);
const tree = parseYaml(text);
const yamlOut = toYaml(tree);
const parseMs = time(() => parseYaml(text));
const toYamlMs = time(() => toYaml(tree));
const toJsonMs = time(() => marshalJson(tree));
console.log(`values file              ${mb.toFixed(2)} MB (toYaml output ${(yamlOut.length / (1024 * 1024)).toFixed(2)} MB)`);
console.log(`parseYaml                ${parseMs.toFixed(1)} ms  ${(mb / (parseMs / 1000)).toFixed(1)} MB/s`);
console.log(`toYaml                   ${toYamlMs.toFixed(1)} ms  ${(mb / (toYamlMs / 1000)).toFixed(1)} MB/s`);
console.log(`toJson                   ${toJsonMs.toFixed(1)} ms  ${(mb / (toJsonMs / 1000)).toFixed(1)} MB/s`);
