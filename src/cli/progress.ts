/** A one-line progress display on a terminal; silent when stderr is not a TTY (piped, CI). */
export function progressLine(label: string): { update: (n: number) => void; done: () => void } {
  const tty = process.stderr.isTTY === true;
  let last = 0;
  return {
    update(n: number) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      process.stderr.write(`\r${label} ${n.toLocaleString("en-US")} 行…`);
    },
    done() {
      if (tty) process.stderr.write("\r\x1b[K");
    },
  };
}
