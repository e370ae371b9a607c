/** Sprig's path functions: Go's path (and path/filepath on Unix, which behaves the same). */
import { goFunc, type FuncMap } from '../template/value.js';

/** path.Clean: lexical processing as in Go. */
export function clean(p: string): string {
  if (p === '') return '.';
  const rooted = p[0] === '/';
  const parts = p.split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}

export function base(p: string): string {
  if (p === '') return '.';
  while (p.length > 0 && p.endsWith('/')) p = p.slice(0, -1);
  const i = p.lastIndexOf('/');
  if (i >= 0) p = p.slice(i + 1);
  return p === '' ? '/' : p;
}

export function dir(p: string): string {
  const i = p.lastIndexOf('/');
  return clean(p.slice(0, i + 1));
}

export function ext(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
  return '';
}

const isAbs = (p: string): boolean => p.startsWith('/');

export const pathFuncs: FuncMap = {
  base: goFunc({ params: ['string'] }, base),
  dir: goFunc({ params: ['string'] }, dir),
  clean: goFunc({ params: ['string'] }, clean),
  ext: goFunc({ params: ['string'] }, ext),
  isAbs: goFunc({ params: ['string'] }, isAbs),
  osBase: goFunc({ params: ['string'] }, base),
  osClean: goFunc({ params: ['string'] }, clean),
  osDir: goFunc({ params: ['string'] }, dir),
  osExt: goFunc({ params: ['string'] }, ext),
  osIsAbs: goFunc({ params: ['string'] }, isAbs),
};
