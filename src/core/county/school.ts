/**
 * Which school a roster file is from: the school its rows name most often, else the 填报单位 (or
 * 学校/单位) written in the rows above the header, else a school name at the start of the title,
 * else the file's name.
 */
import type { Grid } from "../grid/types";
import { tidy } from "../text/normalize";

const SCHOOL_WORD = /(学校|中学|小学|完小|教学点|幼儿园|中专|职中|职业中专|职业学校|技校|学院|大学|教育局|中心校)$/;
const LABEL = /(?:填报单位|报送单位|学校名称|学校|单位名称|单位)[:：]\s*([^\s（(]+)/;

export function schoolOfWorkbook(
  grid: Grid,
  headerTop: number,
  title: string,
  rowSchools: readonly (string | undefined)[],
  fileStem: string,
): string {
  const counts = new Map<string, number>();
  for (const s of rowSchools) if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  let best = "";
  let most = 0;
  for (const [s, n] of counts) if (n > most) [best, most] = [s, n];
  if (best) return best;
  for (let r = 0; r < Math.min(headerTop, 6); r++) {
    for (const v of grid.rows[r] ?? []) {
      if (typeof v !== "string") continue;
      const m = LABEL.exec(tidy(v));
      if (m?.[1]) return m[1];
    }
  }
  const head =
    tidy(title)
      .split(/\d{4}\s*年|20\d\d/)[0]
      ?.trim() ?? "";
  if (SCHOOL_WORD.test(head)) return head;
  return fileStem;
}
