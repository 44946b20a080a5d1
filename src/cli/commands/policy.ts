import {
  findProgram,
  packProblemText,
  quotaText,
  standardText,
  type Condition,
  type Pack,
  type Program,
  fieldLabel,
  type FieldKey,
} from "../../core";
import { formatTable } from "../table";
import { readPackFile } from "../pack-file";
import { UsageError } from "./fn";

export function policyList(pack: Pack): string {
  const rows = [["代码", "名称", "标准", "周期", "名额"]];
  for (const p of pack.programs) rows.push([p.code, p.name, standardText(p.standard), p.period, quotaText(p)]);
  return `${pack.name}（${pack.id} ${pack.version}，${pack.effective.from} 起生效）\n\n${formatTable(rows)}`;
}

function conditionLines(c: Condition, indent: string): string[] {
  if (c.test === "anyOf" || c.test === "allOf") {
    const head = `${indent}- ${c.test === "anyOf" ? "满足其一" : "同时满足"}：${c.reason}（${c.source}）`;
    return [head, ...c.conditions.flatMap((x) => conditionLines(x, `${indent}  `))];
  }
  const label = fieldLabel(c.field as FieldKey);
  const rule =
    c.test === "in"
      ? `${label} 为 ${c.values.join(" / ")}`
      : c.test === "notIn"
        ? `${label} 不为 ${c.values.join(" / ")}`
        : c.test === "atLeast"
          ? `${label} ≥ ${c.value}`
          : c.test === "is"
            ? `${label} = ${c.value ? "是" : "否"}`
            : `${label}：近 ${c.years} 年内未获资助`;
  return [`${indent}- ${rule}；否则：${c.reason}（${c.source}）`];
}

export function policyShow(pack: Pack, program: Program): string {
  const lines = [
    `${program.name}（${program.code}）`,
    `别名：${program.aliases.join("、") || "无"}`,
    `对象：${program.audience === "students" ? "学生" : "教师"}；周期：${program.period}`,
    `标准：${standardText(program.standard)}（${program.standard.type === "table" ? program.standard.rows.map((r) => r.source).join("；") : program.standard.source}）`,
  ];
  if (program.quota) lines.push(`名额：${quotaText(program)}（${program.quota.source}）`);
  lines.push(
    "条件：",
    ...(program.eligibility.length ? program.eligibility.flatMap((c) => conditionLines(c, "  ")) : ["  - 无"]),
  );
  for (const l of program.limits) {
    const text =
      l.kind === "retired-share"
        ? `退休人员比例不超过 ${+(l.max * 100).toFixed(2)}%`
        : l.kind === "nominees-per-school"
          ? `每校推荐 ${l.min}–${l.max} 名`
          : l.kind === "min-visits"
            ? `每年走访不少于 ${l.min} 次`
            : l.kind === "no-repeat-within-year"
              ? "当年已获救助者不重复救助"
              : `材料截止 ${l.month}月${l.day}日${l.lateMeansWithdrawn ? "，逾期视作放弃" : ""}`;
    lines.push(`限制：${text}（${l.source}）`);
  }
  if (program.proof)
    lines.push(
      `证明材料：${fieldLabel(program.proof.field as FieldKey)}为“${program.proof.when ? "是" : "否"}”时需要 ${program.proof.documents.join("、")}（${program.proof.source}）`,
    );
  if (program.coverage) lines.push(`全覆盖：${program.coverage.full.join("、")}（${program.coverage.source}）`);
  for (const n of program.notes) lines.push(`说明：${n.text}（${n.source}）`);
  const assumptions = pack.assumptions.filter(
    (a) => a.source && lines.some((l) => l.includes(a.source?.split(" ")[0] ?? "\u0000")),
  );
  for (const a of assumptions) lines.push(`本包假定：${a.text}`);
  return lines.join("\n");
}

export function policyCommand(words: string[], pack: Pack): { out: string; code: number } {
  const [sub, arg] = words;
  if (sub === "list" || sub === undefined) return { out: policyList(pack), code: 0 };
  if (sub === "show") {
    if (!arg) throw new UsageError("请给出项目代码或名称，如 zizhu policy show 一补");
    const p = findProgram(pack, arg);
    if (!p) throw new UsageError(`没有名为“${arg}”的资助项目；zizhu policy list 列出全部项目`);
    return { out: policyShow(pack, p), code: 0 };
  }
  if (sub === "check") {
    if (!arg) throw new UsageError("请给出政策包文件，如 zizhu policy check mypack.json");
    const r = readPackFile(arg);
    if (!r.ok) return { out: `政策包 ${arg} 有误，未加载：\n${packProblemText(r.problems)}`, code: 1 };
    return {
      out: `政策包有效：${r.pack.name}（${r.pack.id} ${r.pack.version}），${r.pack.programs.length} 个项目`,
      code: 0,
    };
  }
  throw new UsageError(`未知的 policy 子命令：${sub}（可用：list、show、check）`);
}
