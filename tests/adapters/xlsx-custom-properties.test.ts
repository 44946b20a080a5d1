/** Custom document properties (docProps/custom.xml) are read by both readers, for the privacy scan. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { readXlsxStream } from "../../src/adapters/xlsx/stream.node";
import { scanWorkbook } from "../../src/core/privacy";

const SAMPLE = join(__dirname, "..", "..", "samples", "一补花名册-示例.xlsx");
const dir = mkdtempSync(join(tmpdir(), "zizhu-custom-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CUSTOM =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
  '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="联系电话"><vt:lpwstr>13812345678</vt:lpwstr></property>' +
  '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="经办人"><vt:lpwstr>王老师</vt:lpwstr></property>' +
  '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="份数"><vt:i4>3</vt:i4></property>' +
  "</Properties>";

function withCustomProperties(): Uint8Array {
  const parts = unzipSync(new Uint8Array(readFileSync(SAMPLE)));
  parts["docProps/custom.xml"] = strToU8(CUSTOM);
  const rels = strFromU8(parts["_rels/.rels"] ?? new Uint8Array());
  parts["_rels/.rels"] = strToU8(
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
    ),
  );
  const types = strFromU8(parts["[Content_Types].xml"] ?? new Uint8Array());
  parts["[Content_Types].xml"] = strToU8(
    types.replace(
      "</Types>",
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
    ),
  );
  return zipSync(parts);
}

test("readXlsx and readXlsxStream read custom properties under custom:NAME", async () => {
  const bytes = withCustomProperties();
  const file = join(dir, "custom.xlsx");
  writeFileSync(file, bytes);
  const whole = await readXlsx(bytes);
  const streamed = await readXlsxStream(file, { sheets: "all", properties: true });
  for (const r of [whole, streamed]) {
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.value.properties).toMatchObject({
      "custom:联系电话": "13812345678",
      "custom:经办人": "王老师",
      "custom:份数": "3",
    });
  }
});

test("the privacy inventory reports the phone in a custom property, masked", async () => {
  const r = await readXlsx(withCustomProperties());
  if (!r.ok) throw new Error(r.problem.message);
  const findings = scanWorkbook(r.value, { mode: "notice" }).filter(
    (f) => f.rule === "privacy.phone" && JSON.stringify(f).includes("联系电话") && f.row < 0,
  );
  expect(findings.length).toBe(1);
  expect(JSON.stringify(findings)).not.toContain("13812345678");
});
