/**
 * The hapi protocol root: the .proto files next to this module (core/src/proto/hapi/**) parsed once with
 * protobufjs, field names kept as written in the protos (snake_case, `Description`, `Version`).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import protobuf from 'protobufjs';

/** Every hapi .proto file v2.17 defines for the tiller service (rudder is not served). */
export const HAPI_PROTO_FILES = [
  'hapi/chart/chart.proto',
  'hapi/chart/config.proto',
  'hapi/chart/metadata.proto',
  'hapi/chart/template.proto',
  'hapi/release/hook.proto',
  'hapi/release/info.proto',
  'hapi/release/release.proto',
  'hapi/release/status.proto',
  'hapi/release/test_run.proto',
  'hapi/release/test_suite.proto',
  'hapi/services/tiller.proto',
  'hapi/version/version.proto',
] as const;

/** Loaded into the same root: the standard health service tiller registers. */
export const HEALTH_PROTO_FILE = 'grpc/health/v1/health.proto';

/** The folder holding `hapi/`: beside the compiled module when copied there, else core/src/proto. */
export function protoDir(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  if (existsSync(join(here, 'hapi', 'services', 'tiller.proto'))) return here;
  return join(here, '..', '..', 'src', 'proto');
}

let cached: protobuf.Root | undefined;

export function hapiRoot(): protobuf.Root {
  if (cached) return cached;
  const dir = protoDir();
  const root = new protobuf.Root();
  // Imports are written relative to the proto root ("hapi/chart/chart.proto"), as protoc -I _proto sees them.
  root.resolvePath = (_origin, target) =>
    target.startsWith('google/protobuf/') || target.startsWith('/') ? target : join(dir, target);
  root.loadSync([...HAPI_PROTO_FILES, HEALTH_PROTO_FILE], { keepCase: true });
  root.resolveAll();
  cached = root;
  return root;
}

export function hapiType(name: string): protobuf.Type {
  return hapiRoot().lookupType(name);
}
