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
