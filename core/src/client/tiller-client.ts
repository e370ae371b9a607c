/**
 * The gRPC client to tiller (spec §1.4): every call carries `x-helm-api-client`, messages up to 20 MiB,
 * optional (mutual) TLS, streamed responses collected. Errors become HelmError with the server's text,
 * which is what v2's helm prints.
 */
import * as grpc from '@grpc/grpc-js';
import { HelmError } from '../errors/index.js';
import { HELM_VERSION } from '../version/index.js';
import {
  API_CLIENT_HEADER, ATOMIC_HEADER, HEALTH_SERVICE_NAME, MAX_MESSAGE_SIZE, ServingStatus, healthServiceDefinition,
  releaseServiceDefinition,
} from '../proto/service.js';
import type {
  GetHistoryRequest, GetHistoryResponse, GetReleaseContentRequest, GetReleaseContentResponse, GetReleaseStatusRequest,
  GetReleaseStatusResponse, GetVersionResponse, InstallReleaseRequest, InstallReleaseResponse, ListReleasesRequest,
  ListReleasesResponse, RollbackReleaseRequest, RollbackReleaseResponse, TestReleaseRequest, TestReleaseResponse,
  UninstallReleaseRequest, UninstallReleaseResponse, UpdateReleaseRequest, UpdateReleaseResponse,
} from '../proto/types.js';

export interface TillerTlsOptions {
  /** PEM CA bundle to verify tiller with; without it, the system roots. */
  ca?: Buffer;
  /** Client certificate and key for mutual TLS. */
  cert?: Buffer;
  key?: Buffer;
  /** Overrides the name checked against tiller's certificate (`--tls-hostname`). */
  serverName?: string;
  /** `--tls` without `--tls-verify`: encrypt but do not check tiller's certificate. */
  insecureSkipVerify?: boolean;
}

export interface TillerClientOptions {
  /** host:port of tiller. */
  host: string;
  tls?: TillerTlsOptions;
  /** Sent as x-helm-api-client; defaults to our v2 version. */
  clientVersion?: string;
  /** Deadline of each call in milliseconds (none by default: installs can wait long). */
  timeoutMs?: number;
}

export interface CallOptions {
  /** helm-ts extension: tiller purges a failed install or rolls back a failed upgrade itself. */
  atomic?: boolean;
}

function credentials(tls?: TillerTlsOptions): grpc.ChannelCredentials {
  if (!tls) return grpc.credentials.createInsecure();
  const verify = tls.insecureSkipVerify ? { checkServerIdentity: () => undefined, rejectUnauthorized: false } : {};
  return grpc.credentials.createSsl(tls.ca ?? null, tls.key ?? null, tls.cert ?? null, verify as grpc.VerifyOptions);
}

/** The text a user sees for a failed call: the server's message, or a connection problem said plainly. */
export function grpcErrorMessage(err: unknown, host = 'tiller'): string {
  const e = err as Partial<grpc.ServiceError>;
  if (typeof e?.code !== 'number' || typeof e.details !== 'string') return err instanceof Error ? err.message : String(err);
  if (e.code !== grpc.status.UNAVAILABLE && e.code !== grpc.status.DEADLINE_EXCEEDED) return e.details;
  const details = e.details.replace(/\s*Resolution note:[\s\S]*$/, '');
  if (/certificate required|alert number 116/.test(details)) {
    return `tiller at ${host} requires a client certificate (it runs with --tls-verify): use --tls-verify with --tls-cert and --tls-key`;
  }
  if (/certificate verify failed|self[- ]signed|unable to (get|verify)|CERT_|Hostname\/IP does not match/i.test(details)) {
    return `the certificate of tiller at ${host} could not be verified: ${details}`;
  }
  return `could not connect to tiller at ${host} (if it serves TLS, use --tls): ${details}`;
}

export class TillerClient {
  private readonly client: grpc.Client;
  private readonly release = releaseServiceDefinition();
  private readonly health = healthServiceDefinition();

  constructor(private readonly options: TillerClientOptions) {
    const channelOptions: grpc.ChannelOptions = {
      'grpc.max_receive_message_length': MAX_MESSAGE_SIZE,
      'grpc.max_send_message_length': MAX_MESSAGE_SIZE,
      'grpc.keepalive_time_ms': 30_000,
    };
    if (options.tls?.serverName) channelOptions['grpc.ssl_target_name_override'] = options.tls.serverName;
    this.client = new grpc.Client(options.host, credentials(options.tls), channelOptions);
  }

  close(): void {
    this.client.close();
  }

  private metadata(opts: CallOptions = {}): grpc.Metadata {
    const md = new grpc.Metadata();
    md.set(API_CLIENT_HEADER, this.options.clientVersion ?? HELM_VERSION.semVer);
    if (opts.atomic) md.set(ATOMIC_HEADER, 'true');
    return md;
  }

  private callOptions(): grpc.CallOptions {
    return this.options.timeoutMs ? { deadline: Date.now() + this.options.timeoutMs } : {};
  }

  private unary<Req, Res>(def: grpc.ServiceDefinition, method: string, req: Req, opts?: CallOptions): Promise<Res> {
    const m = def[method]!;
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest(m.path, m.requestSerialize, m.responseDeserialize, req, this.metadata(opts), this.callOptions(),
        (err, res) => (err ? reject(new HelmError(grpcErrorMessage(err, this.options.host), { cause: err })) : resolve(res as Res)));
    });
  }

  private stream<Req, Res>(method: string, req: Req, onMessage?: (m: Res) => void): Promise<Res[]> {
    const m = this.release[method]!;
    return new Promise((resolve, reject) => {
      const out: Res[] = [];
      const call = this.client.makeServerStreamRequest(m.path, m.requestSerialize, m.responseDeserialize, req, this.metadata(), this.callOptions());
      call.on('data', (msg: Res) => { out.push(msg); onMessage?.(msg); });
      call.on('error', (err) => reject(new HelmError(grpcErrorMessage(err, this.options.host), { cause: err })));
      call.on('end', () => resolve(out));
    });
  }

  /** ListReleases with the chunks joined; undefined when nothing matched (v2 then prints nothing at all). */
  async listReleases(req: ListReleasesRequest): Promise<ListReleasesResponse | undefined> {
    const chunks = await this.stream<ListReleasesRequest, ListReleasesResponse>('ListReleases', req);
    if (chunks.length === 0) return undefined;
    const [first, ...rest] = chunks;
    return { ...first, releases: [...(first!.releases ?? []), ...rest.flatMap((c) => c.releases ?? [])] };
  }

  getReleaseStatus(req: GetReleaseStatusRequest): Promise<GetReleaseStatusResponse> {
    return this.unary(this.release, 'GetReleaseStatus', req);
  }

  getReleaseContent(req: GetReleaseContentRequest): Promise<GetReleaseContentResponse> {
    return this.unary(this.release, 'GetReleaseContent', req);
  }

  updateRelease(req: UpdateReleaseRequest, opts?: CallOptions): Promise<UpdateReleaseResponse> {
    return this.unary(this.release, 'UpdateRelease', req, opts);
  }

  installRelease(req: InstallReleaseRequest, opts?: CallOptions): Promise<InstallReleaseResponse> {
    return this.unary(this.release, 'InstallRelease', req, opts);
  }

  uninstallRelease(req: UninstallReleaseRequest): Promise<UninstallReleaseResponse> {
    return this.unary(this.release, 'UninstallRelease', req);
  }

  getVersion(): Promise<GetVersionResponse> {
    return this.unary(this.release, 'GetVersion', {});
  }

  rollbackRelease(req: RollbackReleaseRequest): Promise<RollbackReleaseResponse> {
    return this.unary(this.release, 'RollbackRelease', req);
  }

  getHistory(req: GetHistoryRequest): Promise<GetHistoryResponse> {
    return this.unary(this.release, 'GetHistory', req);
  }

  /** RunReleaseTest: `onMessage` sees each result as it arrives (v2 prints them live). */
  runReleaseTest(req: TestReleaseRequest, onMessage?: (m: TestReleaseResponse) => void): Promise<TestReleaseResponse[]> {
    return this.stream('RunReleaseTest', req, onMessage);
  }

  /** PingTiller: grpc.health.v1 Check for "Tiller". */
  async ping(): Promise<void> {
    const res = await this.unary<{ service: string }, { status?: number }>(this.health, 'Check', { service: HEALTH_SERVICE_NAME });
    if (res.status !== ServingStatus.SERVING) throw new HelmError(`tiller is not serving (status ${ServingStatus[res.status ?? 0]})`);
  }
}
