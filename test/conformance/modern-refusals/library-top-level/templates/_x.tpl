{{- define "helpers.x" }}x{{ end }}
