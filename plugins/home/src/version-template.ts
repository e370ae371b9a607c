/**
 * `helm version --template`: a Go template over {Client, Server}. Until the template engine lands this
 * supports only plain field references; it is replaced by core/template when that exists.
 */
export async function renderVersionTemplate(tpl: string, data: Record<string, unknown>): Promise<string> {
  return tpl.replace(/\{\{\s*\.([A-Za-z.]+)\s*\}\}/g, (_m, path: string) => {
    let v: unknown = data;
    for (const k of path.split('.')) {
      const key = k.charAt(0).toLowerCase() + k.slice(1);
      v = v && typeof v === 'object' ? ((v as Record<string, unknown>)[k] ?? (v as Record<string, unknown>)[key]) : undefined;
    }
    return v === undefined ? '<no value>' : String(v);
  });
}
