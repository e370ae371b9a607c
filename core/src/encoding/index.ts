/**
 * Go-exact serialization: sigs.k8s.io/yaml (go-yaml v2 underneath) for YAML, encoding/json for JSON,
 * BurntSushi/toml for TOML, and Helm's template functions over them.
 */
export { toYaml, marshalGhodssYaml } from './to-yaml.js';
export { parseYaml, type ParseYamlOptions, type YamlTarget } from './yaml-parse.js';
export { marshalJson, marshalJsonIndent, marshalRawJson, jsonQuote, jsonFloat, structJsonValue, type JsonValuer } from './json-marshal.js';
export { parseJson, type JsonTarget } from './json-parse.js';
export { toToml, TomlError, TomlPanic } from './toml.js';
export { encodingFuncs } from './funcs.js';
export { JsonError, YamlError } from './errors.js';
export { resolvePlain, isYamlTimestamp, type Resolved, type ResolvedTag } from './yaml-resolve.js';
export { yamlKeyLess, sortYamlKeys, goStringCompare } from './go-strings.js';
export { parseYamlAs, type GoType } from './yaml-typed.js';
export { fastParseYaml } from './yaml-fast.js';
export { analyzeScalar, type ScalarAnalysis } from './yaml-analyze.js';
export { utf8Length } from './go-strings.js';
