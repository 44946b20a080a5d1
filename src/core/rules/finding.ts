import type { Finding, FindingData, Severity } from "../findings/types";
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
  const f: Finding = { rule, sheet, row, col, value, data: data as unknown as FindingData };
  return severity ? { ...f, severity } : f;
}
