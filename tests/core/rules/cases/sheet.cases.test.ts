// Table-driven ok/ng cases of the sheet rules (the table: ./sheet.cases.ts).
import { sheetCases } from "./sheet.cases";
import { runRosterCases } from "./harness";

runRosterCases(sheetCases);
