export * from './kind-order.js';
export * from './manifest.js';
