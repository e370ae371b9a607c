/** Sprig's urlParse and urlJoin over a port of Go's net/url parsing and String(). */
import { goFunc, kindOf, type FuncMap, type GoMap, type GoValue } from '../template/value.js';

type Mode = 'path' | 'host' | 'userPassword' | 'query' | 'fragment';

function shouldEscape(c: number, mode: Mode): boolean {
  const ch = String.fromCharCode(c);
  if (/[a-zA-Z0-9]/.test(ch)) return false;
  if (mode === 'host' && "!$&'()*+,;=:[]<>\"".includes(ch)) return false;
  if ('-_.~'.includes(ch)) return false;
  if ('$&+,/:;=?@'.includes(ch)) {
    switch (mode) {
      case 'path': return ch === '?';
      case 'userPassword': return '@/?:'.includes(ch);
      case 'query': return true;
      case 'fragment': return false;
      default: break;
    }
  }
  if (mode === 'fragment' && '!()*'.includes(ch)) return false;
  return true;
}

export function escape(s: string, mode: Mode): string {
  let out = '';
  for (const c of Buffer.from(s, 'utf8')) {
    if (!shouldEscape(c, mode)) out += String.fromCharCode(c);
    else if (c === 0x20 && mode === 'query') out += '+';
    else out += '%' + c.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

class UrlError extends Error {}

function unescape(s: string, mode: Mode): string {
  const bytes: number[] = [];
  const src = Buffer.from(s, 'utf8');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === 0x25) {
      const hex = src.subarray(i + 1, i + 3).toString('latin1');
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
        const bad = src.subarray(i, Math.min(src.length, i + 3)).toString('utf8');
        throw new UrlError(`invalid URL escape ${JSON.stringify(bad)}`);
      }
      if (mode === 'host' && parseInt(hex[0], 16) < 8 && hex !== '25') throw new UrlError(`invalid URL escape ${JSON.stringify('%' + hex)}`);
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      if (mode === 'host' && c < 0x80 && shouldEscape(c, mode)) throw new UrlError(`invalid character ${JSON.stringify(String.fromCharCode(c))} in host name`);
      bytes.push(mode === 'query' && c === 0x2b ? 0x20 : c);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

interface Url {
  scheme: string; opaque: string; user?: { username: string; password?: string }; host: string;
  path: string; rawPath: string; forceQuery: boolean; rawQuery: string; fragment: string;
}

const validOptionalPort = (p: string): boolean => p === '' || /^:[0-9]*$/.test(p);

function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) throw new UrlError("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort)) throw new UrlError(`invalid port ${JSON.stringify(colonPort)} after host`);
  } else {
    const i = host.lastIndexOf(':');
    if (i !== -1 && !validOptionalPort(host.slice(i))) throw new UrlError(`invalid port ${JSON.stringify(host.slice(i))} after host`);
  }
  return unescape(host, 'host');
}

function parse(rawURL: string): Url {
  const hashAt = rawURL.indexOf('#');
  const u0 = hashAt < 0 ? rawURL : rawURL.slice(0, hashAt);
  const frag = hashAt < 0 ? '' : rawURL.slice(hashAt + 1);
  const url: Url = { scheme: '', opaque: '', host: '', path: '', rawPath: '', forceQuery: false, rawQuery: '', fragment: '' };
  try {
    if (/[\x00-\x1f\x7f]/.test(u0)) throw new UrlError('net/url: invalid control character in URL');
    if (u0 === '*') { url.path = '*'; return url; }
    let rest = u0;
    const sm = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(u0);
    if (u0.startsWith(':')) throw new UrlError('missing protocol scheme');
    if (sm) { url.scheme = sm[1].toLowerCase(); rest = u0.slice(sm[0].length); }
    if (rest.endsWith('?') && rest.split('?').length === 2) {
      url.forceQuery = true;
      rest = rest.slice(0, -1);
    } else {
      const q = rest.indexOf('?');
      if (q >= 0) { url.rawQuery = rest.slice(q + 1); rest = rest.slice(0, q); }
    }
    if (!rest.startsWith('/')) {
      if (url.scheme !== '') { url.opaque = rest; return withFragment(url, frag, rawURL); }
      if (rest.split('/')[0].includes(':')) throw new UrlError('first path segment in URL cannot contain colon');
    }
    if ((url.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
      let authority = rest.slice(2);
      rest = '';
      const i = authority.indexOf('/');
      if (i >= 0) { rest = authority.slice(i); authority = authority.slice(0, i); }
      const at = authority.lastIndexOf('@');
      url.host = parseHost(at < 0 ? authority : authority.slice(at + 1));
      if (at >= 0) {
        const userinfo = authority.slice(0, at);
        if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) throw new UrlError('net/url: invalid userinfo');
        const c = userinfo.indexOf(':');
        url.user = c < 0
          ? { username: unescape(userinfo, 'userPassword') }
          : { username: unescape(userinfo.slice(0, c), 'userPassword'), password: unescape(userinfo.slice(c + 1), 'userPassword') };
      }
    }
    url.path = unescape(rest, 'path');
    url.rawPath = escape(url.path, 'path') === rest ? '' : rest;
  } catch (e) {
    if (e instanceof UrlError) throw new UrlError(`parse ${JSON.stringify(u0)}: ${e.message}`);
    throw e;
  }
  return withFragment(url, frag, rawURL);
}

function withFragment(url: Url, frag: string, rawURL: string): Url {
  if (frag === '') return url;
  try {
    url.fragment = unescape(frag, 'fragment');
  } catch (e) {
    throw new UrlError(`parse ${JSON.stringify(rawURL)}: ${(e as Error).message}`);
  }
  return url;
}

function userString(u: NonNullable<Url['user']>): string {
  let s = escape(u.username, 'userPassword');
  if (u.password !== undefined) s += ':' + escape(u.password, 'userPassword');
  return s;
}

/** url.URL.String() (Go 1.18). */
function urlString(u: Url): string {
  let out = '';
  if (u.scheme !== '') out += u.scheme + ':';
  if (u.opaque !== '') {
    out += u.opaque;
  } else {
    if (u.scheme !== '' || u.host !== '' || u.user) {
      if (u.host !== '' || u.path !== '' || u.user) out += '//';
      if (u.user) out += userString(u.user) + '@';
      if (u.host !== '') out += escape(u.host, 'host');
    }
    const path = u.path === '*' ? '*' : escape(u.path, 'path');
    if (path !== '' && path[0] !== '/' && u.host !== '') out += '/';
    if (out === '' && path.split('/')[0].includes(':')) out += './';
    out += path;
  }
  if (u.forceQuery || u.rawQuery !== '') out += '?' + u.rawQuery;
  if (u.fragment !== '') out += '#' + escape(u.fragment, 'fragment');
  return out;
}

function hostname(host: string): string {
  if (host.startsWith('[')) {
    const i = host.indexOf(']');
    return i < 0 ? host.slice(1) : host.slice(1, i);
  }
  const i = host.lastIndexOf(':');
  return i < 0 ? host : host.slice(0, i);
}

function urlParse(v: string): GoMap {
  let u: Url;
  try {
    u = parse(v);
  } catch (e) {
    throw new Error(`unable to parse url: ${(e as Error).message}`);
  }
  return {
    scheme: u.scheme, host: u.host, hostname: hostname(u.host), path: u.path, query: u.rawQuery,
    opaque: u.opaque, fragment: u.fragment, userinfo: u.user ? userString(u.user) : '',
  };
}

function dictGetOrEmpty(d: GoMap, key: string): string {
  if (!Object.prototype.hasOwnProperty.call(d, key)) return '';
  const v: GoValue = d[key];
  if (v === null || v === undefined) throw new Error('runtime error: invalid memory address or nil pointer dereference');
  if (typeof v !== 'string') throw new Error(`unable to parse ${key} key, must be of type string, but ${kindOf(v)} found`);
  return v;
}

function urlJoin(d: GoMap): string {
  const u: Url = {
    scheme: dictGetOrEmpty(d, 'scheme'), host: dictGetOrEmpty(d, 'host'), path: dictGetOrEmpty(d, 'path'),
    rawQuery: dictGetOrEmpty(d, 'query'), opaque: dictGetOrEmpty(d, 'opaque'), fragment: dictGetOrEmpty(d, 'fragment'),
    rawPath: '', forceQuery: false,
  };
  const userinfo = dictGetOrEmpty(d, 'userinfo');
  if (userinfo !== '') {
    try {
      u.user = parse(`proto://${userinfo}@host`).user;
    } catch (e) {
      throw new Error(`unable to parse userinfo in dict: ${(e as Error).message}`);
    }
  }
  return urlString(u);
}

export const urlFuncs: FuncMap = {
  urlParse: goFunc({ params: ['string'] }, urlParse),
  urlJoin: goFunc({ params: ['map'] }, urlJoin),
};
