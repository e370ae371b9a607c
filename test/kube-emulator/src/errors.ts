import { qualifiedKind, qualifiedResource, type ResourceType } from './resources.js';

/** A failed request: becomes a `Status` body with this code and reason. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  toStatus(): Record<string, unknown> {
    const status: Record<string, unknown> = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: this.message, reason: this.reason };
    if (this.details) status.details = this.details;
    status.code = this.code;
    return status;
  }
}

type Named = Pick<ResourceType, 'resource' | 'group' | 'kind'>;

export function notFound(t: Named, name: string): ApiError {
  return new ApiError(404, 'NotFound', `${qualifiedResource(t)} "${name}" not found`, { name, group: t.group || undefined, kind: t.resource });
}

export function alreadyExists(t: Named, name: string): ApiError {
  return new ApiError(409, 'AlreadyExists', `${qualifiedResource(t)} "${name}" already exists`, { name, group: t.group || undefined, kind: t.resource });
}

export function conflict(t: Named, name: string, why = 'the object has been modified; please apply your changes to the latest version and try again'): ApiError {
  return new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(t)} "${name}": ${why}`, { name, group: t.group || undefined, kind: t.resource });
}

export interface FieldCause {
  field: string;
  /** `Required value`, `Invalid value`, ... */
  type: string;
  detail: string;
  value?: unknown;
  /** The value as Go's %#v prints it, when JSON is not how the server shows it. */
  raw?: string;
}

/** Body of apimachinery's field.Error: `Type`, or `Type: "value"`, then `: detail` when there is one. */
function errorBody(c: FieldCause): string {
  const withValue = c.type === 'Invalid value' || c.type === 'Unsupported value' || c.type === 'Duplicate value';
  const value = c.raw ?? JSON.stringify(c.value);
  return `${c.type}${withValue ? `: ${value}` : ''}${c.detail ? `: ${c.detail}` : ''}`;
}

/** 422 Invalid in apimachinery's shape: `Kind.group "name" is invalid: field: Type: detail`, several in brackets. */
export function invalid(t: Named, name: string, causes: FieldCause[]): ApiError {
  const parts = causes.map((c) => `${c.field}: ${errorBody(c)}`);
  const joined = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return new ApiError(422, 'Invalid', `${qualifiedKind(t)} "${name}" is invalid: ${joined}`, {
    name, group: t.group || undefined, kind: t.kind,
    causes: causes.map((c) => ({ reason: reasonOf(c.type), message: errorBody(c), field: c.field })),
  });
}

function reasonOf(type: string): string {
  switch (type) {
    case 'Required value': return 'FieldValueRequired';
    case 'Invalid value': return 'FieldValueInvalid';
    case 'Forbidden': return 'FieldValueForbidden';
    case 'Unsupported value': return 'FieldValueNotSupported';
    case 'Too long': return 'FieldValueTooLong';
    default: return 'FieldValueInvalid';
  }
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message);
}

export function methodNotAllowed(): ApiError {
  return new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
}

export function unsupportedMediaType(contentType: string, accepted: string[]): ApiError {
  return new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`, { causes: [{ reason: 'UnexpectedServerResponse', message: contentType }] });
}

export function gone(message: string): ApiError {
  return new ApiError(410, 'Expired', message);
}

export function internalError(message: string): ApiError {
  return new ApiError(500, 'InternalError', `Internal error occurred: ${message}`);
}
