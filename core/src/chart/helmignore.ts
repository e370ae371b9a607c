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
    const safe = (pat: string, n: string): boolean => {
      try { return goMatch(pat, n); } catch { return false; }
    };
    if (rule.startsWith('/')) {
      const anchored = rule.replace(/^\//, '');
      p.match = (n) => safe(anchored, n);
    } else if (rule.includes('/')) {
      p.match = (n) => safe(rule, n);
    } else {
      p.match = (n) => safe(rule, basename(n));
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

/** Go's filepath.Base for '/'-separated paths. */
function basename(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return p === '' ? '.' : '/';
  const i = trimmed.lastIndexOf('/');
  return i >= 0 ? trimmed.slice(i + 1) : trimmed;
}
