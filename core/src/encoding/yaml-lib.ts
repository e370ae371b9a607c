import { createRequire } from 'node:module';

type YamlPackage = typeof import('yaml');
let loaded: YamlPackage | undefined;

/**
 * The `yaml` package, loaded on first use. Ordinary documents take js-yaml's fast path (yaml-fast.ts),
 * so a render that meets no unusual YAML never pays for loading this one (~25 ms of start-up CPU).
 */
export function yamlLib(): YamlPackage {
  return (loaded ??= createRequire(import.meta.url)('yaml') as YamlPackage);
}
