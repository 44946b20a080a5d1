// Entry of the CLI bundle (dist/cli/zizhu.cjs): runs main() and maps its outcome to the process.
import { main } from "./main";

void main(process.argv.slice(2), process.env, __dirname).then(({ out, err, code }) => {
  if (out) process.stdout.write(out.endsWith("\n") ? out : `${out}\n`);
  if (err) process.stderr.write(`${err}\n`);
  process.exitCode = code;
});
