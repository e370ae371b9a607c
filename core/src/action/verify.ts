import { type Verification, verifyChart } from '../provenance/index.js';

/** `helm verify PATH`: the chart archive against its .prov and the keyring; nothing printed on success. */
export async function verify(path: string, keyring: string): Promise<Verification> {
  return verifyChart(path, keyring);
}
