export type { PhoneProblem, PhoneInfo } from "./problems";
export { parsePhone } from "./parse";
export { phoneMessage } from "./messages";
