/** The roster rules' catalogue: every rule code with its severity, source and message. */
export { CATALOGUE, isRuleCode } from "./catalogue";
