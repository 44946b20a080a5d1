export type MaskKind = "id" | "card" | "phone" | "name";

export type MaskProblem =
  | { code: "mask.empty" }
  | { code: "mask.unknown-kind"; kind: string }
  | { code: "mask.undetected"; text: string }
  | { code: "mask.stored-as-number"; shown: string };
