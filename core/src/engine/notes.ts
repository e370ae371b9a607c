/**
 * Pulls NOTES.txt out of the rendered files (spec §5.2 step 5): only the top chart's notes unless
 * `subNotes`; kept notes are joined with "\n". The notes files are removed from `rendered`.
 */
export function renderNotes(rendered: Map<string, string>, topChartName: string, subNotes = false): string {
  const notes: string[] = [];
  const top = `${topChartName}/templates/NOTES.txt`;
  for (const key of [...rendered.keys()].sort()) {
    if (!key.endsWith('NOTES.txt')) continue;
    if (key === top || subNotes) notes.push(rendered.get(key)!);
    rendered.delete(key);
  }
  return notes.join('\n');
}
