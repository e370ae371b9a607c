export * from './types.js';
export { hapiRoot, hapiType, protoDir, HAPI_PROTO_FILES, HEALTH_PROTO_FILE } from './root.js';
export { encodeMessage, decodeMessage, messageSize, pruneDefaults } from './codec.js';
export { encodeRelease, decodeRelease, goGzip } from './storage-codec.js';
export {
  releaseServiceDefinition, healthServiceDefinition, ServingStatus,
  API_CLIENT_HEADER, ATOMIC_HEADER, MAX_MESSAGE_SIZE, HEALTH_SERVICE_NAME,
} from './service.js';
export { isCompatible, tillerVersionString } from './version-gate.js';
export { chartToProto, chartFromProto } from './chart-convert.js';
