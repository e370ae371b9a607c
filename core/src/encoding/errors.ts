import { HelmError } from '../errors/index.js';

/** An error of Go's encoding/json, with Go's message (`json: unsupported value: NaN`). */
export class JsonError extends HelmError {}

/**
 * An error of go-yaml or sigs.k8s.io/yaml, with Go's message
 * (`error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context`);
 * `file` and `line` are set when known.
 */
export class YamlError extends HelmError {}
