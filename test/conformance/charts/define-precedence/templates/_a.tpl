{{ define "x" }}from-a{{ end }}{{ define "y" }}y-a{{ end }}
