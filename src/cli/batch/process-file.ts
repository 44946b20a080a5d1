/**
 * One school file of a batch: read, checked as `zizhu check` checks it (with the school's
 * enrolment when the county gave one), its seal verified, and reduced to what the county rules
 * need. Runs in a worker thread (batch-worker) or in-process; never throws for a bad file.
 */
import { createHmac } from "node:crypto";
import { basename, extname } from "node:path";
import {
  checkWorkbook,
  enrolmentOf,
  schoolOfWorkbook,
  type CountyPerson,
  upgradeId,
  maskId,
  findRosterSource,
  personRows,
  verifySeal,
  fileCoverage,
} from "../../core";
import { readWorkbookFile } from "../read-workbook";
import { UsageError } from "../commands/fn";
import type { FileResult, FileTask, ProgramTotal, WorkerContext } from "./types";

const NO_PROGRAM = "（未注明项目）";

export function idKeyer(secret: Uint8Array): (id18: string) => string {
  return (id18) => createHmac("sha256", secret).update(id18).digest("base64url");
}

export async function processFile(task: FileTask, ctx: WorkerContext): Promise<FileResult> {
  try {
    return await checkFile(task, ctx);
  } catch (e) {
    if (e instanceof UsageError) return { kind: "unreadable", file: task.file, reason: e.message };
    const code = (e as { code?: string }).code;
    if (code !== undefined)
      return {
        kind: "unreadable",
        file: task.file,
        reason: `无法打开该文件（${code}），请检查文件是否存在、是否有读取权限`,
      };
    // Anything else is a bug of ours, not the school's: say so, and go on with the other files.
    const detail = e instanceof Error ? e.message : String(e);
    return {
      kind: "unreadable",
      file: task.file,
      reason: `校验该文件时出现内部错误（${detail}），请报告给开发者；其他文件不受影响`,
      internal: true,
    };
  }
}

async function checkFile(task: FileTask, ctx: WorkerContext): Promise<FileResult> {
  // Every sheet (the very hidden seal sheet too): never the streamed one-sheet read.
  const read = await readWorkbookFile(task.path, { needBytes: true });
  const stem = basename(task.path, extname(task.path));
  const found = findRosterSource(read.data, {});
  const rows = found.ok ? personRows(found.value, ctx.pack) : [];
  const school = found.ok
    ? schoolOfWorkbook(
        found.value.grid,
        found.value.layout.headerRows[0] ?? 0,
        found.value.layout.title,
        rows.map((r) => r.record.school),
        stem,
      )
    : stem;
  const table = ctx.enrolment ? new Map(ctx.enrolment) : null;
  const enrolled = table ? (enrolmentOf(table, school) ?? undefined) : undefined;
  // Coverage is the county's (a cadre of another unit may pair the student): not each file's.
  const { report, sheet } = checkWorkbook(read.data, {
    pack: ctx.pack,
    today: ctx.today,
    enrolled,
    coverageAcrossFiles: true,
  });

  const keyOf = idKeyer(ctx.idKeySecret);
  const idCol = found.ok ? (found.value.layout.fieldColumns.idNumber ?? -1) : -1;
  const people: CountyPerson[] = [];
  const totals = new Map<string, { count: number; fen: number }>();
  for (const r of rows) {
    const name = r.program?.name ?? NO_PROGRAM;
    const t = totals.get(name) ?? { count: 0, fen: 0 };
    t.count++;
    t.fen += Math.round((r.record.amount ?? 0) * 100);
    totals.set(name, t);
    // Invalid IDs are the file's own errors; only valid ones can be matched across files.
    const id = r.record.idNumber === undefined ? null : upgradeId(r.record.idNumber, ctx.today);
    if (!id?.ok) continue;
    people.push({
      idKey: keyOf(id.value),
      idMasked: maskId(id.value),
      row: r.row,
      col: idCol,
      program: r.program?.code ?? null,
      school: r.record.school ?? school,
    });
  }
  const cover = fileCoverage(read.data, ctx.pack, ctx.today);
  const coverage = {
    hasLedger: cover.hasLedger,
    needed: cover.needed.map((n) => ({
      idKey: keyOf(n.id18),
      idMasked: maskId(n.id18),
      sheet: n.sheet,
      row: n.row,
      col: n.col,
      school: n.school ?? school,
    })),
    paired: cover.paired.map(keyOf),
  };
  const verdict = verifySeal(read.data);
  const programTotals: ProgramTotal[] = [...totals.entries()].map(([program, t]) => ({
    program,
    count: t.count,
    amount: t.fen / 100,
  }));
  return {
    kind: "checked",
    file: task.file,
    school,
    sheet,
    format: read.format,
    report,
    seal: { status: verdict.status, message: verdict.message },
    totals: programTotals,
    people,
    coverage,
  };
}
