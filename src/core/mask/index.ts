export type { MaskKind, MaskProblem } from "./problems";
export { maskValue } from "./mask-value";
export { maskId, maskCard, maskPhone } from "./maskers";
export { maskName } from "./name";
export { maskMessage } from "./messages";
export { detectMaskKind } from "./detect";
