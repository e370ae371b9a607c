import { HelmError } from '../errors/index.js';

/**
 * A Go RE2 pattern as a JS RegExp for `helm search -r`. RE2's syntax is close to JS's for what users
 * type; the differences handled are leading inline flags `(?i)`, `(?s)`, `(?m)` and `\z`.
 */
export function goRegexp(pattern: string): RegExp {
  let flags = 'u';
  let body = pattern;
  const m = /^\(\?([ims]+)\)/.exec(body);
  if (m) {
    for (const f of m[1]!) if (!flags.includes(f)) flags += f;
    body = body.slice(m[0].length);
  }
  body = body.replace(/\\z/g, '$(?![\\s\\S])');
  try {
    return new RegExp(body, flags);
  } catch (err) {
    throw new HelmError(`error parsing regexp: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
}
