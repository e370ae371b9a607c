export { coalesceValues, coalesceTables, istable, GlobalKey, type Printf } from './coalesce.js';
export { processDependencies, checkDependencies, missingDependencies } from './dependencies.js';
export {
  parse, parseString, parseInto, parseIntoString, parseIntoFile, parseSetFlag, typedVal, MaxIndex, type RunesToVal, type SetKind,
} from './strvals.js';
export { mergeValues, mergeMaps, readLocalSource, type MergeValuesOptions } from './merge.js';
export { validateAgainstSchema, validateAgainstSingleSchema, collectSchemaErrors } from './schema.js';
export { isCompatibleRange, parseMastermindsVersion } from './semver-range.js';
export { table, pathValue, deepCopy, sortedKeys, ErrNoTable, ErrNoValue } from './util.js';
export { parseGoYaml, parseGoYamlMap } from '../chart/yaml.js';

import type { GoMap } from '../template/value.js';
import { parseInto } from './strvals.js';
/** `parseSet(flags)`: several `--set` values applied in order onto one map. */
export function parseSet(flags: string[], dest: GoMap = {}): GoMap {
  for (const f of flags) parseInto(f, dest);
  return dest;
}
