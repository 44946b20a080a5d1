export type PhoneProblem =
  | { code: "phone.empty" }
  /** `lostZero`: digits that are a landline once a leading 0 is put back (stored as a number). */
  | { code: "phone.format"; text: string; lostZero: boolean };

export interface PhoneInfo {
  kind: "mobile" | "landline";
  /** Mobile: 11 digits; landline: "0731-5551234", or "0731-5551234-123" with an extension. */
  normalized: string;
}
