/**
 * Go-exact serialization, checked against Helm 3.10.1 (sigs.k8s.io/yaml v1.3 over gopkg.in/yaml.v2 v2.4,
 * Go 1.18 encoding/json, BurntSushi/toml):
 *
 * - toYaml(v): sigs.k8s.io/yaml.Marshal, final newline included (Helm's toYaml trims it). The JSON trip
 *   is what decides the output: map keys come out in go-yaml's "natural" key order (a2 < a10, letters
 *   after other characters; for some key sets that order is not a total order and Go's own output varies
 *   from run to run), integral float64 stay integers (1000000), other floats print as %g (1e+06 only for
 *   values that are not integral in JSON, e.g. 1e+21), []byte is base64, structs go through their JSON
 *   view (JsonValuer or exported fields).
 * - marshalGhodssYaml: what Helm writes with sigs.k8s.io/yaml (Chart.yaml, index.yaml, requirements.lock,
 *   repositories.yaml). It is toYaml: json.Marshal keeps a struct's field order, but JSONToYAML reads the
 *   JSON back into interface{} (a go-yaml map), so every mapping is key-sorted on output.
 * - parseYaml(text): sigs.k8s.io/yaml.Unmarshal into interface{} (values files, fromYaml): first document
 *   only, YAML 1.1 typing of plain scalars, numbers as float64, keys stringified, later duplicate keys
 *   winning, `<<` merges applied in order (a later merge overrides earlier keys, as go-yaml v2 does).
 *   parseYamlAs(text, type): the same into a Go struct (Chart.yaml: `version: 1.0` becomes "1").
 * - marshalJson / marshalJsonIndent / marshalRawJson, parseJson: encoding/json.
 * - toToml: BurntSushi/toml's encoder.
 * - encodingFuncs(): toYaml, fromYaml, fromYamlArray, toJson, fromJson, fromJsonArray, toToml (Helm) and
 *   toPrettyJson, toRawJson, mustToJson, mustToPrettyJson, mustToRawJson (Sprig).
 */
export { toYaml, marshalGhodssYaml } from './to-yaml.js';
export { parseYaml, type ParseYamlOptions, type YamlTarget } from './yaml-parse.js';
export { parseYamlAs, type GoType } from './yaml-typed.js';
export { marshalJson, marshalJsonIndent, marshalRawJson, jsonQuote, jsonFloat, structJsonValue, type JsonValuer } from './json-marshal.js';
export { parseJson, type JsonTarget } from './json-parse.js';
export { toToml, TomlError, TomlPanic } from './toml.js';
export { encodingFuncs } from './funcs.js';
export { JsonError, YamlError } from './errors.js';
export { resolvePlain, isYamlTimestamp, type Resolved, type ResolvedTag } from './yaml-resolve.js';
export { yamlKeyLess, sortYamlKeys, goStringCompare, utf8Length } from './go-strings.js';
export { fastParseYaml } from './yaml-fast.js';
export { analyzeScalar, type ScalarAnalysis } from './yaml-analyze.js';
export { flowCollectionError, flowStartBefore, type FlowError } from './yaml-flow-errors.js';
