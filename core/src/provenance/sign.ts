import { chmod, writeFile } from 'node:fs/promises';
import { pgp } from './pgp.js';
import { HelmError } from '../errors/index.js';
import { loadPrivateKeyring, selectKey } from './keyring.js';
import { messageBlock } from './message-block.js';

export type Passphrase = string | (() => Promise<string>) | undefined;

/** Signatory.ClearSign: the message block clear-signed with SHA-512, as an armored string. */
export async function clearSign(archivePath: string, keyName: string, keyring: string, passphrase?: Passphrase): Promise<string> {
  const pg = await pgp();
  const keys = await loadPrivateKeyring(keyring);
  let key = selectKey(keys, keyName);
  if (!key) throw new HelmError('private key not found');
  if (!key.isDecrypted()) {
    const pass = typeof passphrase === 'function' ? await passphrase() : passphrase ?? process.env.HELM_KEY_PASSPHRASE;
    if (pass === undefined) throw new HelmError(`private key "${keyName}" is encrypted: set HELM_KEY_PASSPHRASE`);
    try {
      key = await pg.decryptKey({ privateKey: key, passphrase: pass });
    } catch (err) {
      throw new HelmError(`openpgp: invalid argument: ${(err as Error).message}`, { cause: err });
    }
  }
  const text = await messageBlock(archivePath);
  const message = await pg.createCleartextMessage({ text });
  const armored = await pg.sign({
    message,
    signingKeys: key,
    config: { preferredHashAlgorithm: pg.enums.hash.sha512 },
  });
  // openpgp.js writes the cleartext with CRLF; Go's clearsign (Helm) writes LF. The signature covers the
  // canonical CRLF form either way, so both verify; LF keeps the file as Helm's.
  return armored.replace(/\r\n/g, '\n');
}

/**
 * `helm package --sign`: writes `<archive>.prov` (mode 0755, as Helm does). The passphrase defaults to
 * HELM_KEY_PASSPHRASE; a function is called only when the key is encrypted (the command's prompt).
 */
export async function signChart(archivePath: string, keyName: string, keyring: string, passphrase?: Passphrase): Promise<string> {
  if (!keyName) throw new HelmError('--key is required for signing a package');
  if (!keyring) throw new HelmError('--keyring is required for signing a package');
  const sig = await clearSign(archivePath, keyName, keyring, passphrase);
  const provPath = `${archivePath}.prov`;
  await writeFile(provPath, sig, { mode: 0o755 });
  await chmod(provPath, 0o755);
  return provPath;
}
