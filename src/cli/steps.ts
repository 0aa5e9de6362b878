/**
 * Progress of a gradient run on stderr: one line redrawn in place on a terminal (at most ten
 * times a second), and on a pipe nothing until the one closing line.
 */
export function stepProgress(what: string, stream: NodeJS.WriteStream = process.stderr) {
  const start = performance.now();
  let last = 0;
  const seconds = () => ((performance.now() - start) / 1000).toFixed(1);
  return {
    update(done: number, total: number, detail = ''): void {
      const now = performance.now();
      if (!stream.isTTY || (now - last < 100 && done < total)) return;
      last = now;
      stream.write(`\r\x1b[K${what}: step ${done}/${total}${detail ? `, ${detail}` : ''}, ${seconds()} s`);
    },
    end(summary: string): void {
      stream.write(`${stream.isTTY ? '\r\x1b[K' : ''}${what}: ${summary} in ${seconds()} s\n`);
    }
  };
}
