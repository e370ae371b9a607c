import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { ApiError } from './errors.js';

export interface User {
  name: string;
  readOnly: boolean;
}

export interface Credentials {
  adminToken: string;
  viewerToken: string;
}

/**
 * Authentication: a bearer token (admin or the read-only `viewer`) or a client certificate the CA signed
 * (CN becomes the user name). Anything else is 401, as with anonymous auth disabled, except on plain HTTP,
 * which like the API server's old insecure port lets requests without a token in as the admin.
 */
/** The certificate user of each TLS connection, read once: getPeerCertificate is costly. */
const certUsers = new WeakMap<object, User | null>();

export function authenticate(req: IncomingMessage, creds: Credentials): User {
  const header = req.headers.authorization ?? '';
  const m = header.match(/^Bearer\s+(.+)$/i);
  if (m) {
    if (m[1] === creds.adminToken) return { name: 'kube-emulator-admin', readOnly: false };
    if (m[1] === creds.viewerToken) return { name: 'viewer', readOnly: true };
    throw unauthorized();
  }
  const socket = req.socket as TLSSocket;
  // Plain HTTP is the old insecure port: clients (client-go) send no tokens over it, and it trusted everyone.
  if (!socket.encrypted) return { name: 'kube-emulator-admin', readOnly: false };
  let user = certUsers.get(socket);
  if (user === undefined) {
    const cn = socket.encrypted && socket.authorized ? socket.getPeerCertificate()?.subject?.CN : undefined;
    user = cn ? { name: Array.isArray(cn) ? cn[0]! : cn, readOnly: false } : null;
    certUsers.set(socket, user);
  }
  if (user) return user;
  throw unauthorized();
}

export function unauthorized(): ApiError {
  return new ApiError(401, 'Unauthorized', 'Unauthorized');
}

/** RBAC's denial message: `deployments.apps "x" is forbidden: User "viewer" cannot create resource ...`. */
export function forbidden(user: User, verb: string, resource: string, group: string, namespace?: string, name?: string): ApiError {
  const qualified = group ? `${resource}.${group}` : resource;
  const subject = name ? `${qualified} "${name}"` : qualified;
  const scope = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
  return new ApiError(403, 'Forbidden', `${subject} is forbidden: User "${user.name}" cannot ${verb} resource "${resource}" in API group "${group}" ${scope}`, { name, group: group || undefined, kind: resource });
}
