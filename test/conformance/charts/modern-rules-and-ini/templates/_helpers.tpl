{{- define "monitoring.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 26 | trimSuffix "-" -}}
{{- end -}}
{{- define "monitoring.labels" }}
release: {{ $.Release.Name | quote }}
chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | quote }}
{{- end }}
{{- define "monitoring.iniSection" -}}
{{- range $elem, $elemVal := .section }}
{{- if kindIs "invalid" $elemVal }}
{{ $elem }} =
{{- else if kindIs "string" $elemVal }}
{{ $elem }} = {{ tpl $elemVal $.root }}
{{- else if kindIs "map" $elemVal }}
{{- else }}
{{ $elem }} = {{ $elemVal }}
{{- end }}
{{- end }}
{{- end -}}
