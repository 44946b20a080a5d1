/** Bank card numbers: format, Luhn check digit, issuing bank from the offline BIN table. */
export type { CardProblem, CardInfo } from "./card";
export { parseCard } from "./card";
export type { Issuer } from "./issuer";
export { cardIssuer } from "./issuer";
export { cardMessage, cardTexts } from "./messages";
export { luhnValid } from "./luhn";
