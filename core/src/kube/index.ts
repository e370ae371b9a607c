export { KubeClient, type UpdateOptions, type KubeClientOptions } from './client.js';
export { KubeError, isNotFound, isAlreadyExists, type ApiStatus } from './kube-error.js';
export { refName, type ResourceRef, type KubeObject } from './resource-ref.js';
export type { RestMapping } from './rest-mapper.js';
export { parseManifest } from './manifest.js';
export { createTwoWayMergePatch } from './strategic-merge.js';
export { createMergePatch } from './merge-patch.js';
export type { PortForwardHandle } from './port-forward.js';
export type { KubeConfig } from '@kubernetes/client-node';
