import { Flags } from '@oclif/core';
import type { ChartSourceOptions } from '@helm-ts/core/action/release-chart';

/** Flags install and upgrade share for choosing a chart and its values. */
export const chartSourceFlags = {
  'ca-file': Flags.string({ description: 'verify certificates of HTTPS-enabled servers using this CA bundle' }),
  'cert-file': Flags.string({ description: 'identify HTTPS client using this SSL certificate file' }),
  devel: Flags.boolean({ description: 'use development versions, too. Equivalent to version \'>0.0.0-0\'. If --version is set, this is ignored.' }),
  'key-file': Flags.string({ description: 'identify HTTPS client using this SSL key file' }),
  keyring: Flags.string({ description: 'location of public keys used for verification' }),
  password: Flags.string({ description: 'chart repository password where to locate the requested chart' }),
  repo: Flags.string({ description: 'chart repository url where to locate the requested chart' }),
  set: Flags.string({ description: 'set values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)', multiple: true }),
  'set-file': Flags.string({ description: 'set values from respective files specified via the command line (can specify multiple or separate values with commas: key1=path1,key2=path2)', multiple: true }),
  'set-string': Flags.string({ description: 'set STRING values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)', multiple: true }),
  username: Flags.string({ description: 'chart repository username where to locate the requested chart' }),
  values: Flags.string({ char: 'f', description: 'specify values in a YAML file or a URL(can specify multiple)', multiple: true }),
  verify: Flags.boolean({ description: 'verify the package before installing it' }),
  version: Flags.string({ description: 'specify the exact chart version to install. If this is not specified, the latest version is installed' }),
};

interface ChartSourceFlagValues {
  'ca-file'?: string; 'cert-file'?: string; devel?: boolean; 'key-file'?: string; keyring?: string; password?: string;
  repo?: string; set?: string[]; 'set-file'?: string[]; 'set-string'?: string[]; username?: string; values?: string[];
  verify?: boolean; version?: string;
}

export function chartSource(chart: string, f: ChartSourceFlagValues): ChartSourceOptions {
  return {
    chart, version: f.version, devel: f.devel, verify: f.verify, keyring: f.keyring, repo: f.repo,
    username: f.username, password: f.password, certFile: f['cert-file'], keyFile: f['key-file'], caFile: f['ca-file'],
    valueFiles: (f.values ?? []).flatMap((v) => v.split(',')), set: f.set, setString: f['set-string'], setFile: f['set-file'],
  };
}

export const outputFlag = Flags.string({ char: 'o', description: 'prints the output in the specified format. Allowed values: table, json, yaml', default: 'table', options: ['table', 'json', 'yaml'] });
