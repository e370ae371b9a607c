import type { Release } from '../proto/types.js';

/**
 * One stored revision: the release and the labels it is stored under (NAME, OWNER, STATUS, VERSION,
 * CREATED_AT/MODIFIED_AT, and helm-ts' lease labels on PENDING revisions).
 */
export interface StoredRelease {
  release: Release;
  labels: Record<string, string>;
}

export interface ListOptions {
  /**
   * The caller only reads the records: a driver may hand out shared (cached) objects instead of fresh
   * copies. Mutating them is a bug.
   */
  shared?: boolean;
  /** Only records with one of these STATUS labels are wanted: drivers may filter on the server. */
  statuses?: string[];
}

/** A storage backend, as v2's driver.Driver: keys are `NAME.vN`. */
export interface Driver {
  readonly name: string;
  get(key: string): Promise<StoredRelease>;
  /** Every record owned by tiller, filtered in memory. */
  list(filter?: (r: Release) => boolean, options?: ListOptions): Promise<StoredRelease[]>;
  /** Records whose labels match all of `labels`; `not found` when none (the memory driver returns []). */
  query(labels: Record<string, string>): Promise<StoredRelease[]>;
  create(key: string, rls: Release, extraLabels?: Record<string, string>): Promise<void>;
  update(key: string, rls: Release, extraLabels?: Record<string, string>): Promise<void>;
  delete(key: string): Promise<Release>;
}
