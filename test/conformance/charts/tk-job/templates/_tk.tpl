{{- define "tk.joinListWithComma" -}}
{{- $local := dict "first" true -}}
{{- range $k, $v := . -}}{{- if not $local.first -}},{{- end -}}{{- $v -}}{{- $_ := set $local "first" false -}}{{- end -}}
{{- end -}}
{{- define "tk.hostname_list" -}}
{{- $deps := index . 0 -}}
{{- $envAll := index . 1 -}}
{{- $list := list -}}
{{- range $dep := $deps -}}
{{- $ep := index $envAll.Values.endpoints $dep.service -}}
{{- $ns := $ep.namespace | default $envAll.Release.Namespace -}}
{{- $list = append $list (printf "%s:%s" $ns (index $ep.hosts "default")) -}}
{{- end -}}
{{- include "tk.joinListWithComma" $list -}}
{{- end -}}
{{- define "tk.dep_resolver" -}}
{{- $envAll := index . 0 -}}
{{- $component := index . 1 -}}
{{- $deps := index $envAll.Values.dependencies.static $component | deepCopy -}}
{{- if $envAll.Values.images.local_registry.active -}}
{{- $_ := set $deps "jobs" (concat $deps.jobs $envAll.Values.dependencies.dynamic.common.local_image_registry.jobs) -}}
{{- end -}}
{{- $_ := set $envAll.Values "__deps" $deps -}}
{{- end -}}
{{- define "tk.init_container" -}}
{{- $envAll := index . 0 -}}
{{- $component := index . 1 -}}
{{- $mounts := index . 2 -}}
{{- $_ := include "tk.dep_resolver" (tuple $envAll $component) -}}
{{- $deps := $envAll.Values.__deps -}}
- name: init
  image: {{ $envAll.Values.images.tags.dep_check }}
  imagePullPolicy: {{ $envAll.Values.images.pull_policy }}
  env:
    - name: DEPENDENCY_SERVICE
      value: "{{ tuple $deps.services $envAll | include "tk.hostname_list" }}"
    - name: DEPENDENCY_JOBS
      value: "{{  include "tk.joinListWithComma" $deps.jobs }}"
    - name: DEPENDENCY_DAEMONSET
      value: "{{  include "tk.joinListWithComma" $deps.daemonset }}"
  volumeMounts: {{ $mounts | default "[]"}}
{{- end -}}
{{- define "tk.labels" -}}
{{- $envAll := index . 0 -}}
release_group: {{ $envAll.Values.release_group | default $envAll.Release.Name }}
application: {{ index . 1 }}
component: {{ index . 2 }}
{{- end -}}
{{- define "tk.resources" -}}
{{- $envAll := index . 0 -}}
{{- $component := index . 1 -}}
{{- if $envAll.Values.pod.resources.enabled -}}
resources:
  limits:
    cpu: {{ $component.limits.cpu | quote }}
    memory: {{ $component.limits.memory | quote }}
  requests:
    cpu: {{ $component.requests.cpu | quote }}
    memory: {{ $component.requests.memory | quote }}
{{- end -}}
{{- end -}}
{{- define "tk.job_db_sync" -}}
{{- $envAll := index . "envAll" -}}
{{- $serviceName := index . "serviceName" -}}
{{- $jobAnnotations := index . "jobAnnotations" -}}
{{- $nodeSelector := index . "nodeSelector" | default ( dict $envAll.Values.labels.job.node_selector_key $envAll.Values.labels.job.node_selector_value ) -}}
{{- $configMapBin := index . "configMapBin" | default (printf "%s-%s" $serviceName "bin" ) -}}
{{- $podVolMounts := index . "podVolMounts" | default false -}}
{{- $podVols := index . "podVols" | default false -}}
{{- $podEnvVars := index . "podEnvVars" | default false -}}
{{- $dbToSync := index . "dbToSync" | default ( dict "configFile" (printf "/etc/%s/%s.conf" $serviceName $serviceName ) "image" ( index $envAll.Values.images.tags ( printf "%s_db_sync" $serviceName )) ) -}}
{{- $backoffLimit := index . "backoffLimit" | default "1000" -}}
{{- $activeDeadlineSeconds := index . "activeDeadlineSeconds" -}}
{{- $serviceNamePretty := $serviceName | replace "_" "-" -}}
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ printf "%s-%s" $serviceNamePretty "db-sync" | quote }}
  labels:
{{ tuple $envAll $serviceName "db-sync" | include "tk.labels" | indent 4 }}
  annotations:
{{- if $jobAnnotations }}
{{ toYaml $jobAnnotations | indent 4 }}
{{- end }}
spec:
  backoffLimit: {{ $backoffLimit }}
{{- if $activeDeadlineSeconds }}
  activeDeadlineSeconds: {{ $activeDeadlineSeconds }}
{{- end }}
  template:
    spec:
      nodeSelector:
{{ toYaml $nodeSelector | indent 8 }}
      initContainers:
{{ tuple $envAll "db_sync" list | include "tk.init_container" | indent 8 }}
      containers:
        - name: {{ printf "%s-%s" $serviceNamePretty "db-sync" | quote }}
          image: {{ $dbToSync.image | quote }}
{{ tuple $envAll $envAll.Values.pod.resources.jobs.db_sync | include "tk.resources" | indent 10 }}
{{- if $podEnvVars }}
          env:
{{ $podEnvVars | toYaml | indent 12 }}
{{- end }}
          volumeMounts:
            - name: db-sync-conf
              mountPath: {{ $dbToSync.configFile | quote }}
              subPath: {{ base $dbToSync.configFile | quote }}
{{- if $podVolMounts }}
{{ $podVolMounts | toYaml | indent 12 }}
{{- end }}
      volumes:
        - name: db-sync-sh
          configMap:
            name: {{ $configMapBin | quote }}
            defaultMode: 0555
{{- if $podVols }}
{{ $podVols | toYaml | indent 8 }}
{{- end }}
{{- end }}
