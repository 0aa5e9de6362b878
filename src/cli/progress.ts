/** A progress bar on stderr: redrawn in place on a terminal, a line per tenth otherwise. */
export function progressBar(what: string, stream: NodeJS.WriteStream = process.stderr) {
  let lastTenth = -1;
  const mb = (n: number) => (n / 1e6).toFixed(1);
  return {
    update(done: number, total: number | undefined): void {
      const fraction = total ? Math.min(1, done / total) : 0;
      const width = 30;
      const filled = Math.round(fraction * width);
      const text = total
        ? `${what} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${mb(done)}/${mb(total)} MB`
        : `${what} ${mb(done)} MB`;
      if (stream.isTTY) stream.write(`\r${text}`);
      else {
        const tenth = Math.floor(fraction * 10);
        if (tenth !== lastTenth) stream.write(`${text}\n`);
        lastTenth = tenth;
      }
    },
    end(): void {
      if (stream.isTTY) stream.write('\n');
    }
  };
}
