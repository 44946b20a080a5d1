/**
 * Marks flagged cells without touching the user's own formatting, and removes the marks in one click.
 *
 * The marks are conditional formats the pane owns: a custom rule whose formula is always TRUE and
 * carries a marker (=ISTEXT("zizhu:highlight:error")), with a fill by severity. Conditional formats
 * sit on top of the cells' own fills, borders and number formats and never change them; deleting
 * the rule brings back exactly what the user had. Cells are grouped per sheet and severity into
 * multi-area ranges (getRanges("C5:C9,D7,…")), so a few hundred flagged cells make a handful of
 * rules, not one per cell.
 *
 * What was added is remembered in the workbook's settings (key "zizhu.highlights": sheet, severity,
 * addresses). Clearing looks at the conditional formats of those sheets and deletes only the ones
 * whose formula is one of our marker formulas: the user's rules — even custom ones, even on the same
 * cells — are never deleted, and our rules are found even after rows were inserted above them.
 *
 * Syncs: highlight = 2 without earlier highlights (sheet check; add), 4 with (sheet check; rule
 * types; rule formulas; delete + add in one batch). clear ≤ 4 (sheet check; rule types; rule formulas,
 * only when custom rules exist; delete, only when one of ours was found).
 */
import { type Issue, type Severity, fail, hostFailed, type HostProblem, ok, type Result, columnName } from "../../core";
import { parseArea } from "./address";
import { hostFailure, isHostError } from "./errors";
import { readSetting, writeSetting } from "./settings";

export const HIGHLIGHTS_KEY = "zizhu.highlights";

/**
 * Longest address list passed to one getRanges() call. Excel's range references are limited to 255
 * characters (the limit VBA's Range() and the Name box share, and what getRanges is reported to refuse
 * beyond), so longer lists are split into several rules.
 */
export const MAX_ADDRESS_CHARS = 250;

const MARKER = "zizhu:highlight";
const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** Excel's own "bad / neutral" fills, and a light blue for hints. */
export const HIGHLIGHT_FILL: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };

/** The always-TRUE formula of our rules: ISTEXT of a constant string, which also names the rule as ours. */
export function markerFormula(severity: Severity): string {
  return `=ISTEXT("${MARKER}:${severity}")`;
}

/** Host quirk: the formula may come back with different spacing or case; compare a normalised form. */
function isMarkerFormula(formula: unknown): boolean {
  if (typeof formula !== "string") return false;
  const norm = formula.replace(/\s+/g, "").toLowerCase();
  return SEVERITIES.some((s) => norm === markerFormula(s).toLowerCase());
}

export interface HighlightGroup {
  sheet: string;
  severity: Severity;
  /** Comma-separated A1 areas, at most MAX_ADDRESS_CHARS long. */
  addresses: string;
}

interface HighlightRecord {
  version: 1;
  groups: HighlightGroup[];
}

function readRecord(): HighlightRecord | null {
  const value = readSetting(HIGHLIGHTS_KEY);
  if (value === null || typeof value !== "object" || !("groups" in value) || !Array.isArray(value.groups)) return null;
  const groups = (value.groups as unknown[]).filter(
    (g): g is HighlightGroup =>
      g !== null &&
      typeof g === "object" &&
      typeof (g as HighlightGroup).sheet === "string" &&
      typeof (g as HighlightGroup).addresses === "string",
  );
  return { version: 1, groups };
}

/**
 * The flagged cells as rule groups: one severity per cell (the worst of its issues), vertical runs
 * in a column merged into "C5:C9", address lists cut at MAX_ADDRESS_CHARS. Issues about a whole row
 * or sheet (no cell) are not highlighted.
 */
export function planHighlights(issues: readonly Issue[]): { groups: HighlightGroup[]; cells: number } {
  type Flagged = { row: number; col: number; severity: Severity };
  const worst = new Map<string, Map<string, Flagged>>();
  for (const issue of issues) {
    if (issue.cell === "" || issue.sheet === "") continue;
    const area = parseArea(issue.cell);
    if (!area) continue;
    const cells = worst.get(issue.sheet) ?? new Map<string, Flagged>();
    worst.set(issue.sheet, cells);
    const key = `${area.top},${area.left}`;
    const seen = cells.get(key);
    if (!seen || RANK[issue.severity] < RANK[seen.severity]) {
      cells.set(key, { row: area.top, col: area.left, severity: issue.severity });
    }
  }
  const groups: HighlightGroup[] = [];
  let count = 0;
  for (const [sheet, cells] of worst) {
    count += cells.size;
    for (const severity of SEVERITIES) {
      const list = [...cells.values()]
        .filter((c) => c.severity === severity)
        .sort((a, b) => a.col - b.col || a.row - b.row);
      const areas: string[] = [];
      for (let i = 0; i < list.length;) {
        const first = list[i];
        if (!first) break;
        let j = i;
        while (list[j + 1]?.col === first.col && list[j + 1]?.row === (list[j]?.row ?? -2) + 1) j++;
        const last = list[j] ?? first;
        const col = columnName(first.col);
        areas.push(last.row === first.row ? `${col}${first.row + 1}` : `${col}${first.row + 1}:${col}${last.row + 1}`);
        i = j + 1;
      }
      let current = "";
      for (const area of areas) {
        if (current !== "" && current.length + 1 + area.length > MAX_ADDRESS_CHARS) {
          groups.push({ sheet, severity, addresses: current });
          current = "";
        }
        current = current === "" ? area : `${current},${area}`;
      }
      if (current !== "") groups.push({ sheet, severity, addresses: current });
    }
  }
  return { groups, cells: count };
}

interface SyncCount {
  n: number;
}

/** The worksheets among `names` that still exist (renamed or deleted ones are skipped). */
async function existingSheets(
  context: Excel.RequestContext,
  names: readonly string[],
  syncs: SyncCount,
): Promise<Map<string, Excel.Worksheet>> {
  const probes = [...new Set(names)].map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load("name");
    return { name, sheet };
  });
  syncs.n++;
  await context.sync();
  const out = new Map<string, Excel.Worksheet>();
  for (const { name, sheet } of probes) if (!sheet.isNullObject) out.set(name, sheet);
  return out;
}

/**
 * Queues the deletion of our rules on these sheets (two syncs to find them: their types, then the
 * custom ones' formulas); the caller's next sync carries the deletions. Returns how many.
 */
async function queueRemoval(
  context: Excel.RequestContext,
  sheets: readonly Excel.Worksheet[],
  syncs: SyncCount,
): Promise<number> {
  if (sheets.length === 0) return 0;
  const collections = sheets.map((sheet) => {
    // The whole sheet's rules: ours are found even when inserted rows moved them off the recorded cells.
    const formats = sheet.getRange().conditionalFormats;
    formats.load("items/type");
    return formats;
  });
  syncs.n++;
  await context.sync();
  const rules: { format: Excel.ConditionalFormat; rule: Excel.ConditionalFormatRule }[] = [];
  for (const formats of collections) {
    for (const format of formats.items) {
      // Only custom rules can be ours; the user's data bars, colour scales… are never looked into.
      if (format.type !== "Custom") continue;
      const rule = format.custom.rule;
      rule.load("formula");
      rules.push({ format, rule });
    }
  }
  if (rules.length === 0) return 0;
  syncs.n++;
  await context.sync();
  let removed = 0;
  for (const { format, rule } of rules) {
    if (!isMarkerFormula(rule.formula)) continue;
    format.delete();
    removed++;
  }
  return removed;
}

function recordedSheets(record: HighlightRecord | null): string[] {
  return record ? record.groups.map((g) => g.sheet) : [];
}

export async function highlightIssues(
  issues: readonly Issue[],
): Promise<Result<{ cells: number; syncs: number }, HostProblem>> {
  const plan = planHighlights(issues);
  const record = readRecord();
  const syncs: SyncCount = { n: 0 };
  let added: HighlightGroup[] = [];
  let cells = 0;
  try {
    await Excel.run(async (context) => {
      const old = recordedSheets(record);
      const sheets = await existingSheets(context, [...old, ...plan.groups.map((g) => g.sheet)], syncs);
      await queueRemoval(
        context,
        [...new Set(old)].flatMap((name) => sheets.get(name) ?? []),
        syncs,
      );
      added = plan.groups.filter((g) => sheets.has(g.sheet));
      for (const group of added) {
        const sheet = sheets.get(group.sheet);
        if (!sheet) continue;
        const format = sheet.getRanges(group.addresses).conditionalFormats.add("Custom");
        format.custom.rule.formula = markerFormula(group.severity);
        format.custom.format.fill.color = HIGHLIGHT_FILL[group.severity];
      }
      // Deletions of the old marks and all new rules travel in this one request.
      syncs.n++;
      await context.sync();
    });
    const present = new Set(added.map((g) => g.sheet));
    cells = countCells(issues, present);
  } catch (error) {
    if (!isHostError(error)) throw error;
    return fail(hostFailed(hostFailure("标记问题单元格", error)));
  }
  const saved = await writeSetting(HIGHLIGHTS_KEY, added.length > 0 ? { version: 1, groups: added } : undefined);
  if (!saved.ok) return saved;
  return ok({ cells, syncs: syncs.n });
}

function countCells(issues: readonly Issue[], sheets: ReadonlySet<string>): number {
  return planHighlights(issues.filter((i) => sheets.has(i.sheet))).cells;
}

export async function clearHighlights(): Promise<Result<{ removed: number }, HostProblem>> {
  const record = readRecord();
  const names = recordedSheets(record);
  if (names.length === 0) return ok({ removed: 0 });
  let removed = 0;
  try {
    await Excel.run(async (context) => {
      const syncs: SyncCount = { n: 0 };
      const sheets = await existingSheets(context, names, syncs);
      removed = await queueRemoval(context, [...sheets.values()], syncs);
      if (removed > 0) await context.sync();
    });
  } catch (error) {
    if (!isHostError(error)) throw error;
    return fail(hostFailed(hostFailure("清除标记", error)));
  }
  const saved = await writeSetting(HIGHLIGHTS_KEY, undefined);
  if (!saved.ok) return saved;
  return ok({ removed });
}
