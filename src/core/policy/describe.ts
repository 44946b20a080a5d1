import type { Decision } from "./decide";
import type { Program, Standard } from "./schema";

/** "" when eligible and certain; else every reason, each with its plan, then the fields still needed. */
export function whyText(d: Decision): string {
  const parts: string[] = [];
  if (d.reasons.length > 0) parts.push(`不符合：${d.reasons.map((r) => `${r.text}（${r.source}）`).join("；")}`);
  if (d.missing.length > 0) {
    const fields = d.missing.map((m) => m.label).join("、");
    parts.push(`${d.eligible ? "尚不能确定，" : ""}还需提供：${fields}`);
  }
  return parts.join("。");
}

/** Why AMOUNT has no number: the reasons, or the fields it depends on. */
export function noAmountText(d: Decision): string {
  if (!d.eligible) return whyText(d);
  if (d.missing.length > 0) return `金额取决于：${d.missing.map((m) => m.label).join("、")}，请提供`;
  return d.notes.map((n) => `${n.text}（${n.source}）`).join("；") || "没有适用的标准";
}

const yuan = (n: number): string => `${Number.isInteger(n) ? n : n.toFixed(2).replace(/0$/, "")} 元`;

/** One line for a standard, e.g. "小学寄宿 500 元；初中寄宿 625 元…" or "4 元 × 天数". */
export function standardText(s: Standard): string {
  switch (s.type) {
    case "fixed":
      return yuan(s.amount);
    case "atLeast":
      return `不少于 ${yuan(s.amount)}`;
    case "upTo":
      return `最高 ${yuan(s.amount)}`;
    case "perDay":
      return `${yuan(s.rate)} × 天数`;
    case "table":
      return s.rows
        .map((r) => {
          const when = Object.values(r.when)
            .map((v) => (v === true ? "寄宿" : v === false ? "非寄宿" : v))
            .join("");
          return `${when} ${yuan(r.amount)}`;
        })
        .join("；");
    case "tier": {
      const tiers = Object.entries(s.amounts);
      return tiers.length > 0 ? tiers.map(([t, a]) => `${t} ${yuan(a)}`).join("；") : (s.note ?? "未设定");
    }
  }
}

export function quotaText(p: Program): string {
  return p.quota ? `${+(p.quota.share * 100).toFixed(2)}%（${p.quota.base}）` : "";
}
