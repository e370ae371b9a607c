{{- define "gitopsd.presets" -}}
{{- $presets := dict -}}
{{- $_ := set $presets "url" (printf "https://%s.%s" .Release.Name "example.local") -}}
{{- $_ := set $presets "kustomize.buildOptions" "--enable-helm" -}}
{{- toYaml $presets }}
{{- end -}}
{{- define "gitopsd.cm" -}}
{{- $config := mergeOverwrite (deepCopy (omit .Values.configs.cm "create" "annotations")) (.Values.server.config | default dict) -}}
{{- $preset := include "gitopsd.presets" . | fromYaml | default dict -}}
{{- range $key, $value := mergeOverwrite $preset $config }}
{{- $text := $value | toString }}
{{- if ne $text "" }}
{{ $key }}: {{ $text | toYaml }}
{{- end }}
{{- end }}
{{- end -}}
