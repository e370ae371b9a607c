{{- define "shared.name" -}}sub1-{{ .Chart.Name }}{{- end -}}
{{- define "sub1.only" -}}sub1only {{ .Values.global.region }}{{- end -}}
