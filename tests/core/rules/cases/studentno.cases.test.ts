// Table-driven ok/ng cases of the studentno rules (the table: ./studentno.cases.ts).
import { studentNoCases } from "./studentno.cases";
import { runRosterCases } from "./harness";

runRosterCases(studentNoCases);
