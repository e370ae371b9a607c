import { HelmError } from '../errors/index.js';

/** The `Status` object the API server returns for a failed request. */
export interface ApiStatus {
  kind?: string;
  apiVersion?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: { name?: string; group?: string; kind?: string; causes?: { reason?: string; message?: string; field?: string }[] };
}

/**
 * A failed Kubernetes API call. Keeps the API's `reason` (NotFound, AlreadyExists, Conflict, Invalid, ...)
 * and `code`, and names the object the call was about: `Deployment/default/web: deployments.apps "web" not found`.
 */
export class KubeError extends HelmError {
  readonly reason: string;
  readonly code: number;
  /** The API's own message, without the object prefix. */
  readonly apiMessage: string;

  constructor(message: string, reason = 'Unknown', code = 0, objectName?: string, cause?: unknown) {
    super(objectName ? `${objectName}: ${message}` : message, cause === undefined ? {} : { cause });
    this.reason = reason;
    this.code = code;
    this.apiMessage = message;
  }

  static fromStatus(status: ApiStatus, httpCode: number, objectName?: string): KubeError {
    const code = status.code ?? httpCode;
    const message = status.message ?? `the server responded with status ${httpCode}`;
    return new KubeError(message, status.reason || reasonForCode(code), code, objectName);
  }

  /** Copies an error with an object name put in front, for errors raised below the object level. */
  withObject(objectName: string): KubeError {
    return new KubeError(this.apiMessage, this.reason, this.code, objectName, this);
  }
}

/** Mirrors apimachinery's reasonForError for responses that carry no Status body. */
function reasonForCode(code: number): string {
  switch (code) {
    case 400: return 'BadRequest';
    case 401: return 'Unauthorized';
    case 403: return 'Forbidden';
    case 404: return 'NotFound';
    case 405: return 'MethodNotAllowed';
    case 406: return 'NotAcceptable';
    case 409: return 'Conflict';
    case 410: return 'Expired';
    case 415: return 'UnsupportedMediaType';
    case 422: return 'Invalid';
    case 429: return 'TooManyRequests';
    case 500: return 'InternalError';
    case 503: return 'ServiceUnavailable';
    case 504: return 'Timeout';
    default: return 'Unknown';
  }
}

export function isNotFound(err: unknown): boolean {
  return err instanceof KubeError && err.reason === 'NotFound';
}

export function isAlreadyExists(err: unknown): boolean {
  return err instanceof KubeError && err.reason === 'AlreadyExists';
}
