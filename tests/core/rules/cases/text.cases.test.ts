// Table-driven ok/ng cases of the text rules (the table: ./text.cases.ts).
import { textCases } from "./text.cases";
import { runRosterCases } from "./harness";

runRosterCases(textCases);
