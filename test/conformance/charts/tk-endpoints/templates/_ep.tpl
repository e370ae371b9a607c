{{- define "ep.hostname_short" -}}
{{- $type := index . 0 -}}
{{- $endpoint := index . 1 -}}
{{- $context := index . 2 -}}
{{- $typeYamlSafe := $type | replace "-" "_" }}
{{- $endpointMap := index $context.Values.endpoints ( $type | replace "-" "_" ) }}
{{- $endpointScheme := $endpointMap.scheme }}
{{- $endpointHost := index $endpointMap.hosts $endpoint | default $endpointMap.hosts.default }}
{{- printf "%s" $endpointHost -}}
{{- end -}}

{{- define "ep.fqdn" -}}
{{- $type := index . 0 -}}
{{- $endpoint := index . 1 -}}
{{- $context := index . 2 -}}
{{- $endpointMap := index $context.Values.endpoints ( $type | replace "-" "_" ) }}
{{- $namespace := $endpointMap.namespace | default $context.Release.Namespace }}
{{- $endpointHostname := tuple $type $endpoint $context | include "ep.hostname_short" }}
{{- $endpointClusterHostname := printf "%s.%s.svc.%s" $endpointHostname $namespace $context.Values.endpoints.cluster_domain_suffix }}
{{- if kindIs "map" (index $endpointMap.host_fqdn_override $endpoint) }}
{{- $endpointHostFQDN := index $endpointMap.host_fqdn_override $endpoint "host" }}
{{- printf "%s" $endpointHostFQDN -}}
{{- else }}
{{- $endpointHostFQDN := $endpointMap.host_fqdn_override.default | default $endpointClusterHostname }}
{{- printf "%s" $endpointHostFQDN -}}
{{- end }}
{{- end -}}

{{- define "ep.port" -}}
{{- $type := index . 0 -}}
{{- $endpoint := index . 1 -}}
{{- $port := index . 2 -}}
{{- $context := index . 3 -}}
{{- $typeYamlSafe := $type | replace "-" "_" }}
{{- $endpointMap := index $context.Values.endpoints $typeYamlSafe }}
{{- $endpointPortMAP := index $endpointMap.port $port }}
{{- $endpointPort := index $endpointPortMAP $endpoint | default (index $endpointPortMAP "default") }}
{{- printf "%1.f" $endpointPort -}}
{{- end -}}

{{- define "ep.uri" -}}
{{- $type := index . 0 -}}
{{- $endpoint := index . 1 -}}
{{- $port := index . 2 -}}
{{- $context := index . 3 -}}
{{- $endpointMap := index $context.Values.endpoints ( $type | replace "-" "_" ) }}
{{- $scheme := index $endpointMap.scheme $endpoint | default $endpointMap.scheme.default }}
{{- $host := tuple $type $endpoint $context | include "ep.fqdn" }}
{{- $portn := tuple $type $endpoint $port $context | include "ep.port" }}
{{- $path := index $endpointMap.path $endpoint | default $endpointMap.path.default }}
{{- printf "%s://%s:%s%s" $scheme $host $portn $path -}}
{{- end -}}

{{- define "ep.resources" -}}
{{- $component := index . 1 -}}
{{- if $component.enabled -}}
resources:
{{ toYaml (omit $component "enabled") | indent 2 }}
{{- end -}}
{{- end -}}

{{- define "ep.labels" -}}
{{- $envAll := index . 0 -}}
{{- $application := index . 1 -}}
{{- $component := index . 2 -}}
release_group: {{ $envAll.Values.release_group | default $envAll.Release.Name }}
application: {{ $application }}
component: {{ $component }}
{{- end -}}
