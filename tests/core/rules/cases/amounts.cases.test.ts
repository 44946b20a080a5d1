// Table-driven ok/ng cases of the amounts rules (the table: ./amounts.cases.ts).
import { amountCases } from "./amounts.cases";
import { runRosterCases } from "./harness";

runRosterCases(amountCases);
