// Table-driven ok/ng cases of the bank rules (the table: ./bank.cases.ts).
import { bankCases } from "./bank.cases";
import { runRosterCases } from "./harness";

runRosterCases(bankCases);
