import type { WaitItem, WaitProgressListener } from '@helm-ts/core/action/wait-progress';

export interface WaitPrinter {
  listener: WaitProgressListener;
  /** Clears the in-place block on a terminal. */
  done(): void;
}

/**
 * `--wait` progress on stderr (stdout stays v2's output): on a terminal one block redrawn in place, one line
 * per object still waited for; otherwise a plain line each time the set or a reason changes.
 */
export function waitPrinter(release: string, stream: NodeJS.WriteStream = process.stderr): WaitPrinter {
  const tty = Boolean(stream.isTTY);
  let drawn = 0;
  let previous = '';
  const clear = (): void => {
    if (tty && drawn > 0) stream.write(`\x1b[${drawn}F\x1b[J`);
    drawn = 0;
  };
  const listener = (items: WaitItem[]): void => {
    const key = items.map((i) => `${i.name} ${i.reason}`).join('\n');
    if (key === previous) return;
    previous = key;
    if (tty) {
      clear();
      if (items.length === 0) return;
      const width = stream.columns || 120;
      const lines = [`Waiting for ${items.length} resource(s) of release "${release}":`, ...items.map((i) => `  ${i.name}: ${i.reason}`)]
        .map((l) => (l.length > width - 1 ? `${l.slice(0, width - 2)}…` : l));
      stream.write(`${lines.join('\n')}\n`);
      drawn = lines.length;
      return;
    }
    if (items.length === 0) stream.write(`release "${release}": all resources ready\n`);
    else stream.write(`release "${release}": waiting for ${items.map((i) => `${i.name} (${i.reason})`).join(', ')}\n`);
  };
  return { listener, done: clear };
}
