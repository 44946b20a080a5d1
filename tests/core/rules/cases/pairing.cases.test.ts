// Table-driven ok/ng cases of the 一对一帮扶 rules (the table: ./pairing.cases.ts).
import { pairingCases } from "./pairing.cases";
import { runRosterCases } from "./harness";

runRosterCases(pairingCases);
