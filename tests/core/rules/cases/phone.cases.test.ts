// Table-driven ok/ng cases of the phone rules (the table: ./phone.cases.ts).
import { phoneCases } from "./phone.cases";
import { runRosterCases } from "./harness";

runRosterCases(phoneCases);
