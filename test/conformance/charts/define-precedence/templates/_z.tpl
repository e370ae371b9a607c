{{ define "z" }}  {{ end }}
