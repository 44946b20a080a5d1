// The standalone host on real files (Node environment: ExcelJS reads and writes real .xlsx bytes);
// downloads and the sample fetch are injected, so nothing touches the network or the disk.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createStandaloneHost, SAMPLE_URL } from "../../../src/adapters/standalone/pane-host";
import { maskedCopy } from "../../../src/adapters/engine/mask-copy";
import { readXlsx } from "../../../src/adapters/xlsx/read";
import { checkWorkbook } from "../../../src/core/check/check";
import { seedPack } from "../../../src/core/policy";

const SAMPLES = join(__dirname, "..", "..", "..", "samples");
const sample = (file: string) => new Uint8Array(readFileSync(join(SAMPLES, file)));
const TODAY = { y: 2026, m: 11, d: 28 };

function setup() {
  const downloads: { bytes: Uint8Array; name: string }[] = [];
  const fetched: string[] = [];
  const host = createStandaloneHost({
    fetchBytes: async (url) => {
      fetched.push(url);
      return sample("一补花名册-问题示例.xlsx");
    },
    download: (bytes, name) => downloads.push({ bytes, name }),
  });
  return { host, downloads, fetched };
}

test("before a file is chosen, read() says so in Chinese", async () => {
  const r = await setup().host.read();
  expect(r).toEqual({ ok: false, message: expect.stringContaining("请先选择") });
});

test("the sample loads from the page's own origin and exports an annotated copy", async () => {
  const { host, downloads, fetched } = setup();
  const r = await host.loadSample();
  if (!r.ok) throw new Error(r.message);
  expect(fetched).toEqual([SAMPLE_URL]);
  expect(SAMPLE_URL.startsWith("./")).toBe(true);
  expect(r.format).toBe("xlsx");
  // read() again gives the same parsed workbook (parsed once per file).
  const again = await host.read();
  expect(again.ok && again.workbook).toBe(r.workbook);
  const { report } = checkWorkbook(r.workbook, { pack: seedPack(), today: TODAY });
  const status = await host.exportResults(report);
  expect(status).toContain("已下载");
  expect(downloads).toHaveLength(1);
  expect(downloads[0]?.name).toBe("一补花名册-问题示例-校验结果.xlsx");
  const out = await readXlsx(downloads[0]?.bytes ?? new Uint8Array());
  if (!out.ok) throw new Error(out.problem.message);
  expect(out.value.sheets.map((s) => s.name)).toContain("校验结果");
});

test("a CSV is exported through gridToXlsx", async () => {
  const { host, downloads } = setup();
  host.openFile("花名册.csv", sample("一补花名册-GBK.csv"));
  const r = await host.read();
  if (!r.ok) throw new Error(r.message);
  expect(r.format).toBe("csv");
  const { report } = checkWorkbook(r.workbook, { pack: seedPack(), today: TODAY });
  await host.exportResults(report);
  expect(downloads[0]?.name).toBe("花名册-校验结果.xlsx");
  const out = await readXlsx(downloads[0]?.bytes ?? new Uint8Array());
  expect(out.ok).toBe(true);
});

test("unreadable files give Chinese messages", async () => {
  const { host } = setup();
  host.openFile("花名册.xlsx", new TextEncoder().encode("这不是 Excel 文件"));
  const bad = await host.read();
  expect(bad.ok).toBe(false);
  expect(!bad.ok && bad.message).toMatch(/[\u4e00-\u9fff]/);
  host.openFile("花名册.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  const xls = await host.read();
  expect(!xls.ok && xls.message).toContain("另存为");
  host.openFile("空.csv", new Uint8Array());
  const empty = await host.read();
  expect(!empty.ok && empty.message).toContain("空文件");
});

test("the masked copy hides ID, phone, card and name columns; the original data is unchanged", async () => {
  const { host, downloads } = setup();
  const r = await host.loadSample();
  if (!r.ok) throw new Error(r.message);
  const before = JSON.stringify(r.workbook.sheets.map((s) => s.rows));
  const copy = maskedCopy(r.workbook);
  expect(copy.masked).toBeGreaterThan(0);
  expect(JSON.stringify(r.workbook.sheets.map((s) => s.rows))).toBe(before);
  const status = await host.saveMaskedCopy?.(copy.workbook, "一补花名册-问题示例-脱敏.xlsx");
  expect(status).toContain("脱敏副本");
  const out = await readXlsx(downloads[0]?.bytes ?? new Uint8Array());
  if (!out.ok) throw new Error(out.problem.message);
  const cells = out.value.sheets.flatMap((s) => s.rows.flat()).map((v) => String(v ?? ""));
  // No ID, card or phone number survives whole.
  expect(cells.filter((v) => /\d{11,}/.test(v.replace(/[\s-]/g, "")))).toEqual([]);
  // Names keep only the surname.
  expect(cells.some((v) => /^\p{Script=Han}\*+$/u.test(v))).toBe(true);
  // Document properties (author, title…) are not carried over; ExcelJS fills in its own "Unknown".
  expect(copy.workbook.properties).toEqual({});
  expect(Object.values(out.value.properties).filter((v) => v !== "Unknown")).toEqual([]);
});
