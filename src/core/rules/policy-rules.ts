/**
 * Policy rules of a row, from decide() on the pack: eligibility, amount against the standard
 * (就高不就低 included), proof for 自采集 people, repeat aid, visits.
 */
import { decide, type Decision } from "../policy";
import { fieldLabel, type FieldKey } from "../roster";
import { maskName } from "../mask";
import { colOf, isBlank, rawOf, type RowContext, type SheetContext } from "./context";
import { finding } from "./finding";

/** Fields whose failure means "aided before", not "does not qualify". */
const REPEAT_FIELDS: ReadonlySet<FieldKey> = new Set(["aidedThisYear", "lastProvinceAidYear"]);

const money = (n: number): number => Math.round(n * 100) / 100;

export function checkPolicy(ctx: SheetContext, row: RowContext, columnMissing: Set<string>): Decision | null {
  const program = row.program;
  if (!program) return null;
  const sheet = ctx.grid.name;
  const d = decide(program, row.record, ctx.pack, { today: ctx.today });
  const who = (): string => (row.record.name ? maskName(row.record.name) : "");

  const ineligible: string[] = [];
  for (const reason of d.reasons) {
    const fields = reason.fields ?? [];
    const col = fields.map((f) => colOf(ctx, f)).find((c) => c >= 0) ?? -1;
    if (fields.some((f) => REPEAT_FIELDS.has(f))) {
      ctx.out.push(
        finding("policy.repeat-aid", sheet, row.row, col, who(), {
          program: program.name,
          reason: reason.text,
          source: reason.source,
        }),
      );
    } else {
      ineligible.push(`${reason.text}（${reason.source}）`);
    }
  }
  if (ineligible.length > 0) {
    const col =
      d.reasons
        .flatMap((r) => r.fields ?? [])
        .map((f) => colOf(ctx, f))
        .find((c) => c >= 0) ?? colOf(ctx, "name");
    ctx.out.push(
      finding("policy.ineligible", sheet, row.row, col, who(), {
        program: program.name,
        reasons: ineligible.join("；"),
      }),
    );
  }

  for (const m of d.missing) {
    const col = colOf(ctx, m.field);
    if (col >= 0) {
      // A value that could not be read is reported as field.unreadable already, not as empty.
      if (isBlank(row.cells[col] ?? null))
        ctx.out.push(finding("field.required", sheet, row.row, col, "", { field: m.label }));
    } else {
      const key = `${program.code}|${m.field}`;
      if (!columnMissing.has(key)) {
        columnMissing.add(key);
        ctx.out.push(finding("field.column-missing", sheet, -1, -1, "", { field: m.label, program: program.name }));
      }
    }
  }

  const amountCol = colOf(ctx, "amount");
  if (amountCol >= 0 && d.eligible) {
    const given = row.record.amount;
    if (given === undefined) {
      if (isBlank(rawOf(ctx, row, "amount")))
        ctx.out.push(finding("field.required", sheet, row.row, amountCol, "", { field: fieldLabel("amount") }));
    } else if (d.amount !== null) {
      const standard = money(d.amount);
      const wrong =
        d.bound === "exact" ? money(given) !== standard : d.bound === "atLeast" ? given < standard : given > standard;
      if (wrong) {
        const higher = d.notes.find((n) => n.source === ctx.pack.rules.higherStandard?.source);
        if (higher && given < standard) {
          ctx.out.push(
            finding("policy.higher-standard", sheet, row.row, amountCol, String(given), {
              given,
              standard,
              source: higher.source,
            }),
          );
        } else {
          ctx.out.push(
            finding("policy.amount-mismatch", sheet, row.row, amountCol, String(given), {
              given,
              standard,
              bound: d.bound === "atLeast" ? "不少于" : d.bound === "upTo" ? "最高" : "",
              period: d.period === "一次性" ? "次" : d.period,
              program: program.name,
            }),
          );
        }
      }
    }
  }

  if (d.needsProof && row.record.proof !== true) {
    const col = colOf(ctx, "proof") >= 0 ? colOf(ctx, "proof") : colOf(ctx, "verified");
    ctx.out.push(
      finding("policy.needs-proof", sheet, row.row, col, who(), {
        documents: d.proofDocuments.join("、"),
        source: program.proof?.source ?? "",
      }),
    );
  }

  for (const limit of program.limits) {
    if (limit.kind === "min-visits" && row.record.visits !== undefined && row.record.visits < limit.min) {
      ctx.out.push(
        finding("policy.visits", sheet, row.row, colOf(ctx, "visits"), String(row.record.visits), {
          visits: row.record.visits,
          min: limit.min,
          source: limit.source,
        }),
      );
    }
  }
  return d;
}
