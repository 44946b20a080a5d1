export type { PhoneProblem, PhoneInfo } from "./problems";
export { parsePhone } from "./parse";
export { phoneMessage, phoneTexts } from "./messages";
