/** Rules on the roster as a whole: no header row found, hidden data rows. */
import type { Finding, RuleEntries } from "../findings/types";
import { texts } from "../locale";
import type { SheetContext } from "./context";
import { finding } from "./finding";

export interface RosterRuleData {
  "roster.header-missing": { scanned: number };
  "roster.hidden-row": Record<string, never>;
}

export const ROSTER_RULES: RuleEntries<RosterRuleData> = {
  "roster.header-missing": {
    severity: "error",
    source: "FIELDS.md",
    title: texts("找不到表头", "No header row"),
    message: (d) =>
      texts(
        `前 ${d.scanned} 行中找不到花名册表头（至少需要“姓名”或“身份证号”等两列可识别的列名）`,
        `No roster header in the first ${d.scanned} rows`,
      ),
    hint: () =>
      texts(
        "确认选择了花名册所在的工作表（--sheet），表头使用常见列名，如 姓名、身份证号、学段、补助金额",
        "Pick the roster sheet (--sheet); use usual headers such as 姓名, 身份证号",
      ),
  },
  "roster.hidden-row": {
    severity: "warning",
    source: "资助助手",
    title: texts("隐藏行", "Hidden row"),
    message: () =>
      texts("这一行被隐藏了，但仍会随文件报送并被计入", "This row is hidden but is still submitted and counted"),
    hint: () =>
      texts(
        "取消隐藏并核对；不应报送的人员请删除整行",
        "Unhide and check it; delete rows that should not be submitted",
      ),
  },
};

/** The reader looks this many rows down for a header. */
const HEADER_SCAN_ROWS = 40;

/** No roster on the sheet (`rows`: how many rows it has; "" and 0 when the workbook has no sheet). */
export function headerMissing(sheet: string, rows: number): Finding {
  return finding("roster.header-missing", sheet, -1, -1, "", { scanned: Math.min(rows, HEADER_SCAN_ROWS) });
}

export function checkHiddenRows(ctx: SheetContext): void {
  for (const r of ctx.layout.hiddenDataRows) ctx.out.push(finding("roster.hidden-row", ctx.grid.name, r, -1, "", {}));
}
