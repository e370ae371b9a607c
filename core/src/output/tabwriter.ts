/**
 * Go's text/tabwriter (padchar ' ', no flags but TabIndent), as Helm v2 aligns `helm status` RESOURCES:
 * text is split into cells at TABs; a column is aligned over each block of consecutive lines that have a
 * cell in it, to the widest cell plus `padding`; the text after a line's last TAB is not a cell and is
 * written as is. Leading empty cells are written as TABs (TabIndent).
 */
export function tabwrite(text: string, options: { minwidth?: number; padding?: number } = {}): string {
  const minwidth = options.minwidth ?? 0;
  const padding = options.padding ?? 0;
  const lines = text.split('\n').map((l) => l.split('\t'));
  const width = (s: string): number => [...s].length;
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i]!;
      let useTabs = true;
      let s = '';
      cells.forEach((c, j) => {
        const last = j === cells.length - 1;
        if (c === '') {
          if (j < widths.length && !last) s += useTabs ? '\t' : ' '.repeat(widths[j]!);
          return;
        }
        useTabs = false;
        s += c;
        if (j < widths.length && !last) s += ' '.repeat(widths[j]! - width(c));
      });
      out.push(s);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i]!.length - 1) continue;
      writeLines(line0, i);
      line0 = i;
      let w = minwidth;
      for (; i < line1; i++) {
        const cells = lines[i]!;
        if (column >= cells.length - 1) break;
        w = Math.max(w, width(cells[column]!) + padding);
      }
      widths.push(w);
      format(line0, i);
      widths.pop();
      line0 = i;
      i--;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}
