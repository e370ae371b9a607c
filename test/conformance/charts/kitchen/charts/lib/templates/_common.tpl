{{- define "lib.common" -}}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}
