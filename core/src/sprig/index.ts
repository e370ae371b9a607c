/**
 * The Sprig 3.2.2 function library as Helm 3.10 registers it (without env and expandenv, and without
 * the JSON/YAML/TOML functions, which come from core/src/encoding). Plain data: callers merge the map
 * into their own function map.
 */
import type { FuncMap } from '../template/value.js';
import { stringFuncs } from './strings.js';
import { conversionFuncs } from './conversions.js';
import { mathFuncs } from './math.js';
import { listFuncs } from './lists.js';
import { dictFuncs } from './dicts.js';
import { defaultFuncs } from './defaults.js';
import { regexFuncs } from './regex.js';
import { encodingFuncs } from './encoding.js';
import { hashFuncs } from './hashes.js';
import { randomFuncs } from './random.js';
import { reflectionFuncs } from './reflection.js';
import { pathFuncs } from './paths.js';
import { urlFuncs } from './urls.js';
import { networkFuncs } from './network.js';
import { dateFuncs } from './dates.js';
import { semverFuncs } from './semver.js';
import { cryptoFuncs } from './crypto.js';

export function sprigFuncs(): FuncMap {
  return {
    hello: Object.assign(() => 'Hello!', { signature: { params: [] } }),
    ...stringFuncs,
    ...conversionFuncs,
    ...mathFuncs,
    ...listFuncs,
    ...dictFuncs,
    ...defaultFuncs,
    ...regexFuncs,
    ...encodingFuncs,
    ...hashFuncs,
    ...randomFuncs,
    ...reflectionFuncs,
    ...pathFuncs,
    ...urlFuncs,
    ...networkFuncs,
    ...dateFuncs,
    ...semverFuncs,
    ...cryptoFuncs,
  };
}

export { goTypeOf } from './reflection.js';
export { GoTime } from './go-time.js';
export { parseDuration, durationString } from './go-duration.js';
export { compileGo, RegexpSyntaxError } from './re2.js';
export { Certificate } from './crypto.js';
export { SemverVersion } from './semver.js';
export { GO_TYPE, typedSlice } from './cast.js';
