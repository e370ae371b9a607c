export { renderChart, sortTemplates, type RenderOptions, type RenderTimings } from './engine.js';
export { Files } from './files.js';
export { Capabilities, VersionSet, KubeVersion, DEFAULT_API_VERSIONS, DEFAULT_KUBE_VERSION } from './capabilities.js';
export { ChartMetadataStruct } from './chart-metadata.js';
export { releaseInfo, Timestamp, type ReleaseOptions } from './release-info.js';
export { baseFuncMap, helmFuncs, INCLUDE_RECURSION_MAX } from './funcs.js';
export { compileGlob } from './glob.js';
export { renderNotes } from './notes.js';
