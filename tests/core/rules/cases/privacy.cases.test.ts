// Table-driven ok/ng cases of the privacy rules (the table: ./privacy.cases.ts).
import { privacyCases } from "./privacy.cases";
import { runRosterCases } from "./harness";

runRosterCases(privacyCases);
