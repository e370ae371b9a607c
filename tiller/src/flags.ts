/** bin/tiller's command line, parsed the way Go's `flag` package does (`-x`, `--x`, `--x=v`, `--x v`). */
import { HelmError } from '@helm-ts/core/errors';

export interface TillerFlags {
  listen: string;
  probeListen: string;
  probe: boolean;
  storage: string;
  historyMax: number;
  tls: boolean;
  tlsVerify: boolean;
  tlsKey: string;
  tlsCert: string;
  tlsCaCert: string;
  leaseOwner?: string;
  version: boolean;
  trace: boolean;
  experimentalRelease: boolean;
}

const BOOL = new Set(['probe', 'tls', 'tls-verify', 'version', 'trace', 'experimental-release', 'help', 'h']);
const STRING = new Set(['listen', 'probe-listen', 'storage', 'history-max', 'tls-key', 'tls-cert', 'tls-ca-cert', 'lease-owner', 'sql-dialect', 'sql-connection-string']);

export const USAGE = `Usage of tiller:
  -experimental-release    enable experimental release modules (not supported by helm-ts)
  -history-max int         maximum number of releases kept in release history, with 0 meaning no limit
  -lease-owner string      identity written on PENDING revisions (default: the hostname)
  -listen string           address:port to listen on (default ":44134")
  -probe                   enable probes over http (default true)
  -probe-listen string     address:port to listen on for probes (default ":44135")
  -storage string          storage driver to use. One of 'configmap', 'memory', or 'secret' (default "configmap")
  -tls                     enable TLS
  -tls-ca-cert string      trust certificates signed by this CA (default "$TILLER_TLS_CERTS/ca.crt")
  -tls-cert string         path to TLS certificate file (default "$TILLER_TLS_CERTS/tls.crt")
  -tls-key string          path to TLS private key file (default "$TILLER_TLS_CERTS/tls.key")
  -tls-verify              enable TLS and verify remote certificate
  -version                 print the version number
`;

export function parseFlags(argv: string[], env: NodeJS.ProcessEnv): TillerFlags & { help: boolean } {
  const certs = env.TILLER_TLS_CERTS || '.';
  const values: Record<string, string | boolean> = {
    listen: ':44134', 'probe-listen': ':44135', probe: true, storage: 'configmap',
    'history-max': env.TILLER_HISTORY_MAX || '0',
    tls: Boolean(env.TILLER_TLS_ENABLE), 'tls-verify': Boolean(env.TILLER_TLS_VERIFY),
    'tls-key': `${certs}/tls.key`, 'tls-cert': `${certs}/tls.crt`, 'tls-ca-cert': `${certs}/ca.crt`,
    version: false, trace: false, 'experimental-release': false, help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--?([A-Za-z][-A-Za-z0-9]*)(?:=(.*))?$/.exec(arg);
    if (!m) throw new HelmError(`flag provided but not defined: ${arg}\n${USAGE}`, { exitCode: 2 });
    const [, name, inline] = m as unknown as [string, string, string | undefined];
    if (BOOL.has(name)) {
      if (inline === undefined) values[name] = true;
      else if (/^(1|t|T|true|TRUE|True)$/.test(inline)) values[name] = true;
      else if (/^(0|f|F|false|FALSE|False)$/.test(inline)) values[name] = false;
      else throw new HelmError(`invalid boolean value "${inline}" for -${name}`, { exitCode: 2 });
    } else if (STRING.has(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new HelmError(`flag needs an argument: -${name}`, { exitCode: 2 });
      values[name] = v;
    } else {
      throw new HelmError(`flag provided but not defined: -${name}\n${USAGE}`, { exitCode: 2 });
    }
  }
  const historyMax = Number(values['history-max']);
  if (!Number.isInteger(historyMax)) throw new HelmError(`invalid value "${values['history-max']}" for flag -history-max: parse error`, { exitCode: 2 });
  return {
    listen: String(values.listen),
    probeListen: String(values['probe-listen']),
    probe: Boolean(values.probe),
    storage: String(values.storage),
    historyMax,
    tls: Boolean(values.tls) || Boolean(values['tls-verify']),
    tlsVerify: Boolean(values['tls-verify']),
    tlsKey: String(values['tls-key']),
    tlsCert: String(values['tls-cert']),
    tlsCaCert: String(values['tls-ca-cert']),
    leaseOwner: typeof values['lease-owner'] === 'string' ? values['lease-owner'] : undefined,
    version: Boolean(values.version),
    trace: Boolean(values.trace),
    experimentalRelease: Boolean(values['experimental-release']),
    help: Boolean(values.help) || Boolean(values.h),
  };
}
