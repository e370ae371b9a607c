{{/* A security context without "enabled", adapted for restricted platforms and privileged containers. */}}
{{- define "kit.securityContext" -}}
{{- $sc := omit .sc "enabled" -}}
{{- $mode := dig "platform" "adapt" "off" (.ctx.Values.global | default dict) -}}
{{- if or (eq $mode "force") (and (eq $mode "auto") (.ctx.Capabilities.APIVersions.Has "security.openshift.io/v1")) -}}
  {{- $sc = omit $sc "runAsUser" "runAsGroup" "fsGroup" -}}
  {{- if not .sc.seLinuxOptions }}{{ $sc = omit $sc "seLinuxOptions" }}{{ end -}}
{{- end -}}
{{- if $sc.privileged }}{{ $sc = omit $sc "capabilities" "readOnlyRootFilesystem" "runAsNonRoot" }}{{ end -}}
{{- toYaml $sc -}}
{{- end -}}

{{- define "kit.sizes" -}}
{{- $t := dict
    "tiny"  (dict "requests" (dict "cpu" "50m" "memory" "64Mi") "limits" (dict "cpu" "75m" "memory" "96Mi"))
    "small" (dict "requests" (dict "cpu" "250m" "memory" "256Mi" "ephemeral-storage" "50Mi") "limits" (dict "cpu" "375m" "memory" "384Mi" "ephemeral-storage" "2Gi"))
    "large" (dict "requests" (dict "cpu" 1.5 "memory" "2Gi") "limits" (dict "cpu" 3.0 "memory" "4Gi")) -}}
{{- if hasKey $t .size -}}
{{- index $t .size | toYaml -}}
{{- else -}}
{{- fail (printf "size %q is not one of %s" .size (keys $t | sortAlpha | join ", ")) -}}
{{- end -}}
{{- end -}}

{{- define "kit.spread" -}}
{{- if eq .mode "soft" }}
preferredDuringSchedulingIgnoredDuringExecution:
  - weight: {{ .weight | default 1 }}
    podAffinityTerm:
      labelSelector:
        matchLabels: {{- include "kit.selector" (dict "custom" .custom "ctx" .ctx) | nindent 10 }}
      topologyKey: {{ .key | default "kubernetes.io/hostname" }}
{{- else if eq .mode "hard" }}
requiredDuringSchedulingIgnoredDuringExecution:
  - labelSelector:
      matchLabels: {{- include "kit.selector" (dict "custom" .custom "ctx" .ctx) | nindent 8 }}
    topologyKey: {{ .key | default "kubernetes.io/hostname" }}
    {{- with .namespaces }}
    namespaces: {{- include "kit.render" (dict "value" . "ctx" $.ctx) | nindent 6 }}
    {{- end }}
{{- end -}}
{{- end -}}

{{- define "kit.warnings" -}}
{{- $missing := list -}}
{{- range $path := .sections -}}
  {{- $node := $.ctx.Values -}}
  {{- range (splitList "." $path | compact) }}{{ $node = index $node . }}{{ end -}}
  {{- if and (not $node.resources) (ne (toString ($node.size | default "none")) "none") -}}
    {{- $missing = append $missing (trimPrefix "." (printf "%s.resources" $path)) -}}
  {{- end -}}
{{- end -}}
{{- if $missing }}
WARNING: sizes used instead of resources for: {{ join ", " $missing }}
{{- end -}}
{{- end -}}
