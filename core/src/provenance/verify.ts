import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type * as openpgp from 'openpgp';
import { pgp } from './pgp.js';
import { HelmError } from '../errors/index.js';
import { identities, loadPublicKeyring } from './keyring.js';
import { digest, parseMessageBlock } from './message-block.js';

/** provenance.Verification: who signed, and the archive's hash and name as the .prov lists them. */
export interface Verification {
  signedBy: string;
  fingerprint: string;
  fileHash: string;
  fileName: string;
}

/**
 * downloader.VerifyChart: the archive must be a .tgz file with a `<file>.prov` beside it; the clear-signed
 * signature must check against the keyring, and the .prov's sha256 for the file must match its bytes.
 */
export async function verifyChart(path: string, keyring: string): Promise<Verification> {
  let st;
  try {
    st = await stat(path);
  } catch (err) {
    throw new HelmError(`stat ${path}: no such file or directory`, { cause: err });
  }
  if (st.isDirectory()) throw new HelmError('unpacked charts cannot be verified');
  if (extname(path) !== '.tgz') throw new HelmError('chart must be a tgz file');
  const provPath = `${path}.prov`;
  let provText: string;
  try {
    provText = await readFile(provPath, 'utf8');
  } catch (err) {
    throw new HelmError(`could not load provenance file ${provPath}: stat ${provPath}: no such file or directory`, { cause: err });
  }
  return verifyData(await readFile(path), basename(path), provText, keyring);
}

export async function verifyData(archive: Uint8Array, fileName: string, provText: string, keyring: string): Promise<Verification> {
  const pg = await pgp();
  const keys = await loadPublicKeyring(keyring);
  let message: openpgp.CleartextMessage;
  try {
    message = await pg.readCleartextMessage({ cleartextMessage: provText });
  } catch (err) {
    throw new HelmError(`signature block not found: ${(err as Error).message}`, { cause: err });
  }
  const result = await pg.verify({ message, verificationKeys: keys, expectSigned: false });
  let signer: openpgp.Key | undefined;
  for (const sig of result.signatures) {
    try {
      await sig.verified;
      signer = keys.find((k) => k.getKeys(sig.keyID).length > 0);
      if (signer) break;
    } catch (err) {
      const msg = (err as Error).message;
      if (/Could not find signing key/i.test(msg)) continue;
      throw new HelmError(`openpgp: invalid signature: ${msg}`, { cause: err });
    }
  }
  if (!signer) throw new HelmError('openpgp: signature made by unknown entity');
  const { sums } = await parseMessageBlock(message.getText());
  const sum = `sha256:${digest(archive)}`;
  const sha = sums.files[fileName];
  if (sha === undefined) throw new HelmError(`provenance does not contain a SHA for a file named "${fileName}"`);
  if (sha !== sum) throw new HelmError(`sha256 sum does not match for ${fileName}: "${sha}" != "${sum}"`);
  return { signedBy: identities(signer)[0] ?? '', fingerprint: signer.getFingerprint().toUpperCase(), fileHash: sum, fileName };
}
