import { HelmError } from '../errors/index.js';
import { TemplateSet } from '../template/index.js';
import { baseFuncMap } from '../engine/index.js';

/** `--name-template`: a release name rendered with text/template and Sprig (v2's generateName). */
export function renderNameTemplate(text: string): string {
  const set = new TemplateSet({ missingKey: 'default' });
  set.addFuncs(baseFuncMap());
  try {
    set.parse('name-template', text);
    return set.execute('name-template', null);
  } catch (err) {
    throw new HelmError((err as Error).message, { cause: err });
  }
}
