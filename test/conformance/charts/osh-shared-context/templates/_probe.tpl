{{- define "osh-shared-context.probe" -}}
{{- $envAll := index . "envAll" -}}
{{- $opts := index $envAll.Values.probes "server" (index . "type") -}}
{{- if $opts.enabled -}}
{{ dict (printf "%sProbe" (index . "type")) (mergeOverwrite (index . "template") ($opts.params | default dict)) | toYaml }}
{{- end -}}
{{- end -}}
