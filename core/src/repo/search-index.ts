import { HelmError } from '../errors/index.js';
import { Constraint, parseVersion } from './semver.js';
import type { SearchRow } from './chart-repository.js';
import { goRegexp } from './go-regexp.js';

/**
 * cmd/helm/search: every version of every chart of every repository becomes one line
 * `name \v repo/name \v description \v keywords`; a literal search is a case-insensitive substring match,
 * `-r` a regular expression on the raw line; the score is the field where the match starts.
 */
export interface SearchResult {
  /** `repo/chart`, lower-cased by a literal search (Helm's quirk). */
  name: string;
  version: string;
  appVersion: string;
  description: string;
  score: number;
}

const sep = '\v';
export const searchMaxScore = 25;

interface Line { repoName: string; row: SearchRow; line: string }

export class SearchIndex {
  private readonly lines: Line[] = [];

  addRepo(repoName: string, rows: SearchRow[]): void {
    for (const row of rows) {
      this.lines.push({ repoName, row, line: `${row[1]}${sep}${repoName}/${row[1]}${sep}${row[4]}${sep}${row[5]}` });
    }
  }

  private result(l: Line, score: number, lower: boolean): SearchResult {
    const fname = `${l.repoName}/${l.row[0]}`;
    return { name: lower ? fname.toLowerCase() : fname, version: l.row[2], appVersion: l.row[3], description: l.row[4], score };
  }

  all(): SearchResult[] {
    return this.lines.map((l) => this.result(l, 0, false));
  }

  search(term: string, regexp: boolean): SearchResult[] {
    const out: SearchResult[] = [];
    if (regexp) {
      const re = goRegexp(term);
      for (const l of this.lines) {
        const m = re.exec(l.line);
        if (!m) continue;
        const score = calcScore(Buffer.byteLength(l.line.slice(0, m.index)), l.line);
        if (score < searchMaxScore) out.push(this.result(l, score, false));
      }
      return out;
    }
    const t = term.toLowerCase();
    for (const l of this.lines) {
      const lv = l.line.toLowerCase();
      const i = lv.indexOf(t);
      if (i < 0) continue;
      const score = calcScore(i, lv);
      if (score < searchMaxScore) out.push(this.result(l, score, true));
    }
    return out;
  }
}

/** The number of `\v` separators before the match position. */
function calcScore(index: number, line: string): number {
  let n = 0;
  for (let p = line.indexOf(sep); p >= 0 && p < index; p = line.indexOf(sep, p + 1)) n++;
  return n;
}

/** search.SortScore: score, then name, the same name newest first. */
export function sortScore(res: SearchResult[]): void {
  const parsed = new Map<string, ReturnType<typeof parseVersion>>();
  const ver = (s: string): ReturnType<typeof parseVersion> => {
    if (!parsed.has(s)) parsed.set(s, parseVersion(s));
    return parsed.get(s);
  };
  res.sort((a, b) => {
    if (a.score !== b.score) return a.score - b.score;
    if (a.name === b.name) {
      const va = ver(a.version);
      const vb = ver(b.version);
      if (!va || !vb) return 0;
      return vb.compare(va);
    }
    return a.name < b.name ? -1 : 1;
  });
}

/** searchCmd.applyConstraint: versions satisfying the constraint; without --versions the first per name. */
export function applyConstraint(res: SearchResult[], version: string, allVersions: boolean): SearchResult[] {
  let constraint: Constraint;
  try {
    constraint = Constraint.parse(version);
  } catch (err) {
    throw new HelmError(`an invalid version/constraint format: ${(err as Error).message}`);
  }
  const found = new Set<string>();
  const out: SearchResult[] = [];
  for (const r of res) {
    if (found.has(r.name)) continue;
    const v = parseVersion(r.version);
    if (!v || constraint.check(v)) {
      out.push(r);
      if (!allVersions) found.add(r.name);
    }
  }
  return out;
}
