import { Args, Flags } from '@oclif/core';
import { tlsFlags } from '@helm-ts/plugin-base';

export const releaseArg = { release: Args.string({ description: 'release name' }) };
export const getFlags = {
  ...tlsFlags,
  revision: Flags.integer({ description: 'get the named release with revision', default: 0 }),
};
