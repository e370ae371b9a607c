{{- define "kit.name" -}}
{{- .Values.nameOverride | default .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "kit.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $n := include "kit.name" . -}}
{{- ternary .Release.Name (printf "%s-%s" .Release.Name $n) (contains $n .Release.Name) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "kit.chartLabel" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Standard labels merged with rendered custom labels; the standard ones cannot be overridden. */}}
{{- define "kit.labels" -}}
{{- $std := dict "app.kubernetes.io/name" (include "kit.name" .ctx) "app.kubernetes.io/instance" .ctx.Release.Name "helm.sh/chart" (include "kit.chartLabel" .ctx) -}}
{{- with .component }}{{- $_ := set $std "app.kubernetes.io/component" . -}}{{- end -}}
{{- $custom := include "kit.render" (dict "value" (.custom | default dict) "ctx" .ctx) | fromYaml -}}
{{- toYaml (merge $std $custom) -}}
{{- end -}}

{{/* Selector labels: only the immutable keys, overridable by custom labels. */}}
{{- define "kit.selector" -}}
{{- $custom := include "kit.render" (dict "value" (.custom | default dict) "ctx" .ctx) | fromYaml -}}
{{- $sel := dict "app.kubernetes.io/name" (include "kit.name" .ctx) "app.kubernetes.io/instance" .ctx.Release.Name -}}
{{- toYaml (merge (pick $custom "app.kubernetes.io/name" "app.kubernetes.io/instance") $sel) -}}
{{- end -}}

{{- define "kit.image" -}}
{{- $registry := .image.registry -}}
{{- with .global }}{{ with .imageRegistry }}{{ $registry = . }}{{ end }}{{ end -}}
{{- $sep := ternary "@" ":" (not (empty .image.digest)) -}}
{{- $ref := .image.digest | default (.image.tag | toString) -}}
{{- if $registry }}{{ printf "%s/%s%s%s" $registry .image.repository $sep $ref }}{{ else }}{{ printf "%s%s%s" .image.repository $sep $ref }}{{ end -}}
{{- end -}}

{{- define "kit.pullSecrets" -}}
{{- $names := list -}}
{{- range ((.ctx.Values.global).imagePullSecrets | default list) -}}
  {{- $name := . -}}
  {{- if kindIs "map" . }}{{ $name = .name }}{{ end -}}
  {{- $names = append $names (include "kit.render" (dict "value" $name "ctx" $.ctx)) -}}
{{- end -}}
{{- range .images -}}
  {{- range .pullSecrets -}}
    {{- $names = append $names (include "kit.render" (dict "value" . "ctx" $.ctx)) -}}
  {{- end -}}
{{- end -}}
{{- with ($names | uniq) }}
imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end -}}
{{- end -}}
