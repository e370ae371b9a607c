#!/bin/bash
set -ex
echo {{ .Release.Name }} {{ .Template.Name }}
