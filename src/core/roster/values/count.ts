/** Whole counts: 天数, 次数 ("20", "20天", "20 次"). */
import { compact } from "../../text/normalize";

const COUNT_TEXT = /^(\d{1,9})(?:\.0+)?(?:天|日|次|人次|回|趟|个|人)?$/;

/** A non-negative whole count: 20, "20", "20天", "20 次", "２０". */
export function normalizeCount(v: unknown): number | null {
  if (typeof v === "number") return Number.isSafeInteger(v) && v >= 0 ? v + 0 : null;
  if (typeof v !== "string") return null;
  const m = COUNT_TEXT.exec(compact(v));
  return m ? Number(m[1]) : null;
}
