import { readCellText } from "../id/cell-text";
import { fail, ok, type Result } from "../result";
import { compact, tidy } from "../text/normalize";
import { detectMaskKind } from "./detect";
import { resolveKind } from "./kinds";
import { maskCard, maskId, maskPhone } from "./maskers";
import { maskName } from "./name";
import type { MaskKind, MaskProblem } from "./problems";

function maskAs(kind: MaskKind, text: string): string {
  switch (kind) {
    case "id":
      return maskId(compact(text).replace(/x/g, "X"));
    case "card":
      return maskCard(compact(text));
    case "phone":
      return maskPhone(text);
    case "name":
      return maskName(text);
  }
}

/**
 * A cell value masked for display or a 公示 sheet. `kind` is "id", "card", "phone", "name" or a
 * Chinese name for one (身份证, 银行卡, 手机号, 姓名 …); empty means detect it from the value.
 * Returns a new string; the input is never changed.
 */
export function maskValue(input: unknown, kind?: unknown): Result<string, MaskProblem> {
  const cell = readCellText(input);
  if (cell.kind === "empty") return fail({ code: "mask.empty" });
  const choice = resolveKind(kind);
  if (choice.kind === "unknown") return fail({ code: "mask.unknown-kind", kind: choice.text });
  // Digits past the 15th are already gone: masking what is left would look right and be wrong.
  if (cell.kind === "lost") return fail({ code: "mask.stored-as-number", shown: cell.shown });
  const resolved = choice.kind === "known" ? choice.value : detectMaskKind(cell.text);
  if (resolved === null) return fail({ code: "mask.undetected", text: tidy(cell.text) });
  return ok(maskAs(resolved, cell.text));
}
