export * from './model.js';
export { loadChart, loadDir, loadFile, loadArchive, loadFiles, isChartDir, type LoadOptions } from './load.js';
export { readArchiveFiles, readArchiveFilesStreaming, sniffContentType, maxDecompressedChartSize, maxDecompressedFileSize, type ArchiveLimits } from './archive.js';
export { IgnoreRules, HELMIGNORE } from './helmignore.js';
export { goMatch, BadPatternError } from './go-match.js';
export {
  parseChartYaml, parseRequirementsYaml, parseLockYaml, formatFloat32g, validateMetadata, validateDependency, isValidSemver, sanitizeString,
} from './metadata.js';
export { parseGoYaml, parseGoYamlMap } from './yaml.js';
export { saveChart, archiveBytes, chartYamlBytes, metadataJson, ghodssYaml } from './save.js';
export { tarBytes, helmGzip, helmGzipExtra, type TarEntry } from './tar-writer.js';
