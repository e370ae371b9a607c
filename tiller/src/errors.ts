import { HelmError } from '@helm-ts/core/errors';

/** A request that can never succeed as sent: the gRPC layer answers InvalidArgument instead of Unknown. */
export class InvalidArgumentError extends HelmError {}

/** v2's errPending: an operation is already running on the release. */
export const ERR_PENDING = 'another operation (install/upgrade/rollback) is in progress';
export const ERR_MISSING_CHART = 'no chart provided';
export const ERR_MISSING_RELEASE = 'no release provided';
export const ERR_INVALID_REVISION = 'invalid release revision';
