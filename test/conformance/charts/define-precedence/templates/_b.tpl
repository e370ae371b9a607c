{{ define "x" }}from-b{{ end }}{{ define "y" }}{{ end }}
