{{/* rounds a cpu limit in any format to an integer, at least 1 */}}
{{- define "osh.schedulers" -}}
{{- $val := . | toString -}}
{{- if regexMatch "^[0-9]*m$" $val -}}
{{- $val = div (float64 (trimSuffix "m" $val)) 1000 -}}
{{- end -}}
{{- $val | float64 | int | default 1 -}}
{{- end -}}

{{- define "osh.to_config" -}}
{{- range $top_key, $top_value := . }}
{{- if kindIs "map" $top_value -}}
{{- range $second_key, $second_value := . }}
{{- if kindIs "map" $second_value -}}
{{- range $third_key, $third_value := . }}
{{ $top_key }}.{{ $second_key }}.{{ $third_key }} = {{ $third_value }}
{{- end -}}
{{ else }}
{{ $top_key }}.{{ $second_key }} = {{ $second_value }}
{{- end -}}
{{- end -}}
{{ else }}
{{ $top_key }} = {{ $top_value }}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "osh.port" -}}
{{- $name := index . 0 -}}
{{- $ctx := index . 1 -}}
{{- printf "%1.f" (index $ctx.Values.ports $name) -}}
{{- end -}}
