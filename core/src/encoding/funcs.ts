/**
 * The encoding template functions with Helm 3.10's semantics (pkg/engine/funcs.go) and Sprig 3's for
 * the JSON ones Helm does not override:
 *
 * | function                 | on error                                              |
 * |--------------------------|-------------------------------------------------------|
 * | toYaml                   | "" (Helm swallows it); the final newline is trimmed   |
 * | fromYaml                 | a map with key "Error" holding the message            |
 * | fromYamlArray            | a one-element list holding the message                |
 * | toJson                   | "" (Helm's override of Sprig's)                       |
 * | fromJson, fromJsonArray  | as fromYaml, fromYamlArray                            |
 * | mustFromJson             | the call fails (Sprig's, any JSON type)               |
 * | toToml                   | the error's message as the result                     |
 * | toPrettyJson             | "" (Sprig ignores json.MarshalIndent's error)          |
 * | toRawJson                | the call fails (Sprig panics)                         |
 * | mustToJson, mustToPrettyJson, mustToRawJson | the call fails                     |
 */
import { goFunc, isGoMap, type FuncMap, type GoValue } from '../template/value.js';
import { toYaml } from './to-yaml.js';
import { parseYaml } from './yaml-parse.js';
import { marshalJson, marshalJsonIndent, marshalRawJson } from './json-marshal.js';
import { parseJson, partialJsonValue } from './json-parse.js';
import { toToml, TomlError } from './toml.js';
import { errorMessage } from '../errors/index.js';

const ANY = { params: ['any' as const] };
const STRING = { params: ['string' as const] };

function swallow(f: () => string): string {
  try {
    return f();
  } catch {
    return '';
  }
}

export function encodingFuncs(): FuncMap {
  return {
    toYaml: goFunc(ANY, (v: GoValue): string => swallow(() => toYaml(v).replace(/\n$/, ''))),
    fromYaml: goFunc(STRING, (s: string): GoValue => {
      try {
        return parseYaml(s, { target: 'map' }) ?? {};
      } catch (err) {
        return { Error: errorMessage(err) };
      }
    }),
    fromYamlArray: goFunc(STRING, (s: string): GoValue => {
      try {
        return parseYaml(s, { target: 'array' }) ?? [];
      } catch (err) {
        return [errorMessage(err)];
      }
    }),
    toJson: goFunc(ANY, (v: GoValue): string => swallow(() => marshalJson(v))),
    fromJson: goFunc(STRING, (s: string): GoValue => {
      try {
        return parseJson(s, 'map');
      } catch (err) {
        const partial = partialJsonValue(err);
        return { ...(isGoMap(partial) ? partial : {}), Error: errorMessage(err) };
      }
    }),
    mustFromJson: goFunc(STRING, (s: string): GoValue => parseJson(s, 'any')),
    fromJsonArray: goFunc(STRING, (s: string): GoValue => {
      try {
        return parseJson(s, 'array');
      } catch (err) {
        return [errorMessage(err)];
      }
    }),
    toToml: goFunc(ANY, (v: GoValue): string => {
      try {
        return toToml(v);
      } catch (err) {
        if (err instanceof TomlError) return err.message;
        throw err;
      }
    }),
    toPrettyJson: goFunc(ANY, (v: GoValue): string => swallow(() => marshalJsonIndent(v))),
    toRawJson: goFunc(ANY, (v: GoValue): string => marshalRawJson(v)),
    mustToJson: goFunc(ANY, (v: GoValue): string => marshalJson(v)),
    mustToPrettyJson: goFunc(ANY, (v: GoValue): string => marshalJsonIndent(v)),
    mustToRawJson: goFunc(ANY, (v: GoValue): string => marshalRawJson(v)),
  };
}
