{{- define "lib.common" -}}
managed-by: {{ .Release.Service }}
{{- end -}}
