import synonyms from "../../../src/core/roster/values/synonyms.json";
import {
  normalizeDestination,
  normalizeGender,
  normalizeHardship,
  normalizeIdDocument,
  normalizeKindergarten,
  normalizeLevel,
  normalizePost,
  normalizeStage,
  normalizeStatus,
  normalizeTeacherType,
  normalizeTier,
} from "../../../src/core/roster";

/** Each table of canonical value → spellings, with the normaliser that reads it. */
const TABLES: [string, Record<string, readonly string[]>, (v: unknown) => unknown][] = [
  ["gender", synonyms.gender, normalizeGender],
  ["stage", synonyms.stage, normalizeStage],
  ["hardship", synonyms.hardship, (v) => normalizeHardship(v).values[0] ?? null],
  ["level", synonyms.level, normalizeLevel],
  ["tierNumbers", synonyms.tierNumbers, normalizeTier],
  ["destination", synonyms.destination, normalizeDestination],
  ["status", synonyms.status, normalizeStatus],
  ["teacherType", synonyms.teacherType, normalizeTeacherType],
  ["post", synonyms.post, normalizePost],
  ["kindergartenType", synonyms.kindergartenType, normalizeKindergarten],
  ["idDocument", synonyms.idDocument, normalizeIdDocument],
];

describe.each(TABLES)("synonyms.%s", (name, table, normalize) => {
  test.each(Object.keys(table))("the canonical value %s reads as itself", (canonical) => {
    expect(normalize(canonical)).toBe(canonical);
  });
  test("every canonical value lists itself among its spellings, or its numbers", () => {
    for (const [canonical, spellings] of Object.entries(table)) {
      expect(spellings.includes(canonical) || name === "tierNumbers").toBe(true);
    }
  });
});
