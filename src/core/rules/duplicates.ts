/** The same person twice in one program of a sheet. */
import type { RuleEntries } from "../findings/types";
import { cellAddress } from "../grid/types";
import { texts } from "../locale";
import { maskId } from "../mask";
import { colOf, type RowSummary, type SheetContext } from "./context";
import { finding } from "./finding";

export interface DuplicateRuleData {
  "dup.id": { first: string; program: string };
}

export const DUPLICATE_RULES: RuleEntries<DuplicateRuleData> = {
  "dup.id": {
    severity: "error",
    source: "方案14 一（不重复救助）、资助管理通则",
    title: texts("同一人重复", "Same person twice"),
    message: (d) =>
      texts(
        `同一身份证号在${d.program}中重复出现（首次在 ${d.first}）`,
        `The same ID appears twice in ${d.program} (first at ${d.first})`,
      ),
    hint: () => texts("删除重复行，或核对是否录错了身份证号", "Delete the duplicate or fix the ID"),
  },
};

export function checkDuplicates(ctx: SheetContext, rows: readonly RowSummary[]): void {
  const seen = new Map<string, number>();
  const idCol = colOf(ctx, "idNumber");
  for (const r of rows) {
    // A valid ID compares in its 18-digit form; an invalid one (a wrong check digit) as typed.
    const idKey = r.id18 ?? r.idText;
    if (!idKey) continue;
    const key = `${r.program?.code ?? ""}|${idKey}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, r.row);
      continue;
    }
    ctx.out.push(
      finding("dup.id", ctx.grid.name, r.row, idCol, maskId(idKey), {
        first: cellAddress(first, idCol),
        program: r.program?.name ?? "本表",
      }),
    );
  }
}
