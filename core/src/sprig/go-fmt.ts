/** Go's fmt for Sprig: one implementation, the template engine's. */
export { sprint, sprintf } from '../template/fmt.js';
