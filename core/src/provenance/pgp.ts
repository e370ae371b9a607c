/**
 * openpgp is loaded on first use: it costs ~150 ms of start-up, and most commands that import the
 * repository code never sign or verify anything.
 */
let mod: Promise<typeof import('openpgp')> | undefined;

export function pgp(): Promise<typeof import('openpgp')> {
  mod ??= import('openpgp');
  return mod;
}
