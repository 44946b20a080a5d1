/** Cell text helpers: full-width to half-width, trimming, empty cells. */
export { compact, integerDigits, isEmptyCell, tidy, toHalfWidth } from "./normalize";
