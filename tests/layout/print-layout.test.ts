/**
 * How the official sheets PRINT: LibreOffice renders the 格式化花名册 and the 公示表 (120 people)
 * to PDF, and poppler reads the pages back. Every page must be A4 in the sheet's orientation, show
 * the header row (序号 … the last column: all columns fit one page width and the header repeats)
 * and the footer "第 i 页 共 N 页". Page 1 is saved as a PNG in test-artifacts/ for a human look.
 *
 * Needs soffice and poppler-utils (.ci/run installs them); never skipped silently.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { specsToWorkbook } from "../../src/adapters/xlsx/write-sheet";
import type { CellValue, Grid, WorkbookData } from "../../src/core/grid/types";
import { seedPack } from "../../src/core/policy";
import { buildFormsSheet } from "../../src/core/sheets/forms-sheet";
import { buildNoticeSheet } from "../../src/core/sheets/notice-sheet";
import { buildRosterSheet } from "../../src/core/sheets/roster-sheet";
import { findRosterSource } from "../../src/core/sheets/source";
import type { BuildResult, SheetSpec } from "../../src/core/sheets/spec";

const ROOT = join(__dirname, "..", "..");
const ARTIFACTS = join(ROOT, "test-artifacts");
const PEOPLE = 120;
const FORMS = 6;
let formNames: string[] = [];
const INSTALL =
  "需要 LibreOffice 和 poppler-utils 才能检查打印版式 / the print-layout test needs LibreOffice and poppler-utils:\n" +
  "  apt-get install -y --no-install-recommends libreoffice-calc poppler-utils fonts-wqy-zenhei";

function have(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
}

/** The sample roster with its 40 people repeated to 120 (序号 renumbered), title, notes and all columns kept. */
async function bigRoster(): Promise<WorkbookData> {
  const r = await readXlsx(readFileSync(join(ROOT, "samples", "一补花名册-示例.xlsx")));
  if (!r.ok) throw new Error(r.problem.message);
  const source = findRosterSource(r.value);
  if (!source.ok) throw new Error(source.problem.code);
  const { grid, layout } = source.value;
  const first = layout.dataRows[0] ?? 0;
  const last = layout.dataRows[layout.dataRows.length - 1] ?? 0;
  const people = grid.rows.slice(first, last + 1);
  const rows: CellValue[][] = grid.rows.slice(0, first);
  for (let i = 0; i < PEOPLE; i++) {
    const row = [...(people[i % people.length] ?? [])];
    row[0] = i + 1;
    rows.push(row);
  }
  rows.push(...grid.rows.slice(last + 1));
  const big: Grid = { ...grid, rows, formulas: new Map(), merges: grid.merges.filter((m) => m.bottom < first) };
  return { sheets: [big], properties: {} };
}

function specOf(r: BuildResult): SheetSpec {
  if (!r.ok) throw new Error(r.problem.message);
  return r.value.spec;
}

/** The header row's first and last texts (the row printed at the top of every page). */
function headerEnds(spec: SheetSpec): { first: string; last: string } {
  const row = spec.print?.titleRows?.to;
  if (row === undefined) throw new Error(`${spec.name}: no repeated title row`);
  const texts = (spec.rows[row] ?? []).filter((v): v is string => typeof v === "string" && v.trim() !== "");
  return { first: texts[0] ?? "", last: texts[texts.length - 1] ?? "" };
}

const pdfText = (pdf: string, page: number) =>
  execFileSync("pdftotext", ["-layout", "-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" });

/** Header cells wrap in narrow columns: compare without spaces and line breaks. */
const squeeze = (s: string) => s.replace(/\s+/g, "");

describe("print layout through LibreOffice", () => {
  const work = mkdtempSync(join(tmpdir(), "zizhu-print-"));
  const specs: Record<string, SheetSpec> = {};
  let seconds = 0;

  beforeAll(async () => {
    if (!have("soffice") || !have("pdftotext") || !have("pdfinfo") || !have("pdftoppm")) throw new Error(INSTALL);
    const wb = await bigRoster();
    const source = findRosterSource(wb);
    if (!source.ok) throw new Error(source.problem.code);
    const pack = seedPack();
    const today = { y: 2026, m: 11, d: 28 };
    specs["roster"] = specOf(buildRosterSheet(source.value, { pack, today }));
    specs["notice"] = specOf(buildNoticeSheet(source.value, { pack, today, start: { y: 2026, m: 9, d: 28 } }));
    // The forms of the sample's first 6 people: one A4 page each.
    const { grid, layout } = source.value;
    const six = { grid, layout: { ...layout, dataRows: layout.dataRows.slice(0, FORMS) } };
    specs["forms"] = specOf(buildFormsSheet(six, { pack, today }));
    formNames = six.layout.dataRows.map((r) => String(grid.rows[r]?.[layout.fieldColumns.name ?? 0] ?? ""));
    const files: string[] = [];
    for (const [name, spec] of Object.entries(specs)) {
      const file = join(work, `${name}.xlsx`);
      writeFileSync(file, await specsToWorkbook([spec]));
      files.push(file);
    }
    const started = Date.now();
    // A private profile per run: no clash with another soffice, no state left behind.
    const profile = `file://${join(work, "lo-profile")}`;
    const run = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        work,
        ...files,
      ],
      { encoding: "utf8", timeout: 90_000 },
    );
    seconds = (Date.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stderr}`);
  }, 120_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test.each([["roster"], ["notice"]])("%s: A4, header and footer on every page", (name) => {
    const spec = specs[name] as SheetSpec;
    const pdf = join(work, `${name}.pdf`);
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
    const [w, h] = [Number(size?.[1]), Number(size?.[2])];
    const [long, short] = [842, 595];
    if (spec.print?.orientation === "landscape") {
      expect(Math.abs(w - long)).toBeLessThanOrEqual(2);
      expect(Math.abs(h - short)).toBeLessThanOrEqual(2);
    } else {
      expect(Math.abs(w - short)).toBeLessThanOrEqual(2);
      expect(Math.abs(h - long)).toBeLessThanOrEqual(2);
    }
    // 120 people do not fit one page: the header must repeat.
    expect(pages).toBeGreaterThan(1);
    const { first, last } = headerEnds(spec);
    expect(first).toBe("序号");
    for (let page = 1; page <= pages; page++) {
      const text = pdfText(pdf, page);
      const flat = squeeze(text);
      expect({ page, first: flat.includes(squeeze(first)) }).toEqual({ page, first: true });
      expect({ page, last: flat.includes(squeeze(last)) }).toEqual({ page, last: true });
      expect({ page, footer: flat.includes(`第${page}页共${pages}页`) }).toEqual({ page, footer: true });
    }
    // The title prints whole on page 1 (a merged title wider than its columns is cut off at both ends).
    const title = (spec.rows[0] ?? []).find((v): v is string => typeof v === "string" && v.trim() !== "") ?? "";
    expect(title).not.toBe("");
    expect(squeeze(pdfText(pdf, 1))).toContain(squeeze(title));
    // Page 2 starts with the header, not with a person: no row is split from its header.
    expect(squeeze(pdfText(pdf, 2)).indexOf(squeeze(first))).toBeLessThan(40);
    mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      pdf,
      join(ARTIFACTS, `print-layout-${name}`),
    ]);
  });

  test("forms: one person per A4 portrait page (the page breaks survive the print scaling)", () => {
    const pdf = join(work, "forms.pdf");
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(FORMS);
    const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
    expect(Math.abs(Number(size?.[1]) - 595)).toBeLessThanOrEqual(2);
    expect(new Set(formNames).size).toBe(FORMS);
    formNames.forEach((name, i) => {
      const flat = squeeze(pdfText(pdf, i + 1));
      expect({ page: i + 1, own: flat.includes(name) }).toEqual({ page: i + 1, own: true });
      const others = formNames.filter((n, j) => j !== i && flat.includes(n));
      expect({ page: i + 1, others }).toEqual({ page: i + 1, others: [] });
    });
    mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      pdf,
      join(ARTIFACTS, "print-layout-forms"),
    ]);
  });

  test("LibreOffice renders them within the time budget", () => {
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThan(60);
  });
});
