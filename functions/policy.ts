/**
 * ZIZHU functions for the policy engine: eligibility, amounts, reasons and quotas, decided from
 * the active policy pack (the seed pack unless a host chose another). Fields use the roster's
 * canonical names and every alias a roster accepts.
 */
import {
  decide,
  findProgram,
  noAmountText,
  quotaFor,
  quotaText,
  standardText,
  whyText,
  type Decision,
  normalizeRecord,
  resolveField,
  type FieldKey,
  plainText,
} from "../src/core";

/** Fields whose value can be a real 0. */
const NUMERIC_FIELDS: ReadonlySet<FieldKey> = new Set(["amount", "days", "debt", "visits", "serial"]);
import { excelError, guard, isBlankArg } from "./excel";
import { integerArg } from "./args";
import { readFields } from "./fields";
import { functionsContext } from "./context";

function decideFor(program: unknown, fields: readonly unknown[]): Decision {
  const context = functionsContext();
  const pack = context.pack;
  const p = findProgram(pack, program);
  if (!p) {
    const names = pack.programs.map((x) => x.aliases[0] ?? x.name).join("、");
    throw excelError(
      `没有名为“${plainText(program)}”的资助项目。可用：${names}（也可用项目代码，见 =ZIZHU.PROGRAMS()）`,
      "notAvailable",
    );
  }
  const { entries: given, fromRange } = readFields(fields);
  // Host quirk: Excel for Windows passes an empty cell as 0 (office-js #4702). Only numeric
  // fields can really be 0; for the others (是否寄宿, 困难类型 …) a 0 is an empty cell.
  const entries = given.map(([h, v]): [unknown, unknown] => {
    const key = resolveField(h)?.key;
    return [h, v === 0 && key !== undefined && !NUMERIC_FIELDS.has(key) ? null : v];
  });
  // A header range is a roster's whole header row: columns that are not fields are other data.
  const unknown = fromRange
    ? []
    : entries
        .filter(([h, v]) => !isBlankArg(h) && resolveField(h) === null && !isBlankArg(v))
        .map(([h]) => plainText(h));
  if (unknown.length > 0)
    throw excelError(`不认识的字段：${unknown.join("、")}。字段名请用花名册表头，如 学段、是否寄宿、困难类型`);
  const { record, issues } = normalizeRecord(entries);
  if (issues.length > 0) {
    const first = issues[0];
    throw excelError(
      `${first?.header ?? ""}的值“${first?.raw ?? ""}”无法识别，请检查${issues.length > 1 ? `（另有 ${issues.length - 1} 处）` : ""}`,
    );
  }
  return decide(p, record, pack, { today: context.today() });
}

/**
 * 资助金额：按政策包计算该项目一个发放周期的标准（学期项目为每学期，学年项目为每学年，一次性项目为一次，按天项目为 日标准×天数）。不符合条件时返回 #N/A 并说明原因。字段成对给出（"学段", C2, "是否寄宿", D2），或给出表头区域和数据区域（$A$1:$P$1, A2:P2）。
 * @customfunction AMOUNT
 * @param program 资助项目：名称、简称或代码，如 一补、营养改善计划、yibu
 * @param [fields] 字段名和值成对给出，或表头区域和同样大小的数据区域
 * @returns 金额（元）
 */
export function amount(program: unknown, fields?: unknown[][][]): number {
  return guard(() => {
    const d = decideFor(program, fields ?? []);
    if (d.amount === null) throw excelError(noAmountText(d), "notAvailable");
    return d.amount;
  });
}

/**
 * 是否符合资助条件：只有已给出的字段把此人排除在外时才返回 FALSE（未给出的字段不作为不利依据；缺哪些字段见 WHY）。
 * @customfunction ELIGIBLE
 * @param program 资助项目：名称、简称或代码
 * @param [fields] 字段名和值成对给出，或表头区域和同样大小的数据区域
 * @returns TRUE / FALSE
 */
export function eligible(program: unknown, fields?: unknown[][][]): boolean {
  return guard(() => decideFor(program, fields ?? []).eligible);
}

/**
 * 不符合的原因：符合条件且字段齐全时返回空文本；否则列出每条原因及其出处（方案N），并列出还需提供的字段。
 * @customfunction WHY
 * @param program 资助项目：名称、简称或代码
 * @param [fields] 字段名和值成对给出，或表头区域和同样大小的数据区域
 * @returns 原因
 */
export function why(program: unknown, fields?: unknown[][][]): string {
  return guard(() => whyText(decideFor(program, fields ?? [])));
}

/**
 * 名额上限：按政策包中的比例计算最多可资助人数（向下取整），如 中职助学金 14%、在校 500 人 → 70。
 * @customfunction QUOTA
 * @param program 资助项目：名称、简称或代码
 * @param enrolled 在校（在园）人数
 * @returns 最多可资助人数
 */
export function quota(program: unknown, enrolled: unknown): number {
  return guard(() => {
    const pack = functionsContext().pack;
    const p = findProgram(pack, program);
    if (!p) throw excelError(`没有名为“${plainText(program)}”的资助项目`, "notAvailable");
    const n = integerArg(enrolled, "在校人数");
    if (n < 0) throw excelError("在校人数不能为负数");
    const q = quotaFor(p, n);
    if (q === null) throw excelError(`${p.name}没有名额比例规定`, "notAvailable");
    return q;
  });
}

/**
 * 当前政策包中的全部资助项目（溢出为表格）：代码、名称、标准、周期、名额比例、出处。
 * @customfunction PROGRAMS
 * @returns 项目表
 */
export function programs(): unknown[][] {
  return guard(() => {
    const pack = functionsContext().pack;
    const rows: unknown[][] = [["代码", "名称", "标准", "周期", "名额比例", "出处"]];
    for (const p of pack.programs) {
      const sources = [
        ...new Set([
          p.standard.type === "table" ? (p.standard.rows[0]?.source ?? "") : p.standard.source,
          ...p.eligibility.map((c) => c.source),
        ]),
      ]
        .map((s) => s.split("：")[0])
        .filter((s) => s !== "");
      rows.push([p.code, p.name, standardText(p.standard), p.period, quotaText(p), [...new Set(sources)].join("；")]);
    }
    return rows;
  });
}
