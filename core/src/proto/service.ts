/**
 * gRPC service definitions for `hapi.services.tiller.ReleaseService` and `grpc.health.v1.Health`, in the
 * shape @grpc/grpc-js takes for both servers and clients, with Go-compatible (de)serialisers.
 */
import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';
import protobuf from 'protobufjs';
import { decodeMessage, encodeMessage } from './codec.js';
import { hapiRoot } from './root.js';

/** Metadata key every v2 client sends with its version; the server gates on it. */
export const API_CLIENT_HEADER = 'x-helm-api-client';
/**
 * helm-ts extension: `true` asks tiller to undo a failed install (purge) or upgrade (roll back) itself.
 * A v2 tiller ignores unknown metadata, and a v2 client never sends it.
 */
export const ATOMIC_HEADER = 'x-helm-ts-atomic';
/** v2's max send and receive size on both sides (the gRPC default is 4 MiB). */
export const MAX_MESSAGE_SIZE = 20 * 1024 * 1024;
export const HEALTH_SERVICE_NAME = 'Tiller';

function serviceDefinition(serviceName: string): ServiceDefinition {
  const service = hapiRoot().lookupService(serviceName);
  const def: Record<string, MethodDefinition<unknown, unknown>> = {};
  for (const method of service.methodsArray) {
    method.resolve();
    const req = (method.resolvedRequestType as protobuf.Type).fullName.slice(1);
    const res = (method.resolvedResponseType as protobuf.Type).fullName.slice(1);
    def[method.name] = {
      path: `/${serviceName}/${method.name}`,
      requestStream: Boolean(method.requestStream),
      responseStream: Boolean(method.responseStream),
      requestSerialize: (v: unknown) => Buffer.from(encodeMessage(req, v as object)),
      requestDeserialize: (b: Buffer) => decodeMessage(req, b),
      responseSerialize: (v: unknown) => Buffer.from(encodeMessage(res, v as object)),
      responseDeserialize: (b: Buffer) => decodeMessage(res, b),
      originalName: method.name,
    };
  }
  return def as ServiceDefinition;
}

let releaseDef: ServiceDefinition | undefined;
let healthDef: ServiceDefinition | undefined;

export function releaseServiceDefinition(): ServiceDefinition {
  return (releaseDef ??= serviceDefinition('hapi.services.tiller.ReleaseService'));
}

export function healthServiceDefinition(): ServiceDefinition {
  return (healthDef ??= serviceDefinition('grpc.health.v1.Health'));
}

export enum ServingStatus { UNKNOWN = 0, SERVING = 1, NOT_SERVING = 2, SERVICE_UNKNOWN = 3 }
