import { HelmError } from '../errors/index.js';

export type StorageErrorKind = 'not-found' | 'already-exists' | 'invalid-key';

/** The driver errors of v2 (`release: "<x>" not found` …), with a kind callers can test. */
export class StorageError extends HelmError {
  constructor(readonly kind: StorageErrorKind, subject: string) {
    const text = kind === 'not-found' ? 'not found' : kind === 'already-exists' ? 'already exists' : 'invalid key';
    super(`release: ${JSON.stringify(subject)} ${text}`);
  }
}

export const isNotFound = (err: unknown): boolean => err instanceof StorageError && err.kind === 'not-found';
export const isAlreadyExists = (err: unknown): boolean => err instanceof StorageError && err.kind === 'already-exists';
