{{- define "dnsagent.fullname" -}}
{{- $n := default .Chart.Name .Values.nameOverride -}}
{{- if contains $n .Release.Name }}{{ .Release.Name | trunc 63 | trimSuffix "-" }}{{ else }}{{ printf "%s-%s" .Release.Name $n | trunc 63 | trimSuffix "-" }}{{ end -}}
{{- end -}}

{{/* The provider may be given as a string (possibly a template) or as a map with a name. */}}
{{- define "dnsagent.provider" -}}
{{- if kindIs "string" .Values.provider -}}
{{- tpl .Values.provider . -}}
{{- else -}}
{{- tpl (.Values.provider.name | default "aws") . -}}
{{- end -}}
{{- end -}}

{{/* Flags from a map: key with an empty/true-ish value becomes a bare flag, lists repeat the flag. */}}
{{- define "dnsagent.flags" -}}
{{- range $key, $value := . }}
{{- if kindIs "slice" $value }}
{{- range $value }}
- --{{ $key }}={{ . }}
{{- end }}
{{- else if eq ($value | quote | len) 2 }}
- --{{ $key }}
{{- else if kindIs "bool" $value }}
- --{{ $key }}={{ ternary "true" "false" $value }}
{{- else }}
- --{{ $key }}={{ $value }}
{{- end }}
{{- end }}
{{- end -}}
