export type { IdProblem, IdInfo } from "./problems";
export { parseId, upgradeId } from "./parse";
export { idMessage } from "./messages";
export { checkDigit } from "./checksum";
export type { RegionInfo } from "./region-name";
export { regionName } from "./region-name";
export { isKnownProvince } from "./provinces";
