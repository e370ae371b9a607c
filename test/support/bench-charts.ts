// Generated charts for the render benchmarks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './helm.js';

/** A chart of `n` templates, each calling a chain of helpers: the include-heavy shape of helm-toolkit charts. */
export function generatedChart(n: number): string {
  const dir = join(tempDir('bench-chart-'), 'heavy');
  mkdirSync(join(dir, 'templates'), { recursive: true });
  writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v1\nname: heavy\nversion: 1.0.0\n');
  const values = ['image: {repository: nginx, tag: "1.19"}', 'labels:'];
  for (let i = 0; i < 20; i++) values.push(`  l${i}: v${i}`);
  writeFileSync(join(dir, 'values.yaml'), values.join('\n') + '\n');
  const helpers: string[] = [];
  for (let i = 0; i < 30; i++) {
    helpers.push(`{{- define "h.l${i}" -}}\n${i > 0 ? `{{ include "h.l${i - 1}" . }}\n` : ''}k${i}: {{ printf "%s-%d" .Release.Name ${i} | trunc 40 | quote }}\n{{- end -}}`);
  }
  writeFileSync(join(dir, 'templates', '_helpers.tpl'), helpers.join('\n') + '\n');
  for (let t = 0; t < n; t++) {
    writeFileSync(join(dir, 'templates', `cm${t}.yaml`), `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-cm${t}
  labels:
{{ toYaml .Values.labels | indent 4 }}
data:
{{ include "h.l29" . | indent 2 }}
  image: {{ printf "%s:%s" .Values.image.repository .Values.image.tag | quote }}
{{- range $k, $v := .Values.labels }}
  {{ $k }}: {{ $v | upper | quote }}
{{- end }}
`);
  }
  return dir;
}

/** A chart whose templates call tpl 400 times among 60 helper files: the shape of charts built on tplvalues helpers. */
export function generatedTplChart(): string {
  const dir = join(tempDir('bench-chart-'), 'tpl-heavy');
  mkdirSync(join(dir, 'templates'), { recursive: true });
  writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: tpl-heavy\nversion: 0.1.0\n');
  writeFileSync(join(dir, 'values.yaml'), 'a: "x-{{ .Release.Name }}"\nb: {c: "{{ .Values.a }}-y"}\n');
  for (let i = 1; i <= 60; i++) writeFileSync(join(dir, 'templates', `_h${i}.tpl`), `{{- define "h${i}" -}}x{{- end -}}\n`);
  for (let i = 1; i <= 20; i++) {
    writeFileSync(join(dir, 'templates', `c${i}.yaml`), `apiVersion: v1
kind: ConfigMap
metadata:
  name: c${i}
data:
{{- range $i, $e := until 10 }}
  k{{ $i }}: {{ tpl $.Values.a $ | quote }}
  j{{ $i }}: {{ tpl (toYaml $.Values.b) $ | quote }}
{{- end }}
`);
  }
  return dir;
}
