// Table-driven ok/ng cases of the identity rules (the table: ./identity.cases.ts).
import { identityCases } from "./identity.cases";
import { runRosterCases } from "./harness";

runRosterCases(identityCases);
