{{/* Render a value (string or structure) as a template; with "scope", `.` is the scope and `$` the root. */}}
{{- define "kit.render" -}}
{{- $text := ternary .value (toYaml .value) (typeIs "string" .value) -}}
{{- if contains "{{" (toJson .value) -}}
  {{- if .scope -}}
    {{- tpl (cat "{{- with $.Scoped -}}" $text "{{- end }}") (merge (dict "Scoped" .scope) .ctx) -}}
  {{- else -}}
    {{- tpl $text .ctx -}}
  {{- end -}}
{{- else -}}
  {{- $text -}}
{{- end -}}
{{- end -}}

{{/* Merge several maps after rendering each; earlier ones win. */}}
{{- define "kit.mergeRendered" -}}
{{- $out := dict -}}
{{- range .maps -}}
  {{- $out = merge $out (include "kit.render" (dict "value" . "ctx" $.ctx) | fromYaml) -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}
