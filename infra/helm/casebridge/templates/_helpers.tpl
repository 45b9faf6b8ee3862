{{- define "casebridge.labels" -}}
app.kubernetes.io/part-of: casebridge
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/instance: {{ .Release.Name }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}

{{- define "casebridge.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "casebridge.fullname" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* the merged settings of one service: defaults overridden by services.<name> */}}
{{- define "casebridge.service" -}}
{{- $svc := deepCopy .root.Values.defaults | mustMergeOverwrite (deepCopy .svc) -}}
{{- toYaml $svc -}}
{{- end -}}
