import { posix } from 'node:path';

/**
 * pkg/urlutil and the URL helpers of pkg/repo. Go's url.Parse accepts far more than WHATWG's URL; these
 * helpers keep Go's results for the URLs repositories actually use.
 */

/** urlutil.URLJoin: path.Join of the base path and the elements; the query string is kept. */
export function urlJoin(baseURL: string, ...paths: string[]): string {
  const u = new URL(baseURL);
  const joined = posix.join(u.pathname || '/', ...paths);
  u.pathname = joined;
  return u.toString();
}

/** pkg/repo ResolveReferenceURL: a relative chart URL against the repo URL, whose path gets a trailing `/`. */
export function resolveReferenceURL(baseURL: string, refURL: string): string {
  const base = new URL(baseURL);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const resolved = new URL(refURL, base);
  // Helm copies the repository's query string (e.g. a SAS token) onto a chart URL on the same host.
  if (resolved.host === base.host && base.search && !resolved.search) resolved.search = base.search;
  return resolved.toString();
}

/** Go's url.Parse + IsAbs + Host/Path check used by ResolveChartVersion to spot absolute chart URLs. */
export function isAbsoluteURL(s: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\/./.test(s);
}

export function urlScheme(s: string): string {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(s);
  return m ? m[1]!.toLowerCase() : '';
}

/** urlutil.Equal: the same URL after cleaning the path (a trailing slash does not matter). */
export function urlEqual(a: string, b: string): boolean {
  const clean = (s: string): string => {
    try {
      const u = new URL(s);
      const p = posix.normalize(u.pathname || '/').replace(/\/+$/, '') || '/';
      return `${u.protocol}//${u.host}${p === '/' ? '' : p}${u.search}`;
    } catch {
      return s.replace(/\/+$/, '');
    }
  };
  return clean(a) === clean(b);
}
