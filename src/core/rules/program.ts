/**
 * Which program a sheet or row is checked against: the --program given, the title's, or each
 * row's 资助项目; a name the pack does not know, and a sheet with no program at all.
 */
import type { Finding, RuleEntries } from "../findings/types";
import type { Grid } from "../grid/types";
import { texts } from "../locale";
import { findProgram, type Pack, type Program } from "../policy";
import type { RosterLayout } from "../roster/detect";
import { finding } from "./finding";

export interface ProgramRuleData {
  "policy.no-program": Record<string, never>;
  "policy.unknown-program": { given: string };
  "policy.program-inferred": { program: string; from: string };
}

export const PROGRAM_RULES: RuleEntries<ProgramRuleData> = {
  "policy.no-program": {
    severity: "info",
    source: "资助助手",
    title: texts("未指定资助项目", "No program"),
    message: () =>
      texts(
        "没有“资助项目”列，也未指定项目，跳过资格、金额和名额核对",
        "No program column or option: policy checks skipped",
      ),
    hint: () =>
      texts(
        "用 --program 指定项目（如 --program 一补），或在花名册中增加“资助项目”列",
        "Use --program or add a 资助项目 column",
      ),
  },
  "policy.unknown-program": {
    severity: "error",
    source: "政策包",
    title: texts("资助项目不存在", "Unknown program"),
    message: (d) => texts(`政策包中没有资助项目“${d.given}”`, `No program "${d.given}" in the pack`),
    hint: () => texts("使用政策包中的项目名称或代码（zizhu policy list）", "Use a program name or code from the pack"),
  },
  "policy.program-inferred": {
    severity: "info",
    source: "资助助手",
    title: texts("按标题认定资助项目", "Program taken from the title"),
    message: (d) =>
      texts(
        `没有“资助项目”列，按标题“${d.from}”按${d.program}核对`,
        `No program column: checked as ${d.program}, from the title "${d.from}"`,
      ),
    hint: () => texts("如项目不对，用 --program 指定", "Use --program if this is wrong"),
  },
};

/** The program a sheet's title or name names, by the longest name or alias found in it. */
export function programFromTitle(pack: Pack, title: string): Program | null {
  let best: { program: Program; length: number } | null = null;
  for (const p of pack.programs) {
    for (const name of [p.name, ...p.aliases]) {
      if (name.length >= 2 && title.includes(name) && (!best || name.length > best.length))
        best = { program: p, length: name.length };
    }
  }
  return best?.program ?? null;
}

/**
 * The program of the whole sheet: the one given (by name, alias or code), else — when the roster
 * has no 资助项目 column — the one its title names; null when rows name their own or none is known.
 */
export function sheetProgram(
  grid: Grid,
  layout: RosterLayout,
  pack: Pack,
  given: string | undefined,
  out: Finding[],
): Program | null {
  const hasProgramColumn = layout.fieldColumns.program !== undefined;
  const fromTitle =
    given === undefined && !hasProgramColumn && layout.kind !== "notice"
      ? programFromTitle(pack, `${layout.title} ${grid.name}`)
      : null;
  const program = given !== undefined ? findProgram(pack, given) : fromTitle;
  if (fromTitle)
    out.push(
      finding("policy.program-inferred", grid.name, -1, -1, "", {
        program: fromTitle.name,
        from: layout.title || grid.name,
      }),
    );
  if (given !== undefined && !program) {
    out.push(finding("policy.unknown-program", grid.name, -1, -1, given, { given }));
  }
  if (!program && !hasProgramColumn && layout.kind !== "notice" && given === undefined) {
    out.push(finding("policy.no-program", grid.name, -1, -1, "", {}));
  }
  return program;
}

/** A row's program from its 资助项目 cell; an unknown name is reported once per sheet (`unknown`). */
export function rowProgram(
  sheet: string,
  row: number,
  layout: RosterLayout,
  pack: Pack,
  name: string,
  unknown: Set<string>,
  out: Finding[],
): Program | null {
  const program = findProgram(pack, name);
  if (!program && !unknown.has(name)) {
    unknown.add(name);
    out.push(finding("policy.unknown-program", sheet, row, layout.fieldColumns.program ?? -1, name, { given: name }));
  }
  return program;
}
