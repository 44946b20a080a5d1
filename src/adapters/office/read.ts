/**
 * Reads the active sheet (or the selection) through Office.js into the engine's WorkbookData,
 * with a handful of context.sync() calls whatever the size:
 *
 *   sync 1      sheet name + visibility, document properties, the used range's position and size
 *   sync 2…     values + numberFormat of row chunks (≤ chunkRows rows, ≤ CHUNK_CELLS cells each),
 *               several chunks per sync while the batch stays under SYNC_CELLS cells; the first
 *               batch also carries the merged areas and the chunks' rowHidden / columnHidden
 *   then ≤ 2    only when some rows or columns are hidden: rowHidden of sub-blocks, then of rows
 *
 * Hidden rows cost: Range.rowHidden on a multi-row range is true (all hidden), false (none) or
 * null (some). Each chunk's answer comes free with its values; only "some" chunks are refined, by
 * splitting into √n sub-blocks per level, so a sheet without hidden rows pays no extra sync and a
 * 5,000-row chunk with hidden rows pays two (√5000 ≈ 71 blocks, then single rows of the mixed
 * blocks only). Loading rowHidden on 12,000 single-row ranges instead would put 24,000 operations in
 * one request. Columns are refined the same way (columnHidden), in the same syncs.
 *
 * Office.js values give a formula's cached value and dates as serials, as the .xlsx adapter does.
 * Notes and page headers/footers are not read (the engine's checks do not need them); formula
 * texts only with `formulas: true` (the seal's digest counts a formula cell by its text), as they
 * double the payload — chunks and batches are then half as many cells.
 */
import {
  type CellRange,
  type CellValue,
  type Grid,
  type WorkbookData,
  cellKey,
  type Result,
  fail,
  ok,
} from "../../core";
import { isRecordedFormat } from "../xlsx/cells";
import { parseAreas } from "./address";
import { errorCode, hostFailure, isHostError } from "./errors";
import { companionJobs } from "./fellow-sheets";

export interface ReadOptions {
  scope: "active-sheet" | "selection";
  /** Rows per chunk; default 5000 (fewer when the sheet is wide: see CHUNK_CELLS). */
  chunkRows?: number;
  /** Also load formula texts into Grid.formulas (without "="), for the seal's digest. */
  formulas?: boolean;
  /**
   * With the active sheet, also the workbook's other visible sheets (after it, in order) — a
   * 帮联台账 is checked with its 帮扶记录 and the aid roster it must cover. A companion too large
   * for what is left of the cell budget is left out (the active sheet is never).
   */
  companions?: boolean;
}

export interface ExcelRead {
  /** One Grid: the sheet, or the selection with its rows and columns at the sheet's own positions. */
  workbook: WorkbookData;
  sheet: string;
  /** Fellow sheets of a 帮扶 workbook left out because they would not fit in the cell budget. */
  skipped?: string[];
  /** How many context.sync() calls the read took. */
  syncs: number;
}

export type ExcelReadProblem = { code: "excel.empty" | "excel.too-large" | "excel.failed"; message: string };

const DEFAULT_CHUNK_ROWS = 5000;
/**
 * Cells per chunk (one getRangeByIndexes): 5,000 rows × 12 columns. Wider sheets get fewer rows per
 * chunk, so a chunk's values + formats stay near 1.5–2 MB.
 */
const CHUNK_CELLS = 60_000;
/**
 * Cells per request. Excel on the web rejects a request or response over ~5 MB; a roster cell costs
 * ~20–35 bytes of JSON for its value and number format (an 18-digit ID as text is 21), so 120,000
 * cells stay near 3–4 MB. A sheet of long texts can still go over: the batch is then halved and
 * retried (see readChunks).
 */
const SYNC_CELLS = 120_000;
/** Beyond this the pane would hold too much in memory; the CLI or the standalone page reads such files. */
export const MAX_CELLS = 2_500_000;

/** Error codes of a request that was too big for the host: retried with smaller batches. */
const TOO_BIG = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "RangeExceedsLimit"]);

export interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

interface Chunk {
  row: number;
  rows: number;
}

/** How many context.sync() calls a read took: each call site counts itself. */
export interface SyncCount {
  n: number;
}

export function mapState(visibility: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden"): Grid["state"] {
  if (visibility === "Hidden") return "hidden";
  if (visibility === "VeryHidden") return "veryHidden";
  return "visible";
}

/**
 * Rows per chunk: the caller's (default 5000), fewer for wide sheets, at least 1. `weight` is the
 * loads per cell (2 with formulas), dividing the cells per chunk.
 */
export function planChunks(area: Area, chunkRows = DEFAULT_CHUNK_ROWS, weight = 1): Chunk[] {
  const perChunk = Math.max(
    1,
    Math.min(Math.floor(chunkRows), Math.floor(CHUNK_CELLS / weight / Math.max(1, area.cols))),
  );
  const chunks: Chunk[] = [];
  for (let r = 0; r < area.rows; r += perChunk) {
    chunks.push({ row: area.row + r, rows: Math.min(perChunk, area.rows - r) });
  }
  return chunks;
}

/** Items (chunks) grouped into requests of at most SYNC_CELLS cells (always at least one item each). */
export function planBatches<T>(items: readonly T[], cellsOf: (item: T) => number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let cells = 0;
  for (const item of items) {
    const size = cellsOf(item);
    if (current.length > 0 && cells + size > SYNC_CELLS) {
      batches.push(current);
      current = [];
      cells = 0;
    }
    current.push(item);
    cells += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function toCell(value: unknown): CellValue {
  if (typeof value === "number" || typeof value === "boolean") return value;
  // Office.js gives "" for empty cells and for the covered cells of a merge: the engine's null.
  if (typeof value === "string") return value === "" ? null : value;
  return null;
}

interface Sink {
  rows: CellValue[][];
  formats: Map<string, string>;
  formulas: Map<string, string>;
}

function storeChunk(
  sink: Sink,
  area: Area,
  chunk: Chunk,
  values: unknown[][],
  numberFormat: unknown[][],
  formulas?: unknown[][],
): void {
  for (let i = 0; i < chunk.rows; i++) {
    const r = chunk.row + i;
    const rowValues = values[i] ?? [];
    const rowFormats = numberFormat[i] ?? [];
    const rowFormulas = formulas?.[i];
    const out: CellValue[] = [];
    for (let j = 0; j < area.cols; j++) {
      // A formula cell counts even when its result is empty (="" shows nothing), as in the .xlsx reader.
      // Host quirk: `formulas` of a constant is its value, so a text "=1+1" (stored as text) is no formula.
      const formula = rowFormulas?.[j];
      if (typeof formula === "string" && formula.startsWith("=") && formula !== rowValues[j]) {
        sink.formulas.set(cellKey(r, area.col + j), formula.slice(1));
      }
      const value = toCell(rowValues[j]);
      if (value === null) continue;
      const c = area.col + j;
      while (out.length < c) out.push(null);
      out[c] = value;
      const format = rowFormats[j];
      // Host quirk: numberFormat is the invariant (English) code — "General", "@", "yyyy-mm-dd" — even in
      // a zh-CN Excel that shows "G/通用格式"; numberFormatLocal would be the localised one.
      if (typeof format === "string" && isRecordedFormat(format)) sink.formats.set(cellKey(r, c), format);
    }
    sink.rows[r] = out;
  }
}

interface LoadedChunk {
  chunk: Chunk;
  range: Excel.Range;
}

/**
 * One sheet to read: the worksheet, the range read (its used range or the selection, for the merged
 * areas) and that range's position. Shared by readRosterFromExcel (one job) and
 * readWorkbookFromExcel (one job per sheet, their chunks batched into the same syncs).
 */
export interface SheetJob {
  sheet: Excel.Worksheet;
  target: Excel.Range;
  name: string;
  state: Grid["state"];
  area: Area;
}

/** A job's progress: what its chunks brought back, plus the probes that rode with its first chunk. */
interface Run {
  job: SheetJob;
  sink: Sink;
  loaded: LoadedChunk[];
  started: boolean;
  mergedAreas?: Excel.RangeAreas;
  columnsProbe?: Excel.Range;
}

interface Part {
  run: Run;
  chunk: Chunk;
}

/**
 * Values and number formats of every chunk of every job, a batch of chunks (of one or several
 * sheets) per sync. A job's merged areas and columns' hidden flag ride with the batch holding its
 * first chunk. When the host says a request was too big (a sheet of long texts), the batch is split
 * in two — or its single chunk halved — and retried; other errors propagate.
 */
async function readChunks(
  parts: Part[],
  context: Excel.RequestContext,
  syncs: SyncCount,
  formulas: boolean,
): Promise<void> {
  const weight = formulas ? 2 : 1;
  const queue = planBatches(parts, (p) => p.chunk.rows * p.run.job.area.cols * weight);
  while (queue.length > 0) {
    const batch = queue.shift() ?? [];
    const firsts = new Set<Run>();
    const ranges = batch.map((part) => {
      const { sheet, area } = part.run.job;
      const range = sheet.getRangeByIndexes(part.chunk.row, area.col, part.chunk.rows, area.cols);
      range.load("values, numberFormat, rowHidden");
      if (formulas) range.load("formulas");
      if (!part.run.started && !firsts.has(part.run)) {
        // Costing no sync of their own: the merged areas, and the columns' hidden flag (it
        // describes whole columns, so one chunk's answer holds for all).
        firsts.add(part.run);
        part.run.mergedAreas = part.run.job.target.getMergedAreasOrNullObject();
        part.run.mergedAreas.load("address");
        part.run.columnsProbe = range;
        range.load("columnHidden");
      }
      return { part, range };
    });
    try {
      syncs.n++;
      // One round trip per batch of chunks (not per chunk, not per row): the loop runs
      // ceil(cells / SYNC_CELLS) times, e.g. once for 10,000 rows × 12 columns.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ~120,000-cell batch, by design
      await context.sync();
    } catch (error) {
      const splittable = batch.length > 1 || (batch[0]?.chunk.rows ?? 0) > 1;
      if (!TOO_BIG.has(errorCode(error)) || !splittable) throw error;
      queue.unshift(...splitBatch(batch));
      continue;
    }
    for (const run of firsts) run.started = true;
    for (const { part, range } of ranges) {
      const texts = formulas ? (range.formulas as unknown[][]) : undefined;
      storeChunk(part.run.sink, part.run.job.area, part.chunk, range.values, range.numberFormat, texts);
      part.run.loaded.push({ chunk: part.chunk, range });
    }
  }
}

function splitBatch(batch: Part[]): Part[][] {
  if (batch.length > 1) {
    const half = Math.ceil(batch.length / 2);
    return [batch.slice(0, half), batch.slice(half)];
  }
  const only = batch[0];
  if (!only) return [];
  const { run, chunk } = only;
  const half = Math.ceil(chunk.rows / 2);
  return [
    [{ run, chunk: { row: chunk.row, rows: half } }],
    [{ run, chunk: { row: chunk.row + half, rows: chunk.rows - half } }],
  ];
}

interface Block {
  start: number;
  count: number;
}

interface Probe {
  block: Block;
  range: Excel.Range;
}

/** A sheet's blocks still to refine, and the hidden indexes found so far. */
interface Refine {
  sheet: Excel.Worksheet;
  area: Area;
  rows: Block[];
  cols: Block[];
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
}

/**
 * Refines blocks whose rowHidden/columnHidden came back null ("some hidden") into the hidden
 * indexes. Each level splits a block into ~√n sub-blocks (or, at ≤ LEAF rows, into single rows) and
 * loads their flag in one sync for rows and columns — of every sheet — together: a 5,000-row chunk
 * needs two levels (71 blocks of 71 rows, then single rows of the mixed blocks only).
 */
async function refineHidden(items: Refine[], context: Excel.RequestContext, syncs: SyncCount): Promise<void> {
  let pending = items.filter((it) => it.rows.length > 0 || it.cols.length > 0);
  while (pending.length > 0) {
    const probes = pending.map((it) => ({
      it,
      rowProbes: it.rows.flatMap((block) =>
        subBlocks(block).map((sub) => {
          // One column is enough: rowHidden describes whole rows.
          const range = it.sheet.getRangeByIndexes(sub.start, it.area.col, sub.count, 1);
          range.load("rowHidden");
          return { block: sub, range };
        }),
      ),
      colProbes: it.cols.flatMap((block) =>
        subBlocks(block).map((sub) => {
          const range = it.sheet.getRangeByIndexes(it.area.row, sub.start, 1, sub.count);
          range.load("columnHidden");
          return { block: sub, range };
        }),
      ),
    }));
    syncs.n++;
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per refinement level (2 for 5,000-row chunks), never one per row
    await context.sync();
    for (const { it, rowProbes, colProbes } of probes) {
      it.rows = classify(rowProbes, (p) => p.range.rowHidden, it.hiddenRows);
      it.cols = classify(colProbes, (p) => p.range.columnHidden, it.hiddenCols);
    }
    pending = pending.filter((it) => it.rows.length > 0 || it.cols.length > 0);
  }
}

/** Blocks of at most LEAF rows (or columns) are split into single ones. */
const LEAF = 128;

function subBlocks(block: Block): Block[] {
  const size = block.count <= LEAF ? 1 : Math.ceil(block.count / Math.ceil(Math.sqrt(block.count)));
  const out: Block[] = [];
  for (let i = 0; i < block.count; i += size) {
    out.push({ start: block.start + i, count: Math.min(size, block.count - i) });
  }
  return out;
}

/** Records fully hidden blocks; returns the mixed ones (rowHidden/columnHidden === null). */
function classify(probes: Probe[], flag: (p: Probe) => boolean | null, hidden: Set<number>): Block[] {
  const mixed: Block[] = [];
  for (const probe of probes) {
    const value = flag(probe);
    if (value === true) addBlock(hidden, probe.block);
    // Host quirk: a multi-row range's rowHidden is null when only some of its rows are hidden.
    else if (value === null && probe.block.count > 1) mixed.push(probe.block);
  }
  return mixed;
}

function addBlock(set: Set<number>, block: Block): void {
  for (let i = 0; i < block.count; i++) set.add(block.start + i);
}

export function readProperties(props: Excel.DocumentProperties): Record<string, string> {
  const out: Record<string, string> = {};
  const entries: [string, unknown][] = [
    ["title", props.title],
    ["subject", props.subject],
    ["creator", props.author],
    ["keywords", props.keywords],
    ["description", props.comments],
    ["category", props.category],
    ["company", props.company],
    ["manager", props.manager],
    ["lastModifiedBy", props.lastAuthor],
  ];
  for (const [key, value] of entries) {
    if (typeof value === "string" && value.trim() !== "") out[key] = value;
  }
  return out;
}

function emptyMessage(scope: ReadOptions["scope"], sheet: string): string {
  return scope === "selection"
    ? `工作表“${sheet}”中选中的区域里没有数据。请选中花名册所在的单元格区域（含表头），或改为校验整张工作表。`
    : `工作表“${sheet}”是空的，没有可校验的数据。请切换到花名册所在的工作表后再校验。`;
}

function tooLargeMessage(sheet: string, address: string, area: Area): string {
  return (
    `工作表“${sheet}”的数据区域 ${address} 有 ${area.rows} 行 × ${area.cols} 列，` +
    `超过加载项一次能读取的 ${MAX_CELLS / 10_000} 万个单元格。` +
    `请删除表格下方和右侧多余的行列（或只选中花名册区域后按“校验选中区域”），` +
    `也可将工作簿另存为 .xlsx 后用独立页面或命令行校验。`
  );
}

/**
 * Reads the jobs' values, formats, merged areas and hidden rows/columns into Grids (in the jobs'
 * order). The chunks of all jobs share the syncs: a few small sheets cost one sync together.
 */
export async function readSheets(
  jobs: readonly SheetJob[],
  context: Excel.RequestContext,
  syncs: SyncCount,
  chunkRows?: number,
  options: { formulas?: boolean } = {},
): Promise<Grid[]> {
  const formulas = options.formulas === true;
  const runs: Run[] = jobs.map((job) => ({
    job,
    sink: { rows: [], formats: new Map(), formulas: new Map() },
    loaded: [],
    started: false,
  }));
  await readChunks(
    runs.flatMap((run) => planChunks(run.job.area, chunkRows, formulas ? 2 : 1).map((chunk) => ({ run, chunk }))),
    context,
    syncs,
    formulas,
  );

  const refines: Refine[] = runs.map((run) => {
    const { sheet, area } = run.job;
    const it: Refine = { sheet, area, rows: [], cols: [], hiddenRows: new Set(), hiddenCols: new Set() };
    for (const { chunk, range } of run.loaded) {
      const flag = range.rowHidden;
      if (flag === true) addBlock(it.hiddenRows, { start: chunk.row, count: chunk.rows });
      else if (flag === null && chunk.rows > 1) it.rows.push({ start: chunk.row, count: chunk.rows });
    }
    const colFlag = run.columnsProbe ? run.columnsProbe.columnHidden : false;
    if (colFlag === true) addBlock(it.hiddenCols, { start: area.col, count: area.cols });
    else if (colFlag === null && area.cols > 1) it.cols.push({ start: area.col, count: area.cols });
    return it;
  });
  await refineHidden(refines, context, syncs);

  return runs.map((run, i) => {
    let merges: CellRange[] = [];
    if (run.mergedAreas && !run.mergedAreas.isNullObject) {
      merges = parseAreas(run.mergedAreas.address).sort((a, b) => a.top - b.top || a.left - b.left);
    }
    // Rows end at the last row holding a value, as the .xlsx adapter's do; rows above the area are empty.
    const rows = run.sink.rows;
    for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = [];
    while (rows.length > 0 && (rows[rows.length - 1]?.length ?? 0) === 0) rows.pop();
    return {
      name: run.job.name,
      rows,
      formats: run.sink.formats,
      formulas: run.sink.formulas,
      merges,
      hiddenRows: refines[i]?.hiddenRows ?? new Set(),
      hiddenColumns: refines[i]?.hiddenCols ?? new Set(),
      state: run.job.state,
      notes: [],
      headerFooter: [],
    };
  });
}

export async function readRosterFromExcel(options: ReadOptions): Promise<Result<ExcelRead, ExcelReadProblem>> {
  try {
    return await Excel.run(async (context) => {
      const syncs: SyncCount = { n: 0 };
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name, visibility");
      const props = context.workbook.properties;
      props.load("title, subject, author, keywords, comments, category, company, manager, lastAuthor");
      // valuesOnly: a block formatted as text (common in rosters, for ID columns) would otherwise
      // stretch the used range to the formatted cells — possibly to row 1,048,576.
      const used = sheet.getUsedRangeOrNullObject(true);
      let target = used;
      if (options.scope === "selection") {
        // Whole-column selections (A:F) are cut down to the used range; a multi-area selection makes
        // getSelectedRange fail with InvalidSelection (see hostFailure).
        target = context.workbook.getSelectedRange().getIntersectionOrNullObject(used);
      }
      target.load("address, rowIndex, columnIndex, rowCount, columnCount");
      syncs.n++;
      await context.sync();

      const name = sheet.name;
      if (target.isNullObject)
        return fail({ code: "excel.empty" as const, message: emptyMessage(options.scope, name) });
      const area: Area = {
        row: target.rowIndex,
        col: target.columnIndex,
        rows: target.rowCount,
        cols: target.columnCount,
      };
      if (area.rows * area.cols > MAX_CELLS) {
        return fail({ code: "excel.too-large" as const, message: tooLargeMessage(name, target.address, area) });
      }

      const job: SheetJob = { sheet, target, name, state: mapState(sheet.visibility), area };
      const fellows =
        options.companions && options.scope === "active-sheet"
          ? await companionJobs(context, { name, area, sheet }, MAX_CELLS - area.rows * area.cols, syncs)
          : { jobs: [], skipped: [] };
      const grids = await readSheets([job, ...fellows.jobs], context, syncs, options.chunkRows, {
        formulas: options.formulas,
      });
      const [grid] = grids;
      if (!grid) return fail({ code: "excel.empty" as const, message: emptyMessage(options.scope, name) });
      return ok({
        workbook: { sheets: grids, properties: readProperties(props) },
        sheet: name,
        syncs: syncs.n,
        skipped: fellows.skipped,
      });
    });
  } catch (error) {
    if (!isHostError(error)) throw error;
    return fail({ code: "excel.failed", message: hostFailure("读取工作表", error) });
  }
}
