import { type Verification, verifyChart } from '../provenance/index.js';
import { defaultKeyring } from '../repo/locate-chart.js';

/**
 * `helm verify PATH`: the chart archive against its .prov and the keyring (default ~/.gnupg/pubring.gpg);
 * nothing is printed on success.
 */
export async function verify(path: string, keyring?: string): Promise<Verification> {
  return verifyChart(path, keyring || defaultKeyring());
}
