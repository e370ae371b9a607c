{{- define "tk.utils.template" -}}
{{- $name := index . 0 -}}
{{- $context := index . 1 -}}
{{- $last := base $context.Template.Name }}
{{- $wtf := $context.Template.Name | replace $last $name -}}
{{ include $wtf $context }}
{{- end -}}

{{- define "tk.utils.joinListWithComma" -}}
{{- $local := dict "first" true -}}
{{- range $k, $v := . -}}{{- if not $local.first -}},{{- end -}}{{- $v -}}{{- $_ := set $local "first" false -}}{{- end -}}
{{- end -}}

{{- define "tk.image" -}}
{{- $envAll := index . 0 -}}
{{- $image := index . 1 -}}
{{- $imageTag := index $envAll.Values.images.tags $image -}}
image: {{ $imageTag | quote }}
imagePullPolicy: {{ $envAll.Values.images.pull_policy }}
{{- end -}}

{{- define "tk.deps" -}}
{{- $envAll := index . 0 -}}
{{- $component := index . 1 -}}
{{- $deps := index $envAll.Values.dependencies.static $component -}}
- name: init
{{ tuple $envAll "dep" | include "tk.image" | indent 2 }}
  env:
    - name: DEPENDENCY_JOBS
      value: "{{ include "tk.utils.joinListWithComma" $deps.jobs }}"
    - name: DEPENDENCY_SERVICE
      value: "{{ tuple $deps.services $envAll | include "tk.svcs" }}"
{{- end -}}

{{- define "tk.svcs" -}}
{{- $svcs := index . 0 -}}
{{- $envAll := index . 1 -}}
{{- $out := list -}}
{{- range $s := $svcs -}}
{{- $out = append $out (printf "%s:%s-%s" $envAll.Release.Namespace $s.service $s.endpoint) -}}
{{- end -}}
{{- $out | join "," -}}
{{- end -}}

{{- define "tk.ini" -}}
{{- range $section, $values := . -}}
{{- if kindIs "map" $values }}
[{{ $section }}]
{{- range $key, $value := $values -}}
{{- if kindIs "slice" $value }}
{{ $key }} = {{ include "tk.utils.joinListWithComma" $value }}
{{- else if kindIs "invalid" $value }}
#{{ $key }} = <None>
{{- else }}
{{ $key }} = {{ $value }}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
