import { Flags } from '@oclif/core';

/** The chart-download flags Helm v2 repeats on fetch, install, upgrade and inspect. */
export const chartRepoFlags = {
  'ca-file': Flags.string({ description: 'verify certificates of HTTPS-enabled servers using this CA bundle' }),
  'cert-file': Flags.string({ description: 'identify HTTPS client using this SSL certificate file' }),
  'key-file': Flags.string({ description: 'identify HTTPS client using this SSL key file' }),
  password: Flags.string({ description: 'chart repository password' }),
  repo: Flags.string({ description: 'chart repository url where to locate the requested chart' }),
  username: Flags.string({ description: 'chart repository username' }),
};

export const keyringFlag = Flags.string({ description: 'keyring containing public keys (default "~/.gnupg/pubring.gpg")' });
