/**
 * The shape of a command declaration. Each command module (check.ts, summary.ts…) exports one;
 * registry.ts lists them. Presenters (the CLI, the Office and standalone hosts, the recipe runner)
 * derive their flags, forms, buttons and steps from these.
 */
import type { z } from "zod";
import type { WorkbookData } from "../grid/types";
import type { SubmissionFormat } from "../sheets/export-format";
import type { RosterSource } from "../sheets/source";
import type { BuildResult } from "../sheets/spec";
import type { CommandNames } from "./names";
import type { CommandContext } from "./options";

export interface CommandDef<O extends z.ZodObject = z.ZodObject> {
  /** The registry id (= the CLI word). */
  id: string;
  names: CommandNames;
  /** The options the command takes (each with its optionMeta). */
  options: O;
  /** The default name of the sheet the command makes, when it makes one. */
  sheet?: string;
  /** The recipe step's schema (the step's own fields), when the command is a recipe step. */
  recipe?: z.ZodObject;
}

/** What a sheet builder gets besides its options: the whole workbook (the 申请表模板) and the 报送格式. */
export interface SheetContext extends CommandContext {
  workbook: WorkbookData;
  /** 报送格式 for export (default: the built-in one). */
  format?: SubmissionFormat;
}

/** A command that builds one new sheet from the roster (format, summary, notice, forms, export). */
export interface SheetCommandDef<O extends z.ZodObject = z.ZodObject> extends CommandDef<O> {
  sheet: string;
  /** The sheet goes into a workbook of its own (公示表: no roster data beside it; 报送格式). */
  separate: boolean;
  /**
   * The builder reads sheets beside the one it starts from (a 帮联台账's 帮扶记录, a score sheet
   * anywhere): hosts that read one sheet at a time read the workbook's other sheets too.
   */
  fellowSheets?: true;
  /** The pure builder: the roster found, the typed options (empty texts already left out). */
  build(source: RosterSource, options: z.infer<O>, context: SheetContext): BuildResult;
}
