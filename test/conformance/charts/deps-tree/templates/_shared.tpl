{{- define "shared.name" -}}parent-{{ .Chart.Name }}{{- end -}}
