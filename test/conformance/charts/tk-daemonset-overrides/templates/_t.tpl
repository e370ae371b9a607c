{{- define "cm" -}}
{{- $name := index . 0 -}}
{{- $envAll := index . 1 -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ $name }}
  labels:
    rel: {{ $envAll.Release.Name }}
    chart: {{ $envAll.Chart.Name }}
data:
  conf: {{ $envAll.Values.conf | toJson | quote }}
  keys: {{ keys $envAll | sortAlpha | join "," | quote }}
  tmpl: {{ $envAll.Template.Name | quote }}
  kube: {{ $envAll.Capabilities.KubeVersion.Version | quote }}
{{- end -}}
