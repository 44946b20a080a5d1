import { rosterWorkbook } from "./fixtures";
import { readXlsxStream } from "../../src/adapters/xlsx/stream.node";
import { writeFileSync } from "node:fs";
test("explore", async () => {
  const bytes = await rosterWorkbook();
  writeFileSync("/tmp/zz/roster.xlsx", bytes);
  const r = await readXlsxStream("/tmp/zz/roster.xlsx");
  process.stdout.write(JSON.stringify(r, (k, v) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v)) + "\n");
  const r2 = await readXlsxStream("/tmp/zz/roster.xlsx", { sheet: "配置" });
  process.stdout.write(
    JSON.stringify(r2, (k, v) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v)) + "\n",
  );
  const r3 = await readXlsxStream("/tmp/zz/roster.xlsx", { sheet: "无" });
  process.stdout.write(JSON.stringify(r3) + "\n");
});
