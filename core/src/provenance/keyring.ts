import { readFile } from 'node:fs/promises';
import type * as openpgp from 'openpgp';
import { pgp } from './pgp.js';
import { HelmError } from '../errors/index.js';

/**
 * Keyrings as Helm reads them: binary (non-armored) OpenPGP packet streams, e.g. `gpg --export` or
 * `gpg --export-secret-keys` output, or GnuPG 1's pubring.gpg / secring.gpg. An armored file is accepted too.
 */
async function readKeyringBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    throw new HelmError(`open ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (err as Error).message}`, { cause: err });
  }
}

const isArmored = (b: Uint8Array): boolean => Buffer.from(b.subarray(0, 64)).toString('latin1').includes('-----BEGIN PGP');

export async function loadPublicKeyring(path: string): Promise<openpgp.Key[]> {
  const data = await readKeyringBytes(path);
  const pg = await pgp();
  try {
    return isArmored(data)
      ? await pg.readKeys({ armoredKeys: Buffer.from(data).toString('utf8') })
      : await pg.readKeys({ binaryKeys: data });
  } catch (err) {
    throw new HelmError(`openpgp: invalid keyring ${path}: ${(err as Error).message}`, { cause: err });
  }
}

export async function loadPrivateKeyring(path: string): Promise<openpgp.PrivateKey[]> {
  const data = await readKeyringBytes(path);
  const pg = await pgp();
  try {
    return isArmored(data)
      ? await pg.readPrivateKeys({ armoredKeys: Buffer.from(data).toString('utf8') })
      : await pg.readPrivateKeys({ binaryKeys: data });
  } catch (err) {
    throw new HelmError(`openpgp: invalid secret keyring ${path}: ${(err as Error).message}`, { cause: err });
  }
}

export function identities(key: openpgp.Key): string[] {
  return key.users.map((u) => u.userID?.userID ?? '').filter(Boolean);
}

/**
 * NewFromKeyring's key choice: an identity equal to `id` wins at once; otherwise the one key with an
 * identity containing `id` (several such keys: `more than one key contain the id`).
 */
export function selectKey<K extends openpgp.Key>(keys: K[], id: string): K | undefined {
  let candidate: K | undefined;
  let vague = false;
  for (const k of keys) {
    for (const n of identities(k)) {
      if (n === id) return k;
      if (n.includes(id)) {
        if (candidate && candidate !== k) vague = true;
        candidate = k;
      }
    }
  }
  if (vague) throw new HelmError(`more than one key contain the id ${id}`);
  return candidate;
}
