export type {
  DocumentInfo,
  DocumentProblem,
  FormatProblem,
  IdDocument,
  IdInfo,
  IdNumberDocument,
  IdProblem,
  OtherFormat,
} from "./problems";
export { ID_DOCUMENTS } from "./problems";
export { MIN_BIRTH_YEAR, parseId, upgradeId } from "./parse";
export {
  documentMessage,
  documentName,
  documentTexts,
  idMessage,
  idNotice,
  idTexts,
  lookalikeMessage,
} from "./messages";
export { checkDigit } from "./checksum";
export type { RegionInfo } from "./region-name";
export { idRegionText, regionName } from "./region-name";
export { isKnownProvince } from "./provinces";
export {
  checkDocument,
  checkFormat,
  documentsAgree,
  icaoCheckDigit,
  isIdDocument,
  isIdNumberDocument,
  resembles,
  type Resemblance,
} from "./documents";
export { plainText, readCellText, type CellText } from "./cell-text";
