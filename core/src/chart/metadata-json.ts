import type { ChartMetadata, Dependency } from './model.js';

// Kept apart from save.ts (the packager and its YAML encoder) so that `helm repo index` can inline chart
// metadata without loading them.

/** chartutil.Dependency as Go's json tags name it, in its field order, omitempty applied (name and repository always). */
export function dependencyJson(d: Dependency): Record<string, unknown> {
  // Read from YAML, a required field may still be missing: Go's zero value is "".
  const out: Record<string, unknown> = { name: d.name ?? '' };
  if (d.version) out.version = d.version;
  out.repository = d.repository ?? '';
  if (d.condition) out.condition = d.condition;
  if (d.tags?.length) out.tags = d.tags;
  if (d.enabled) out.enabled = d.enabled;
  if (d.importValues?.length) out['import-values'] = d.importValues;
  if (d.alias) out.alias = d.alias;
  return out;
}

export function metadataJson(md: ChartMetadata): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const str = ['name', 'home', 'version', 'description', 'engine', 'icon', 'apiVersion', 'condition', 'tags', 'appVersion', 'tillerVersion', 'kubeVersion', 'type'] as const;
  for (const k of str) if (md[k]) out[k] = md[k];
  if (md.sources?.length) out.sources = md.sources;
  if (md.keywords?.length) out.keywords = md.keywords;
  if (md.maintainers?.length) {
    out.maintainers = md.maintainers.map((m) => {
      const o: Record<string, string> = {};
      if (m.name) o.name = m.name;
      if (m.email) o.email = m.email;
      if (m.url) o.url = m.url;
      return o;
    });
  }
  if (md.deprecated) out.deprecated = true;
  if (md.annotations && Object.keys(md.annotations).length) out.annotations = md.annotations;
  if (md.dependencies?.length && md.apiVersion !== 'v1') out.dependencies = md.dependencies.map(dependencyJson);
  return out;
}
