// Table-driven ok/ng cases of the limits rules (the table: ./limits.cases.ts).
import { limitCases } from "./limits.cases";
import { runRosterCases } from "./harness";

runRosterCases(limitCases);
