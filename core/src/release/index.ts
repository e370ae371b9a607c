export * from './kind-order.js';
export * from './manifest.js';
export * from './manifest-head.js';
export * from './manifest-scan.js';
