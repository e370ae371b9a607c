/**
 * The gRPC face of tiller: hapi.services.tiller.ReleaseService with v2's version gate, and
 * grpc.health.v1.Health reporting "Tiller". Errors go out as v2 sends them (code Unknown, the message as
 * text) except request validation, which is InvalidArgument.
 */
import * as grpc from '@grpc/grpc-js';
import {
  API_CLIENT_HEADER, ATOMIC_HEADER, HEALTH_SERVICE_NAME, MAX_MESSAGE_SIZE, ServingStatus, healthServiceDefinition, isCompatible,
  releaseServiceDefinition, tillerVersionString,
} from '@helm-ts/core/proto';
import { InvalidArgumentError } from './errors.js';
import type { ReleaseServer } from './release-server.js';
import { installRelease, type CallOptions } from './release-install.js';
import { updateRelease } from './release-update.js';
import { rollbackRelease } from './release-rollback.js';
import { uninstallRelease } from './release-uninstall.js';
import { getReleaseStatus } from './release-status.js';
import { getReleaseContent } from './release-content.js';
import { getHistory } from './release-history.js';
import { listReleases } from './release-list.js';
import { runReleaseTest } from './release-testing.js';
import { getVersion } from './release-version.js';

type Call = grpc.ServerUnaryCall<unknown, unknown> | grpc.ServerWritableStream<unknown, unknown>;

export function toServiceError(err: unknown): grpc.ServiceError {
  const message = err instanceof Error ? err.message : String(err);
  const code = err instanceof InvalidArgumentError ? grpc.status.INVALID_ARGUMENT : grpc.status.UNKNOWN;
  return Object.assign(new Error(message), { code, details: message, metadata: new grpc.Metadata() }) as grpc.ServiceError;
}

function checkVersion(call: Call): void {
  const client = String(call.metadata.get(API_CLIENT_HEADER)[0] ?? '');
  const server = tillerVersionString();
  if (!isCompatible(client, server)) throw new Error(`incompatible versions client[${client}] server[${server}]`);
}

function callOptions(call: Call): CallOptions {
  return { atomic: String(call.metadata.get(ATOMIC_HEADER)[0] ?? '') === 'true' };
}

export interface InFlight { count: number; idle(): Promise<void> }

export function releaseServiceHandlers(srv: ReleaseServer, inflight = trackInFlight()): grpc.UntypedServiceImplementation {
  const unary = (fn: (req: any, opts: CallOptions) => Promise<unknown> | unknown, gated = true): grpc.handleUnaryCall<unknown, unknown> =>
    (call, callback) => {
      inflight.enter();
      void (async () => {
        try {
          if (gated) checkVersion(call);
          callback(null, await fn(call.request, callOptions(call)));
        } catch (err) {
          srv.log.warn('rpc failed', { rpc: call.getPath(), error: (err as Error).message });
          callback(toServiceError(err));
        } finally {
          inflight.leave();
        }
      })();
    };
  const stream = (fn: (req: any, send: (m: any) => Promise<void>) => Promise<void>): grpc.handleServerStreamingCall<unknown, unknown> =>
    (call) => {
      inflight.enter();
      const send = (m: unknown) => new Promise<void>((resolve) => {
        if (call.write(m)) resolve();
        else call.once('drain', resolve);
      });
      void (async () => {
        try {
          checkVersion(call);
          await fn(call.request, send);
          call.end();
        } catch (err) {
          srv.log.warn('rpc failed', { rpc: call.getPath(), error: (err as Error).message });
          call.emit('error', toServiceError(err));
        } finally {
          inflight.leave();
        }
      })();
    };
  return {
    ListReleases: stream((req, send) => listReleases(srv, req, send)),
    GetReleaseStatus: unary((req) => getReleaseStatus(srv, req)),
    GetReleaseContent: unary((req) => getReleaseContent(srv, req)),
    UpdateRelease: unary((req, opts) => updateRelease(srv, req, opts)),
    InstallRelease: unary((req, opts) => installRelease(srv, req, opts)),
    UninstallRelease: unary((req) => uninstallRelease(srv, req)),
    GetVersion: unary(() => getVersion(), false),
    RollbackRelease: unary((req) => rollbackRelease(srv, req)),
    GetHistory: unary((req) => getHistory(srv, req)),
    RunReleaseTest: stream((req, send) => runReleaseTest(srv, req, send)),
  };
}

export function trackInFlight(): InFlight & { enter(): void; leave(): void } {
  let count = 0;
  let waiters: Array<() => void> = [];
  return {
    get count() { return count; },
    enter() { count++; },
    leave() {
      count--;
      if (count === 0) { for (const w of waiters) w(); waiters = []; }
    },
    idle() { return count === 0 ? Promise.resolve() : new Promise<void>((r) => waiters.push(r)); },
  };
}

/** grpc.health.v1.Health: "" and "Tiller" are known; NOT_SERVING until startup finishes. */
export class HealthService {
  private status = ServingStatus.NOT_SERVING;
  private readonly watchers = new Set<grpc.ServerWritableStream<{ service?: string }, unknown>>();

  setServing(serving: boolean): void {
    this.status = serving ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
    for (const w of this.watchers) w.write({ status: this.status });
  }

  get serving(): boolean { return this.status === ServingStatus.SERVING; }

  private known(service: string | undefined): boolean {
    return !service || service === HEALTH_SERVICE_NAME;
  }

  handlers(): grpc.UntypedServiceImplementation {
    return {
      Check: ((call: grpc.ServerUnaryCall<{ service?: string }, unknown>, callback: grpc.sendUnaryData<unknown>) => {
        if (!this.known(call.request.service)) {
          callback({ code: grpc.status.NOT_FOUND, details: 'unknown service', message: 'unknown service', name: 'Error', metadata: new grpc.Metadata() });
          return;
        }
        callback(null, { status: this.status });
      }) as grpc.handleUnaryCall<unknown, unknown>,
      Watch: ((call: grpc.ServerWritableStream<{ service?: string }, unknown>) => {
        call.write({ status: this.known(call.request.service) ? this.status : ServingStatus.SERVICE_UNKNOWN });
        this.watchers.add(call);
        call.on('cancelled', () => this.watchers.delete(call));
        call.on('close', () => this.watchers.delete(call));
      }) as grpc.handleServerStreamingCall<unknown, unknown>,
    };
  }
}

export interface TlsFiles { key: Buffer; cert: Buffer; ca?: Buffer; verify: boolean }

export function serverCredentials(tls?: TlsFiles): grpc.ServerCredentials {
  if (!tls) return grpc.ServerCredentials.createInsecure();
  return grpc.ServerCredentials.createSsl(tls.ca ?? null, [{ private_key: tls.key, cert_chain: tls.cert }], tls.verify);
}

export function createGrpcServer(srv: ReleaseServer, health: HealthService, inflight = trackInFlight()): grpc.Server {
  const server = new grpc.Server({
    'grpc.max_receive_message_length': MAX_MESSAGE_SIZE,
    'grpc.max_send_message_length': MAX_MESSAGE_SIZE,
    'grpc.max_connection_idle_ms': 10 * 60 * 1000,
    'grpc.keepalive_permit_without_calls': 1,
  });
  server.addService(releaseServiceDefinition(), releaseServiceHandlers(srv, inflight));
  server.addService(healthServiceDefinition(), health.handlers());
  return server;
}

/** Go's `:44134` means every interface; `host:port` is taken as is. */
export function grpcAddress(listen: string): string {
  return listen.startsWith(':') ? `0.0.0.0${listen}` : listen;
}

export function bind(server: grpc.Server, address: string, creds: grpc.ServerCredentials): Promise<number> {
  return new Promise((resolve, reject) => server.bindAsync(address, creds, (err, port) => (err ? reject(err) : resolve(port))));
}
