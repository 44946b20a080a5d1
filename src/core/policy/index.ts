export {
  PackSchema,
  ProgramSchema,
  type Pack,
  type Program,
  type Standard,
  type Condition,
  type Limit,
  type AwardTiers,
  type PairingPlan,
} from "./schema";
export { loadPack, packProblemText, type PackProblem } from "./load";
export { seedPack } from "./seed";
export { findProgram } from "./find";
export { decide, quotaFor, type Decision, type DecideOptions, type Reason, type MissingField } from "./decide";
export { whyText, noAmountText, standardText, quotaText } from "./describe";
