{{- define "nodeov.config" -}}
{{- $name := index . 0 -}}
{{- $ctx := index . 1 -}}
apiVersion: v1
kind: Secret
metadata:
  name: {{ $name }}
type: Opaque
data:
  agent.conf: {{ range $k, $v := $ctx.Values.conf.agent }}{{ $k }}={{ $v }};{{ end }}
  chart: {{ $ctx.Chart.Name }}-{{ $ctx.Release.Name }}-{{ $ctx.Release.Namespace }}
{{- end -}}

{{- define "nodeov.daemonset" -}}
{{- $name := index . 0 -}}
{{- $ctx := index . 1 -}}
{{- with $ctx }}
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: {{ $name }}
  labels:
    chart: {{ .Chart.Name }}
    kube-minor: {{ .Capabilities.KubeVersion.Minor | quote }}
    template: {{ base .Template.Name }}
spec:
  template:
    spec:
      nodeSelector:
        {{ .Values.labels.agent.key }}: {{ .Values.labels.agent.value }}
      containers:
        - name: agent
          args: {{ .Values.conf.agent.interfaces | toJson }}
      volumes:
        - name: agent-etc
          secret:
            secretName: agent-etc
{{- end }}
{{- end -}}

{{- define "nodeov.expand" -}}
{{- $ctx := index . 0 -}}
{{- $what := index . 1 -}}
{{- $_ := unset $ctx ".Files" -}}
{{- $root := printf "%s_%s" $ctx.Chart.Name "agent" -}}
{{- $list := list -}}
{{- $default := true -}}
{{- range $key, $val := $ctx.Values.overrides -}}
{{- if eq $key $root -}}
{{- if hasKey $val "default_enabled" }}{{ $default = $val.default_enabled }}{{ end -}}
{{- range $lname, $ldata := $val.labels -}}
{{- $lkey := (split "::" $lname)._0 -}}
{{- $lval := (split "::" $lname)._1 -}}
{{- $copy := omit ($ctx.Values | toYaml | fromYaml) "overrides" -}}
{{- $merged := mergeOverwrite $copy $ldata.values -}}
{{- $exprs := list (dict "key" $lkey "operator" "In" "values" (list $lval)) -}}
{{- range $other, $_ := omit $val.labels $lname -}}
{{- $exprs = append $exprs (dict "key" (split "::" $other)._0 "operator" "NotIn" "values" (list (split "::" $other)._1)) -}}
{{- end -}}
{{- $list = append $list (dict "name" $lkey "override" $lname "values" $merged "exprs" $exprs) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if $default -}}
{{- $list = append $list (dict "name" "default" "values" (omit $ctx.Values "overrides") "exprs" list) -}}
{{- end -}}
{{- range $item := $list }}
{{- $noValues := omit $ctx "Values" -}}
{{- $node := mergeOverwrite $noValues (dict "Values" $item.values) -}}
{{- $suffix := ternary "default" ($item.exprs | quote | sha256sum | trunc 16) (eq $item.name "default") -}}
{{- $name := printf "%s-%s" $root $suffix | replace "_" "-" }}
{{- $ds := list $name $node | include "nodeov.daemonset" | toString | fromYaml -}}
{{- $ds = $ds | toYaml | fromYaml -}}
{{- range $vol := $ds.spec.template.spec.volumes -}}
{{- if hasKey $vol "secret" }}{{ $_ := set $vol.secret "secretName" (printf "%s-etc" $name) }}{{ end -}}
{{- end -}}
{{- if $item.exprs -}}
{{- $_ := set $ds.spec.template.spec "affinity" (dict "nodeAffinity" (dict "requiredDuringSchedulingIgnoredDuringExecution" (dict "nodeSelectorTerms" (list (dict "matchExpressions" (concat $item.exprs (list)) ))))) -}}
{{- $_ := set $ds.metadata "annotations" (dict "daemonset_override" $item.override) -}}
{{- end -}}
{{- $cm := list (printf "%s-etc" $name) $node | include "nodeov.config" }}
{{- $_ := set $ds.spec.template "metadata" (dict "annotations" (dict "configmap-etc-hash" ($cm | quote | sha256sum))) }}
---
{{ if eq $what "config" }}{{ $cm }}{{ else }}{{ $ds | toYaml }}{{ end }}
{{- end }}
{{- end -}}
