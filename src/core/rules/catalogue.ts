/**
 * The rule catalogue: one entry per stable rule code (default severity, source, title, and the
 * zh-CN / en-US message and hint rendered from the finding's typed data), assembled from the
 * rule modules, each the one home of its rules (data type, entry and logic). Adding a rule
 * means adding it to its module, or a new module listed here.
 */
import type { RuleEntries } from "../findings/types";
import { AMOUNT_RULES, type AmountRuleData } from "./amounts";
import { BANK_RULES, type BankRuleData } from "./bank";
import { DUPLICATE_RULES, type DuplicateRuleData } from "./duplicates";
import { ELIGIBILITY_RULES, type EligibilityRuleData } from "./eligibility";
import { FIELD_RULES, type FieldRuleData } from "./fields";
import { HYGIENE_RULES, type HygieneRuleData } from "./hygiene";
import { ID_RULES, type IdRuleData } from "./id";
import { ID_DOCUMENT_RULES, type IdDocumentRuleData } from "./id-document";
import { PAIRING_RULES, type PairingRuleData } from "./pairing";
import { PHONE_RULES, type PhoneRuleData } from "./phone";
import { PRIVACY_ENTRIES, type PrivacyRuleData } from "./privacy";
import { PROGRAM_RULES, type ProgramRuleData } from "./program";
import { QUOTA_RULES, type QuotaRuleData } from "./quotas";
import { ROSTER_RULES, type RosterRuleData } from "./roster";
import { STUDENTNO_RULES, type StudentNoRuleData } from "./studentno";

export type { PrivacyData } from "./privacy";

/** The data each rule's findings carry (all values are shown to users; never raw personal data). */
export type RuleData = RosterRuleData &
  FieldRuleData &
  IdRuleData &
  IdDocumentRuleData &
  DuplicateRuleData &
  BankRuleData &
  PhoneRuleData &
  ProgramRuleData &
  EligibilityRuleData &
  AmountRuleData &
  QuotaRuleData &
  StudentNoRuleData &
  HygieneRuleData &
  PairingRuleData &
  PrivacyRuleData;

export type RuleCode = keyof RuleData;

export const CATALOGUE: RuleEntries<RuleData> = {
  ...ROSTER_RULES,
  ...FIELD_RULES,
  ...ID_RULES,
  ...ID_DOCUMENT_RULES,
  ...DUPLICATE_RULES,
  ...BANK_RULES,
  ...PHONE_RULES,
  ...PROGRAM_RULES,
  ...ELIGIBILITY_RULES,
  ...AMOUNT_RULES,
  ...QUOTA_RULES,
  ...STUDENTNO_RULES,
  ...HYGIENE_RULES,
  ...PAIRING_RULES,
  ...PRIVACY_ENTRIES,
};

/** Every rule code of the catalogue. */
export const RULE_CODES = Object.keys(CATALOGUE) as RuleCode[];

export function isRuleCode(code: string): code is RuleCode {
  return Object.hasOwn(CATALOGUE, code);
}
