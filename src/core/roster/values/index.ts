/**
 * Cell values → canonical values. The canonical values are the Chinese labels the policy packs
 * are written in. Every normaliser takes any value and never throws: what it cannot read is
 * null (or an empty list), and the caller decides whether that is a problem. The spellings each
 * one knows are data (synonyms.json); how a cell is looked up in them is lookup.ts.
 */
export { normalizeMoney } from "./amount";
export { normalizeCount } from "./count";
export { normalizeDestination, normalizeKindergarten, type Destination, type KindergartenType } from "./enrolment";
export {
  normalizeCause,
  normalizeHardship,
  normalizeLevel,
  normalizeTier,
  type Cause,
  type Hardship,
  type Level,
  type Tier,
} from "./hardship";
export { normalizeGender, normalizeIdDocument, type Gender } from "./person";
export { normalizeStage, stageFromGrade, type Stage } from "./stage";
export {
  normalizeInPost,
  normalizePost,
  normalizeStatus,
  normalizeTeacherType,
  type Post,
  type Status,
  type TeacherType,
} from "./teacher";
export { normalizeYear } from "./year";
export { normalizeBoarding, normalizeVerified, normalizeYesNo } from "./yes-no";
export { normalizePairMode, normalizeRecordType, normalizeRegistered, type PairMode, type RecordType } from "./pairing";
