/**
 * Every case table, by rule family: the family test files run them, coverage.test.ts checks that
 * every catalogue code has an ng and an ok case and that no case names a code that does not exist.
 */
import { amountCases } from "./amounts.cases";
import { bankCases } from "./bank.cases";
import { countyCases } from "./county.cases";
import type { CountyCase, RosterCase } from "./harness";
import { identityCases } from "./identity.cases";
import { limitCases } from "./limits.cases";
import { pairingCases } from "./pairing.cases";
import { phoneCases } from "./phone.cases";
import { policyCases } from "./policy.cases";
import { privacyCases } from "./privacy.cases";
import { sheetCases } from "./sheet.cases";
import { studentNoCases } from "./studentno.cases";
import { textCases } from "./text.cases";

/** Cases run through checkWorkbook (the roster rules and the privacy scan). */
export const ROSTER_TABLES: Readonly<Record<string, readonly RosterCase[]>> = {
  identity: identityCases,
  studentno: studentNoCases,
  bank: bankCases,
  phone: phoneCases,
  text: textCases,
  policy: policyCases,
  amounts: amountCases,
  limits: limitCases,
  sheet: sheetCases,
  privacy: privacyCases,
  pairing: pairingCases,
};

/** Cases run through countyIssues. */
export const COUNTY_TABLES: Readonly<Record<string, readonly CountyCase[]>> = {
  county: countyCases,
};

export {
  amountCases,
  bankCases,
  countyCases,
  identityCases,
  limitCases,
  pairingCases,
  phoneCases,
  policyCases,
  privacyCases,
  sheetCases,
  studentNoCases,
  textCases,
};
