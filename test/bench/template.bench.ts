// Template engine throughput on a generated chart-like set: 200 helper defines that call each other
// through an `include` function (as Helm's helpers do), and 60 manifest templates using them.
// Parse once, execute many: prints parse and execute throughput in templates per CPU second.
import { TemplateSet, goFunc, isTrue, type GoMap, type GoValue } from '@helm-ts/core/template';

const HELPERS = 200;
const FILES = 60;

function helper(i: number): string {
  const callees = [2 * i + 1, 2 * i + 2].filter((j) => j < HELPERS);
  const calls = callees.map((j) => `{{ include "h${j}" . | trim }}`).join('-');
  return `{{- define "h${i}" -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s-%d" .Release.Name $name ${i} | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- if lt (len .Values.list) ${i % 5} }}{{ end -}}
${calls}
{{- end -}}
`;
}

function file(i: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "h${i % 30}" . }}
  labels:
{{- range $k, $v := .Values.labels }}
    {{ $k }}: {{ $v | quote }}
{{- end }}
spec:
  replicas: {{ .Values.replicas }}
  template:
    spec:
      containers:
{{- range $i, $c := .Values.containers }}
        - name: {{ $c.name }}-{{ $i }}
          image: "{{ $c.image }}:{{ $c.tag | default "latest" }}"
          {{- with $c.ports }}
          ports:
            {{- range . }}
            - containerPort: {{ .port }}
              protocol: {{ .protocol | default "TCP" }}
            {{- end }}
          {{- end }}
          {{- if and $c.resources (not $.Values.disableResources) }}
          resources:
            limits: {{ $c.resources.limits.cpu }}/{{ $c.resources.limits.memory }}
          {{- end }}
{{- end }}
      {{- if .Values.nodeSelector }}
      nodeSelector: {{ .Values.nodeSelector }}
      {{- end }}
`;
}

const values: GoMap = {
  nameOverride: '',
  fullnameOverride: '',
  replicas: 3,
  list: ['a', 'b', 'c'],
  labels: { app: 'demo', tier: 'backend', team: 'platform', env: 'prod' },
  containers: [1, 2, 3].map((n) => ({
    name: `c${n}`, image: `repo/img${n}`, tag: n === 2 ? null : `v${n}`,
    ports: [{ port: 8080 + n, protocol: null }, { port: 9090 + n, protocol: 'UDP' }],
    resources: { limits: { cpu: '500m', memory: '128Mi' } },
  })),
  nodeSelector: { disk: 'ssd' },
};
const data: GoMap = { Values: values, Chart: { Name: 'demo' }, Release: { Name: 'rel', Namespace: 'default' } };

function makeSet(): TemplateSet {
  const set: TemplateSet = new TemplateSet({
    missingKey: 'zero',
    funcs: {
      include: goFunc({ params: ['string', 'any'] }, (name: string, d: GoValue): GoValue => set.execute(name, d)),
      default: goFunc({ params: ['any'], variadic: 'any' }, (d: GoValue, ...g: GoValue[]) => (g.length === 0 || !isTrue(g[0]) ? d : g[0])),
      trunc: goFunc({ params: ['int', 'string'] }, (n: bigint, s: string) => s.slice(0, Number(n))),
      trimSuffix: goFunc({ params: ['string', 'string'] }, (suf: string, s: string) => (s.endsWith(suf) ? s.slice(0, s.length - suf.length) : s)),
      trim: goFunc({ params: ['string'] }, (s: string) => s.trim()),
      quote: goFunc({ params: [], variadic: 'any' }, (...a: GoValue[]) => a.map((x) => JSON.stringify(String(x))).join(' ')),
    },
  });
  return set;
}

const helperTexts = Array.from({ length: HELPERS }, (_, i) => helper(i));
const fileTexts = Array.from({ length: FILES }, (_, i) => file(i));
const allTexts = [...helperTexts.map((t, i) => [`demo/templates/_h${i}.tpl`, t]), ...fileTexts.map((t, i) => [`demo/templates/f${i}.yaml`, t])] as const;

/** Runs fn for at least minMs of this process's CPU time (the machine is shared, wall time is noisy). */
function time(fn: () => void, minMs: number): { runs: number; ms: number } {
  let runs = 0;
  const c0 = process.cpuUsage();
  let ms = 0;
  do {
    fn();
    runs++;
    const c = process.cpuUsage(c0);
    ms = (c.user + c.system) / 1000;
  } while (ms < minMs);
  return { runs, ms };
}

// Warm up.
let set = makeSet();
for (const [n, t] of allTexts) set.parse(n, t);
for (let i = 0; i < FILES; i++) set.execute(`demo/templates/f${i}.yaml`, data);

const parse = time(() => {
  set = makeSet();
  for (const [n, t] of allTexts) set.parse(n, t);
}, 2000);
const parsed = parse.runs * allTexts.length;
const bytes = allTexts.reduce((s, [, t]) => s + t.length, 0);
console.log(`parse     ${(parsed / (parse.ms / 1000)).toFixed(0).padStart(8)} templates/s  (${(bytes * parse.runs / 1024 / 1024 / (parse.ms / 1000)).toFixed(1)} MB/s, ${allTexts.length} templates, ${(bytes / 1024).toFixed(0)} KB)`);

let outBytes = 0;
const exec = time(() => {
  for (let i = 0; i < FILES; i++) outBytes += set.execute(`demo/templates/f${i}.yaml`, data).length;
}, 3000);
const executed = exec.runs * FILES;
function subtree(i: number): number {
  return i >= HELPERS ? 0 : 1 + subtree(2 * i + 1) + subtree(2 * i + 2);
}
let includes = 0;
for (let i = 0; i < FILES; i++) includes += subtree(i % 30);
const perSec = executed / (exec.ms / 1000);
console.log(`execute   ${perSec.toFixed(0).padStart(8)} templates/s  (${(outBytes / 1024 / 1024 / (exec.ms / 1000)).toFixed(1)} MB/s output)`);
console.log(`include   ${(perSec * includes / FILES).toFixed(0).padStart(8)} helper executions/s (${(includes / FILES).toFixed(1)} includes per manifest)`);
