export type PhoneProblem = { code: "phone.empty" } | { code: "phone.format"; text: string };

export interface PhoneInfo {
  kind: "mobile" | "landline";
  /** Mobile: 11 digits; landline: "0731-5551234", or "0731-5551234-123" with an extension. */
  normalized: string;
}
