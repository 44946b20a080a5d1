// Table-driven ok/ng cases of the policy rules (the table: ./policy.cases.ts).
import { policyCases } from "./policy.cases";
import { runRosterCases } from "./harness";

runRosterCases(policyCases);
