{{ define "x" }}from-sub{{ end }}{{ define "z" }}z-sub{{ end }}
