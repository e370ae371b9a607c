export { GoVersion, Constraint, parseVersion, tryConstraint, compareVersionStringsDesc } from './semver.js';
export { urlJoin, resolveReferenceURL, isAbsoluteURL, urlEqual, urlScheme } from './url-util.js';
export {
  type RepoEntry, type RepoFile, newEntry, newRepoFile, loadRepoFile, writeRepoFile, hasRepo, getRepo, updateRepo, removeRepo, atomicWrite,
} from './repo-file.js';
export {
  type ChartVersion, type IndexFile, maxIndexSize, newIndexFile, loadIndexFile, loadIndex, sortEntries, indexHas, indexGet, indexAdd,
  indexMerge, indexToYaml, writeIndexFile, chartVersionJson,
} from './index-file.js';
export { type Getter, type GetterOptions, type DownloaderLookup, getterFor, httpGetter, fileGetter, pluginDownloaders } from './getter.js';
export {
  indexURL, fetchIndex, downloadIndexFile, repoUnreachable, loadSearchRows, searchRows, searchCachePath, type SearchRow,
} from './chart-repository.js';
export { SearchIndex, sortScore, applyConstraint, searchMaxScore, type SearchResult } from './search-index.js';
export {
  VerificationStrategy, resolveChartVersion, downloadTo, findChartInRepoURL, checkDigest, withTempDir,
  type DownloaderOptions, type DownloadResult, type ResolvedChart,
} from './chart-downloader.js';
export { locateChart, defaultKeyring, type LocateChartOptions } from './locate-chart.js';
export { indexDirectory } from './index-directory.js';
export { chartYamlFromArchive, parseChartYamlFast, parseChartYamlSync, parseRequirementsFast } from './chart-yaml-fast.js';
export { expandArchive } from './expand.js';
export { withRepoLock } from './file-lock.js';
export { updateRepositories, updateLine, type UpdateOutcome } from './update-repositories.js';
export { hashReq, writeLock, dependencyFiles, type DependencyFiles, type Lock } from './requirements.js';
export { getLocalPath, getRepoNames, resolveDependencies } from './resolver.js';
export { dependencyUpdate, dependencyBuild, type ManagerOptions } from './dependency-manager.js';
export { metadataJson, chartMetadataJson } from './metadata-json.js';
export { readYaml, writeYaml, goTime, loadJsYaml } from './yaml-io.js';
export { parseBlockYaml } from './block-yaml.js';
export { ghodssYamlFast } from './ghodss-fast.js';
