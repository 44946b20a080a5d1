import type { Finding, Severity } from "../report/types";
import type { RuleCode, RuleData } from "./catalogue";

/** A finding whose data is typed by its rule (the catalogue renders it later). */
export function finding<K extends RuleCode>(
  rule: K,
  sheet: string,
  row: number,
  col: number,
  value: string,
  data: RuleData[K],
  severity?: Severity,
): Finding {
  const f: Finding = { rule, sheet, row, col, value, data: data as unknown as Finding["data"] };
  return severity ? { ...f, severity } : f;
}
