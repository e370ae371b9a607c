/** Renders the one-line templates of the Sprig tables through the template engine with Sprig's functions. */
import { sprigFuncs } from '@helm-ts/core/sprig';
import { GoNamedMap, TemplateSet, type GoMap, type GoValue } from '@helm-ts/core/template';

/** Helm's .Values: a chartutil.Values (named map type), as Sprig's type assertions see it. */
class ChartValues extends GoNamedMap {
  readonly goType = 'chartutil.Values';
  constructor(private readonly m: GoMap) { super(); }
  entries(): GoMap { return this.m; }
}

/** The values the oracle chart had in values.yaml (numbers from YAML are float64). */
export const sprigValues = (): GoValue => new ChartValues({ num: 1, s: 'str', f: 1.5, big: 1000000, list: [1, 2], m: { a: 1 } });

const funcs = sprigFuncs();

export function renderCase(tpl: string): string {
  const t = new TemplateSet({ funcs }).parse('case', tpl);
  return t.execute('case', { Values: sprigValues() });
}

/** The error a template raises, from `error calling NAME: ...` (or the engine's own argument errors) on. */
export function renderCaseError(tpl: string): string {
  try {
    const out = renderCase(tpl);
    return `no error, rendered ${JSON.stringify(out)}`;
  } catch (e) {
    const msg = (e as Error).message;
    const m = /(error calling .*|wrong type for value; .*|wrong number of args for .*)$/s.exec(msg);
    return m ? m[1] : msg;
  }
}
