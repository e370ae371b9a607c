import { HelmError } from '../errors/index.js';
import { BadPatternError, goMatch } from './go-match.js';

/**
 * `.helmignore` as Helm's pkg/ignore evaluates it (spec §7.4): Go filepath.Match globs; `!` negates;
 * a trailing `/` restricts to directories; a leading `/` anchors at the chart root; a pattern with a `/`
 * matches the whole relative path, otherwise only the basename; the first matching rule wins.
 * Negation quirk kept: `!pat` ignores everything that does not match `pat`.
 */
export const HELMIGNORE = '.helmignore';

interface Pattern {
  raw: string;
  negate: boolean;
  mustDir: boolean;
  match: (path: string) => boolean;
}

export class IgnoreRules {
  private readonly patterns: Pattern[] = [];

  /** Parses `.helmignore` text; errors name the file. */
  static parse(text: string, file = HELMIGNORE): IgnoreRules {
    const rules = new IgnoreRules();
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      try {
        rules.parseRule(line);
      } catch (err) {
        throw new HelmError((err as Error).message, { file, line: i + 1 });
      }
    });
    return rules;
  }

  /** The built-in rule Helm appends after the user's rules: dotfiles in templates/. */
  addDefaults(): this {
    this.parseRule('templates/.?*');
    return this;
  }

  parseRule(line: string): void {
    let rule = line.trim();
    if (rule === '' || rule.startsWith('#')) return;
    if (rule.includes('**')) throw new Error('double-star (**) syntax is not supported');
    try {
      goMatch(rule, 'abc');
    } catch (err) {
      if (err instanceof BadPatternError) throw new Error('syntax error in pattern');
      throw err;
    }
    const p: Pattern = { raw: rule, negate: false, mustDir: false, match: () => false };
    if (rule.startsWith('!')) { p.negate = true; rule = rule.slice(1); }
    if (rule.endsWith('/')) { p.mustDir = true; rule = rule.slice(0, -1); }
    if (rule.startsWith('/')) {
      p.match = matcher(rule.replace(/^\//, ''));
    } else if (rule.includes('/')) {
      p.match = matcher(rule);
    } else {
      const m = matcher(rule);
      p.match = (n) => m(basename(n));
    }
    this.patterns.push(p);
  }

  /** Whether a chart-relative, '/'-separated path is ignored. */
  ignore(path: string, isDir: boolean): boolean {
    if (path === '' || path === '.' || path === './') return false;
    for (const p of this.patterns) {
      if (p.negate) {
        if (p.mustDir && !isDir) return true;
        if (!p.match(path)) return true;
        continue;
      }
      if (p.mustDir && !isDir) continue;
      if (p.match(path)) return true;
    }
    return false;
  }
}

// Every file of a chart is tested against every rule: the usual shapes (`name`, `*.ext`, `prefix*`) are
// answered with string tests, which is what filepath.Match does with them; the rest go to goMatch.
function matcher(pat: string): (n: string) => boolean {
  const star = pat.indexOf('*');
  const meta = /[*?[\\]/;
  if (!meta.test(pat)) return (n) => n === pat;
  if (star === 0 && !meta.test(pat.slice(1))) {
    const suffix = pat.slice(1);
    return (n) => n.endsWith(suffix) && !n.slice(0, n.length - suffix.length).includes('/');
  }
  if (star === pat.length - 1 && !meta.test(pat.slice(0, -1))) {
    const prefix = pat.slice(0, -1);
    return (n) => n.startsWith(prefix) && !n.includes('/', prefix.length);
  }
  return (n) => {
    try { return goMatch(pat, n); } catch { return false; }
  };
}

/** Go's filepath.Base for '/'-separated paths. */
function basename(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return p === '' ? '.' : '/';
  const i = trimmed.lastIndexOf('/');
  return i >= 0 ? trimmed.slice(i + 1) : trimmed;
}
