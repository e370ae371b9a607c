/** Reads a password from the terminal without echo (Helm's readPassword), or a line from piped stdin. */
export async function readPassword(prompt: string): Promise<string> {
  process.stdout.write(prompt);
  const stdin = process.stdin;
  return new Promise((resolve) => {
    let buf = '';
    const tty = stdin.isTTY;
    if (tty) stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\n' || ch === '\r' || ch === '\u0004') {
          stdin.off('data', onData);
          if (tty) stdin.setRawMode(false);
          stdin.pause();
          process.stdout.write('\n');
          resolve(buf);
          return;
        }
        if (ch === '\u0003') process.exit(130);
        buf += ch;
      }
    };
    stdin.on('data', onData);
    stdin.on('end', () => { stdin.off('data', onData); resolve(buf); });
    stdin.resume();
  });
}
