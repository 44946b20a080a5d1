// Entry of the CLI bundle (dist/cli/zizhu.cjs): runs main() and maps its outcome to the process.
import { main } from "./main";
import { terminalSafe } from "./terminal";

void main(process.argv.slice(2), process.env, __dirname).then(({ out, err, code }) => {
  // File names and cell values reach these texts: no control or bidi character is printed raw.
  // `--json -` stays valid JSON (see terminal.ts); files written with --json/--out are untouched.
  if (out) process.stdout.write(terminalSafe(out.endsWith("\n") ? out : `${out}\n`));
  if (err) process.stderr.write(terminalSafe(`${err}\n`));
  process.exitCode = code;
});
