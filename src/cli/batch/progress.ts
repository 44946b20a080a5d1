/** A progress bar for the batch on a terminal (stderr); silent when stderr is not a TTY. */
export function progressBar(
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
): {
  tick: (done: number, skipped: number) => void;
  done: () => void;
} {
  const tty = stream.isTTY === true;
  const width = 30;
  let last = 0;
  return {
    tick(done, skipped) {
      if (!tty || total === 0) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const filled = Math.round((done / total) * width);
      const bar = "█".repeat(filled) + "░".repeat(width - filled);
      const skip = skipped > 0 ? `（${skipped} 个未改动，已跳过）` : "";
      stream.write(`\r批量校验 [${bar}] ${done}/${total} 个文件${skip}`);
    },
    done() {
      if (tty) stream.write("\r\x1b[K");
    },
  };
}
