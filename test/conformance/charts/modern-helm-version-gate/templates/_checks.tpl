{{- define "versiongate.requireHelm" -}}
{{- $running := semver .Capabilities.HelmVersion.Version -}}
{{- $wanted := semver (index .Chart.Annotations "example.org/min-helm-version" | default "3.0.0") -}}
{{- if lt ($running.Compare $wanted) 0 -}}
{{- fail (printf "this chart needs Helm >= %s (running %s)" $wanted $running) -}}
{{- end -}}
{{- end -}}
