import { statusName, type Release } from '../proto/types.js';

/** Labels helm-ts adds to a PENDING revision: which tiller holds it and until when (unix seconds). */
export const LEASE_OWNER_LABEL = 'TILLER_LEASE_OWNER';
export const LEASE_EXPIRES_LABEL = 'TILLER_LEASE_EXPIRES';

export const makeKey = (name: string, version: number): string => `${name}.v${version}`;

export { statusName };

/**
 * The label set v2 writes: rebuilt from scratch on every write, so CREATED_AT disappears after the first
 * update and MODIFIED_AT takes its place.
 */
export function releaseLabels(rls: Release, op: 'create' | 'update', now: Date, extra: Record<string, string> = {}): Record<string, string> {
  const stamp = String(Math.floor(now.getTime() / 1000));
  return {
    NAME: rls.name ?? '',
    OWNER: 'TILLER',
    STATUS: statusName(rls.info?.status?.code),
    VERSION: String(rls.version ?? 0),
    [op === 'create' ? 'CREATED_AT' : 'MODIFIED_AT']: stamp,
    ...extra,
  };
}

export function labelSelector(labels: Record<string, string>): string {
  return Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`).join(',');
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Kubernetes label value validation, which v2 hits in Query for names over 63 characters. */
export function validateLabelValue(value: string): string | undefined {
  if (value.length > 63) return `must be no more than 63 characters`;
  if (!LABEL_VALUE.test(value)) return `a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`;
  return undefined;
}
