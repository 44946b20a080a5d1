/**
 * Bytes after the zip's end record (padding from a transfer, an appended signature) are ignored by
 * Excel and most zip readers: both readers read such a file as if they were not there. A file cut
 * short is still called incomplete.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { readXlsxStream } from "../../src/adapters/xlsx/stream.node";

const SAMPLE = join(__dirname, "..", "..", "samples", "一补花名册-示例.xlsx");
const original = new Uint8Array(readFileSync(SAMPLE));
const dir = mkdtempSync(join(tmpdir(), "zizhu-trailing-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

test.each([
  ["one byte", new TextEncoder().encode("x")],
  ["4 KB of zeros", new Uint8Array(4096)],
  ["300 KB of text with a fake end-record signature", new TextEncoder().encode("PK\u0005\u0006".padEnd(300_000, "z"))],
])("trailing %s: both readers give the original's cells", async (_, junk) => {
  const expected = await readXlsx(original);
  if (!expected.ok) throw new Error(expected.problem.message);
  const bytes = concat(original, junk);
  const file = join(dir, `t-${junk.length}.xlsx`);
  writeFileSync(file, bytes);
  const whole = await readXlsx(bytes);
  const streamed = await readXlsxStream(file);
  for (const r of [whole, streamed]) {
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.value.sheets[0]?.rows).toEqual(expected.value.sheets[0]?.rows);
  }
});

test("a file cut short is still 'incomplete', by both readers", async () => {
  const cut = original.subarray(0, original.length - 200);
  const file = join(dir, "cut.xlsx");
  writeFileSync(file, cut);
  const whole = await readXlsx(cut);
  const streamed = await readXlsxStream(file);
  for (const r of [whole, streamed]) expect(!r.ok && r.problem.code).toBe("file.truncated");
});
