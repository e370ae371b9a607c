export type { Driver, ListOptions, StoredRelease } from './driver.js';
export { StorageError, isNotFound, isAlreadyExists, type StorageErrorKind } from './errors.js';
export { makeKey, releaseLabels, labelSelector, statusName, validateLabelValue, LEASE_OWNER_LABEL, LEASE_EXPIRES_LABEL } from './labels.js';
export { MemoryDriver } from './memory.js';
export { KubeDriver, configMapDriver, secretDriver, type KubeDriverOptions } from './kube-driver.js';
export { Storage, leaseLabels, leaseOf, type Lease } from './storage.js';
