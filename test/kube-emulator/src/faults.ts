/**
 * Fault injection for tests: a rule matches requests by method and path (a substring or a RegExp) and either
 * delays them, answers with a 500 or 409 Status, or drops the connection, for a number of times or forever.
 */
export interface FaultRule {
  method?: string;
  path?: string | RegExp;
  /** Extra delay before the request is handled. */
  latencyMs?: number;
  /** Answer with this status code instead of handling the request: 500 (InternalError), 409 (Conflict), 429, 503... */
  status?: number;
  /** Destroy the connection without an answer. */
  drop?: boolean;
  /** How many matching requests it applies to; unlimited when absent. */
  times?: number;
}

export interface FaultDecision {
  latencyMs: number;
  status?: number;
  drop: boolean;
}

export class Faults {
  private rules: { id: number; rule: FaultRule; left: number }[] = [];
  private nextId = 1;
  /** Requests seen, for tests that assert retries: `method path`. */
  readonly log: string[] = [];

  add(rule: FaultRule): number {
    const id = this.nextId++;
    this.rules.push({ id, rule, left: rule.times ?? Infinity });
    return id;
  }

  remove(id: number): void {
    this.rules = this.rules.filter((r) => r.id !== id);
  }

  clear(): void {
    this.rules = [];
  }

  /** Consumes the first matching rule. */
  decide(method: string, path: string): FaultDecision {
    this.log.push(`${method} ${path}`);
    if (this.log.length > 1000) this.log.shift();
    for (const r of this.rules) {
      if (r.left <= 0) continue;
      if (r.rule.method && r.rule.method.toUpperCase() !== method) continue;
      const p = r.rule.path;
      if (p !== undefined && !(typeof p === 'string' ? path.includes(p) : p.test(path))) continue;
      r.left--;
      return { latencyMs: r.rule.latencyMs ?? 0, status: r.rule.status, drop: r.rule.drop ?? false };
    }
    return { latencyMs: 0, drop: false };
  }
}
