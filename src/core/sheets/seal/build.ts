/** Making the seal: check the workbook, tally its roster, digest it, and the 校验凭证 sheet to write. */
import { checkWorkbook } from "../../check/check";
import { makeGrid, type Grid, type WorkbookData } from "../../grid/types";
import type { Report } from "../../report/types";
import { fail, ok, type Result } from "../../result";
import { WORKBOOK_DIGEST_FORMAT, workbookDigest } from "../digest";
import { findRosterSource, personRows, sourceProblemText } from "../source";
import { emptySpec, type BuiltSheet, type SheetSpec } from "../spec";
import { STYLE } from "../styles";
import { coverageOf, partsFor } from "./coverage";
import {
  SEAL_FORMAT,
  SEAL_SHEET,
  sealSheetRows,
  type Seal,
  type SealOptions,
  type SealProblem,
  type SealStatement,
} from "./format";
import { tally } from "./tally";

function sealSpec(seal: Seal): SheetSpec {
  const spec = emptySpec(SEAL_SHEET, "seal");
  const all = sealSheetRows(seal);
  const last = all.length - 1;
  return {
    ...spec,
    rows: all,
    styles: {
      title: STYLE.title,
      label: { ...STYLE.cell, font: { ...STYLE.cell.font, bold: true } },
      value: { ...STYLE.cell, numFmt: "@", wrap: true },
    },
    styleRanges: [
      { range: { top: 0, left: 0, bottom: 0, right: 1 }, style: "title" },
      { range: { top: 1, left: 0, bottom: last, right: 0 }, style: "label" },
      { range: { top: 1, left: 1, bottom: last, right: 1 }, style: "value" },
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
    columnWidths: [24, 80],
    state: "veryHidden",
  };
}

/**
 * The sheets a file writer (src/adapters/xlsx addSpecToWorkbook; add-in formulas as their values
 * unless `addinFormulas`) adds to `wb` for these specs, as a reader reads them back: the name it
 * gives ("名称 (2)"… when taken, names compared ignoring case, as Excel does), the state, the values
 * and the formulas it writes. Seal specs are left out (they replace our older seal). A recipe seals
 * the workbook it is about to write by passing these as SealOptions.alsoWritten.
 */
export function gridsAsWritten(
  wb: WorkbookData,
  specs: readonly SheetSpec[],
  options: { addinFormulas?: boolean } = {},
): Grid[] {
  const taken = new Set(wb.sheets.map((g) => g.name.toLowerCase()));
  const out: Grid[] = [];
  for (const spec of specs) {
    if (spec.kind === "seal") continue;
    let name = spec.name;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${spec.name} (${n})`;
    taken.add(name.toLowerCase());
    const formulas = new Map<string, string>();
    for (const [key, f] of spec.formulas) if (!f.addin || options.addinFormulas === true) formulas.set(key, f.text);
    out.push(
      makeGrid(
        name,
        spec.rows.map((row) => [...row]),
        { formulas, state: spec.state },
      ),
    );
  }
  return out;
}

/** The sheets with errors, as the message names them: 工作表“花名册”, or 工作表“花名册”“帮联台账”. */
function errorSheets(report: Report, fallback: string): string {
  const names = [...new Set(report.issues.filter((i) => i.severity === "error").map((i) => i.sheet))];
  return `工作表${(names.length > 0 ? names : [fallback]).map((n) => `“${n}”`).join("")}`;
}

/**
 * Checks the workbook and, when it has no errors, makes the seal of the workbook (the roster
 * sheet's values, every sheet's name, order, visibility and values, the roster's hidden rows and
 * columns) and the very-hidden 校验凭证 sheet to write. With errors: a problem carrying the report
 * (nothing to write).
 */
export function buildSeal(
  wb: WorkbookData,
  options: SealOptions,
): Result<{ seal: Seal; built: BuiltSheet; report: Report }, SealProblem> {
  const found = findRosterSource(wb, options);
  if (!found.ok) return fail({ code: found.problem.code, message: sourceProblemText(found.problem) });
  const source = found.value;
  // The check `zizhu check` runs on the same workbook: with no sheet named, the 帮扶 ledgers beside
  // the roster are checked too, and their errors keep the file from being sealed.
  const { report } = checkWorkbook(wb, {
    pack: options.pack,
    today: options.today,
    sheet: options.sheet,
    kind: options.kind,
    program: options.program,
    enrolled: options.enrolled,
    columnOverrides: options.columnOverrides,
  });
  if (!report.valid) {
    return fail({
      code: "seal.has-errors",
      message: `${errorSheets(report, source.grid.name)}有 ${report.stats.errors} 个错误，未写入校验凭证。请按校验结果逐条修改（zizhu check 或任务窗格“校验”），没有错误后再生成校验凭证。`,
      report,
    });
  }
  const tallied = tally(source, personRows(source, options.pack, options.program));
  const statement: SealStatement = {
    pack: { id: options.pack.id, version: options.pack.version },
    sealedAt: options.now,
    tool: options.tool,
    sheet: source.grid.name,
    ...tallied,
  };
  const columns = options.columnOverrides?.[source.grid.name];
  const written: WorkbookData = { ...wb, sheets: [...wb.sheets, ...(options.alsoWritten ?? [])] };
  const parts = partsFor(written, statement);
  const seal: Seal = {
    format: SEAL_FORMAT,
    digestFormat: WORKBOOK_DIGEST_FORMAT,
    ...statement,
    coverage: coverageOf(parts),
    ...(columns !== undefined ? { columns } : {}),
    digest: workbookDigest(parts),
    algorithm: "SHA-256",
  };
  const notes = [
    `已为工作表“${seal.sheet}”生成校验凭证（深度隐藏的工作表“${SEAL_SHEET}”）：${seal.rows} 行，金额合计 ${seal.total.toFixed(2)} 元。之后改动花名册的值，增删、改名、移动、隐藏或显示任何工作表，或隐藏、显示花名册的行列，都会被 zizhu verify 发现（格式不在校验范围内）；这是完整性校验，不是电子签名。`,
  ];
  return ok({ seal, built: { spec: sealSpec(seal), notes }, report });
}
