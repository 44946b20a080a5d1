// Table-driven ok/ng cases of the county rules (the table: ./county.cases.ts).
import { countyCases } from "./county.cases";
import { runCountyCases } from "./harness";

runCountyCases(countyCases);
