// The labelled notice corpus (tests/fixtures/privacy/corpus.ts): every positive is found at its
// place, no negative is flagged, and what is reported is masked.
import { PRIVACY_CORPUS } from "../../fixtures/privacy/corpus";
import { caseWorkbook, scoreCorpus } from "../../fixtures/privacy/score";
import { scanWorkbook } from "../../../src/core/privacy";

describe("privacy corpus", () => {
  it("is well formed: unique ids, a place for every positive and none for a negative", () => {
    const ids = PRIVACY_CORPUS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const odd = PRIVACY_CORPUS.filter(
      (c) => c.id.startsWith(c.expect === null ? "p-" : "n-") || (c.at === undefined) !== (c.expect === null),
    );
    expect(odd.map((c) => c.id)).toEqual([]);
  });

  it("has positives of every kind and of every case of issue 11, and negatives", () => {
    const kinds = new Set(PRIVACY_CORPUS.map((c) => c.expect));
    expect(kinds).toEqual(new Set([null, "id-number", "phone", "bank-card", "birth-date", "address"]));
    expect(PRIVACY_CORPUS.filter((c) => c.issue).length).toBeGreaterThanOrEqual(40);
    expect(PRIVACY_CORPUS.filter((c) => c.expect === null).length).toBeGreaterThanOrEqual(100);
  });

  it("issue 11's cases: all found", () => {
    const score = scoreCorpus(PRIVACY_CORPUS.filter((c) => c.issue));
    expect(score.missed).toEqual([]);
    expect(score.recall).toBe(1);
  });

  it("the whole corpus: recall 100%, no false alarm, nothing reported beside the expected", () => {
    const score = scoreCorpus();
    expect(score.missed).toEqual([]);
    expect(score.alarms).toEqual([]);
    expect(score.extra).toEqual([]);
    expect([score.recall, score.falseAlarmRate]).toEqual([1, 0]);
  });

  it("reports masked values only, and every finding on a notice is an error", () => {
    const leaks: string[] = [];
    for (const c of PRIVACY_CORPUS) {
      const { workbook, options } = caseWorkbook(c);
      for (const f of scanWorkbook(workbook, options)) {
        // No run of 7+ digits (a whole phone, card or ID) survives masking.
        if (/\d{7,}/.test(f.value.replace(/[\s-]/g, "")) || f.severity !== "error") leaks.push(`${c.id} ${f.value}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
