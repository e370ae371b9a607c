const scpSyntax = /^([a-zA-Z0-9_]+)@([a-zA-Z0-9._-]+):(.*)$/;

/**
 * plugin/cache.Key: a file-name-safe key for a plugin source URL, `scheme-user-host-path` with `/` and `:`
 * turned into `-`. scp-style `git@host:path` drops the scheme; a plain path keeps only its path.
 */
export function cacheKey(repo: string): string {
  let scheme = '';
  let user = '';
  let host = '';
  let path = '';
  const m = scpSyntax.exec(repo);
  if (m) {
    user = m[1]!;
    host = m[2]!;
    path = `/${m[3]!}`;
  } else {
    const u = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/.exec(repo);
    if (u && u[2]!.startsWith('//')) {
      scheme = u[1]!.toLowerCase();
      const rest = u[2]!.slice(2);
      const slash = rest.indexOf('/');
      const authority = slash >= 0 ? rest.slice(0, slash) : rest;
      path = (slash >= 0 ? rest.slice(slash) : '').replace(/[?#].*$/, '');
      const at = authority.lastIndexOf('@');
      host = at >= 0 ? authority.slice(at + 1) : authority;
      user = at >= 0 ? decodeURIComponent(authority.slice(0, at).split(':')[0]!) : '';
    } else if (u) {
      scheme = u[1]!.toLowerCase();
      path = u[2]!;
    } else {
      path = repo.replace(/[?#].*$/, '');
    }
  }
  let key = scheme ? `${scheme}-` : '';
  if (user) key += `${user}-`;
  key += host;
  if (path) key += path.replace(/\//g, '-');
  return key.replace(/:/g, '-');
}
