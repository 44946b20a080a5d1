// Entry of the CLI bundle (dist/cli/zizhu.cjs): runs main() and maps its outcome to the process.
import { main } from "./main";
import { terminalSafe } from "./terminal";

// Exit codes are 0, 1 or 2 only: an error escaping main() (a stream or worker event) is still reported
// in Chinese, without a JavaScript message, and exits 2. ZIZHU_DEBUG=1 prints the details.
function unexpected(error: unknown): void {
  const name = error instanceof Error ? error.name : typeof error;
  const debug = process.env["ZIZHU_DEBUG"] === "1" && error instanceof Error ? `\n${error.stack ?? ""}` : "";
  process.stderr.write(
    terminalSafe(
      `zizhu: 处理时出现意外错误（${name}），已停止（输入文件没有被改动）。请把所用命令报告给开发者。${debug}\n`,
    ),
  );
  process.exit(2);
}
process.on("uncaughtException", unexpected);
process.on("unhandledRejection", unexpected);

void main(process.argv.slice(2), process.env, __dirname).then(({ out, err, code }) => {
  // File names and cell values reach these texts: no control or bidi character is printed raw.
  // `--json -` stays valid JSON (see terminal.ts); files written with --json/--out are untouched.
  if (out) process.stdout.write(terminalSafe(out.endsWith("\n") ? out : `${out}\n`));
  if (err) process.stderr.write(terminalSafe(`${err}\n`));
  process.exitCode = code;
});
