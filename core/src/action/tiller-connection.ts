import { readFile } from 'node:fs/promises';
import { HelmError } from '../errors/index.js';
import type { HelmSettings } from '../home/index.js';
import type { TillerClient, TillerTlsOptions } from '../client/index.js';


export interface TillerConnection {
  client: TillerClient;
  /** host:port the client talks to (the tunnel's local end when one was opened). */
  host: string;
  close(): void;
}

async function tlsOptions(settings: HelmSettings): Promise<TillerTlsOptions | undefined> {
  const t = settings.tls;
  if (!t.enable && !t.verify) return undefined;
  const read = async (file: string, what: string): Promise<Buffer> => {
    try {
      return await readFile(file);
    } catch (err) {
      throw new HelmError(`could not read ${what} ${file}: ${(err as Error).message}`, { file, cause: err });
    }
  };
  return {
    cert: await read(t.cert, 'TLS certificate'),
    key: await read(t.key, 'TLS key'),
    ca: t.verify ? await read(t.caCert, 'TLS CA certificate') : undefined,
    serverName: t.hostname || undefined,
    insecureSkipVerify: !t.verify,
  };
}

let sniWarningFiltered = false;

/**
 * grpc-js passes the target host as the TLS server name, and Node deprecates (DEP0123) an IP address there;
 * Go's crypto/tls, which v2 used, simply sends no SNI for an IP. Only that one warning is dropped.
 */
function filterIpServerNameWarning(): void {
  if (sniWarningFiltered) return;
  sniWarningFiltered = true;
  const emit = process.emitWarning.bind(process) as (...a: unknown[]) => void;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const opts = rest[0];
    const code = typeof opts === 'object' && opts !== null ? (opts as { code?: string }).code : rest[1];
    if (code === 'DEP0123') return;
    emit(warning, ...rest);
  }) as typeof process.emitWarning;
}

/**
 * setupConnection (spec §1.4): `--host`/HELM_HOST directly; otherwise find the ready tiller pod in
 * --tiller-namespace and port-forward a free local port to its 44134.
 */
export async function connectToTiller(settings: HelmSettings): Promise<TillerConnection> {
  // The gRPC client (grpc-js, protobufjs, the hapi protos) loads while the port-forward is being set up:
  // module loading fills the time the tunnel spends waiting on the network.
  const clientModule = import('../client/index.js');
  clientModule.catch(() => undefined);
  const tls = await tlsOptions(settings);
  if (tls && !tls.serverName) filterIpServerNameWarning();
  if (settings.host) {
    const { TillerClient } = await clientModule;
    const client = new TillerClient({ host: settings.host, tls });
    return { client, host: settings.host, close: () => client.close() };
  }
  // The tunnel is the one `useTunnel` Helm plugins get: the first Ready tiller pod, port-forwarded.
  const { tillerTunnel } = await import('../plugin/tunnel.js');
  const tunnel = await tillerTunnel(settings);
  try {
    const { TillerClient } = await clientModule;
    const client = new TillerClient({ host: tunnel.host, tls });
    return { client, host: tunnel.host, close: () => { client.close(); tunnel.close(); } };
  } catch (err) {
    tunnel.close();
    throw err;
  }
}

/** Runs `fn` with a connection that is closed afterwards, whatever happens. */
export async function withTiller<T>(settings: HelmSettings, fn: (conn: TillerConnection) => Promise<T>): Promise<T> {
  const conn = await connectToTiller(settings);
  try {
    return await fn(conn);
  } catch (err) {
    throw explainTlsFailure(err, settings);
  } finally {
    conn.close();
  }
}

/**
 * With TLS on, a connection that never comes up is a failed handshake: the client's "use --tls" hint would
 * mislead, so the message says which side of the handshake to check.
 */
function explainTlsFailure(err: unknown, settings: HelmSettings): unknown {
  const t = settings.tls;
  if (!(t.enable || t.verify) || !(err instanceof Error)) return err;
  const m = /^could not connect to tiller at (\S+) \(if it serves TLS, use --tls\): (.*)$/s.exec(err.message);
  if (!m) return err;
  err.message = `could not connect to tiller at ${m[1]} over TLS: the handshake failed (tiller refuses a client certificate not signed by its CA${t.verify ? '; the server certificate must verify against --tls-ca-cert' : ''}): ${m[2]}`;
  return err;
}
