/**
 * The county-level rules, across the files of a batch: the same ID aided in two schools (or
 * twice by one school in two files), the same teacher aided twice in a year, nominees per school
 * and quotas per school summed over a school's files, and each file's seal. Pure: every number
 * and source comes from the pack; IDs are compared by their keys and shown masked.
 */
import { cellAddress } from "../grid/types";
import { findProgram, quotaFor, type Condition, type Pack, type Program } from "../policy";
import { COUNTY_CATALOGUE, type CountyRuleCode, type CountyRuleData } from "./catalogue";
import { enrolmentOf, schoolKey } from "./enrolment";
import type { CountyFile, CountyIssue, CountyPerson, CountyPlace } from "./types";
import { renderFinding } from "../findings/render";
import type { FindingData } from "../findings/types";
import type { Locale } from "../locale";

export interface CountyOptions {
  pack: Pack;
  /** 学校 → 在校人数 (keys as schoolKey makes them); quotas are checked only when given. */
  enrolment?: ReadonlyMap<string, number> | null;
  locale?: Locale;
}

/** At most this many places are named in a message; the issue's places list has them all. */
const NAMED_PLACES = 6;

/** A county finding: the rule, its typed data, the value concerned (masked) and its places. */
export interface CountyFinding<K extends CountyRuleCode = CountyRuleCode> {
  rule: K;
  data: CountyRuleData[K];
  value: string;
  places: CountyPlace[];
}

function countyFinding<K extends CountyRuleCode>(
  rule: K,
  data: CountyRuleData[K],
  value: string,
  places: CountyPlace[],
): CountyFinding {
  return { rule, data, value, places } as CountyFinding;
}

/** A county finding rendered in the locale through its catalogue entry. */
export function countyIssue(f: CountyFinding, locale: Locale = "zh-CN"): CountyIssue {
  const entry = COUNTY_CATALOGUE[f.rule];
  const { message, hint, source } = renderFinding(entry, f.data as unknown as FindingData, locale);
  return { rule: f.rule, severity: entry.severity, message, hint, source, value: f.value, places: f.places };
}

/** "甲校.xlsx › 一补花名册!D5；乙校.xlsx › 一补花名册!D9". */
export function placesText(places: readonly CountyPlace[]): string {
  const shown = places.slice(0, NAMED_PLACES).map((p) => `${p.file} › ${p.sheet}${p.cell ? `!${p.cell}` : ""}`);
  const more = places.length > NAMED_PLACES ? `等 ${places.length} 处` : "";
  return shown.join("；") + more;
}

interface Occurrence {
  file: CountyFile;
  person: CountyPerson;
}

const placeOf = (o: Occurrence): CountyPlace => ({
  file: o.file.file,
  school: o.person.school,
  sheet: o.file.sheet,
  cell: o.person.row >= 0 && o.person.col >= 0 ? cellAddress(o.person.row, o.person.col) : "",
});

function programOf(pack: Pack, code: string | null, cache: Map<string, Program | null>): Program | null {
  if (code === null) return null;
  if (!cache.has(code)) cache.set(code, findProgram(pack, code));
  return cache.get(code) ?? null;
}

/** The pack's own words for "not aided twice in a year": the eligibility condition on aidedThisYear. */
function repeatReason(program: Program): string | null {
  const walk = (cs: readonly Condition[]): string | null => {
    for (const c of cs) {
      if ("field" in c && c.field === "aidedThisYear") return c.reason;
      if ("conditions" in c) {
        const inner = walk(c.conditions);
        if (inner) return inner;
      }
    }
    return null;
  };
  return walk(program.eligibility);
}

const distinct = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

function programNames(occ: readonly Occurrence[], pack: Pack, cache: Map<string, Program | null>): string {
  return (
    distinct(occ.map((o) => programOf(pack, o.person.program, cache)?.name ?? "未注明项目")).join("、") || "未注明项目"
  );
}

function duplicateIds(files: readonly CountyFile[], pack: Pack, cache: Map<string, Program | null>): CountyFinding[] {
  const byId = new Map<string, Occurrence[]>();
  for (const file of files)
    for (const person of file.people) {
      const list = byId.get(person.idKey);
      if (list) list.push({ file, person });
      else byId.set(person.idKey, [{ file, person }]);
    }
  const out: CountyFinding[] = [];
  for (const occ of byId.values()) {
    if (distinct(occ.map((o) => o.file.file)).length < 2) continue;
    const first = occ[0];
    if (!first) continue;
    const id = first.person.idMasked;
    const places = occ.map(placeOf);
    const where = placesText(places);
    const programs = programNames(occ, pack, cache);
    // A teacher program that forbids a second aid in the year: the 方案14 rule, with its source.
    const strict = occ
      .map((o) => programOf(pack, o.person.program, cache))
      .find((p) => p?.audience === "teachers" && p.limits.some((l) => l.kind === "no-repeat-within-year"));
    const limit = strict?.limits.find((l) => l.kind === "no-repeat-within-year");
    if (strict && limit) {
      out.push(
        countyFinding(
          "county.teacher-repeat",
          {
            id,
            where,
            programs,
            reason: repeatReason(strict) ?? `${strict.name}同一年度不重复资助`,
            source: limit.source,
          },
          id,
          places,
        ),
      );
      continue;
    }
    const schools = distinct(occ.map((o) => schoolKey(o.person.school)));
    if (schools.length >= 2) {
      out.push(countyFinding("county.dup-id", { id, where, programs, sameSchool: false }, id, places));
      continue;
    }
    // One school, several files: a problem only when one program lists the person in two files.
    const filesByProgram = new Map<string, Set<string>>();
    for (const o of occ) {
      const key = o.person.program ?? "";
      const set = filesByProgram.get(key) ?? new Set<string>();
      set.add(o.file.file);
      filesByProgram.set(key, set);
    }
    const repeated = [...filesByProgram.entries()].find(([, set]) => set.size >= 2);
    if (repeated) {
      const [code] = repeated;
      const same = occ.filter((o) => (o.person.program ?? "") === code);
      out.push(
        countyFinding(
          "county.dup-id",
          { id, where: placesText(same.map(placeOf)), programs: programNames(same, pack, cache), sameSchool: true },
          id,
          same.map(placeOf),
        ),
      );
    }
  }
  return out;
}

/** The first occurrence in each file, as the places of a per-school issue. */
function firstPerFile(occ: readonly Occurrence[]): CountyPlace[] {
  const seen = new Set<string>();
  const out: CountyPlace[] = [];
  for (const o of occ) {
    if (seen.has(o.file.file)) continue;
    seen.add(o.file.file);
    out.push(placeOf(o));
  }
  return out;
}

/** People of one program, grouped by school (as the rows name it, else the file's school). */
function bySchool(files: readonly CountyFile[], code: string, schoolOf: (f: CountyFile, p: CountyPerson) => string) {
  const groups = new Map<string, { name: string; occ: Occurrence[] }>();
  for (const file of files)
    for (const person of file.people) {
      if (person.program !== code) continue;
      const name = schoolOf(file, person);
      const key = schoolKey(name);
      const g = groups.get(key) ?? { name, occ: [] };
      g.occ.push({ file, person });
      groups.set(key, g);
    }
  return groups;
}

/**
 * Nominees per school over all of a school's files. A school's single file is already checked
 * by the file's own check, so only schools whose nominees come from two files or more are here.
 */
function nominees(files: readonly CountyFile[], pack: Pack): CountyFinding[] {
  const out: CountyFinding[] = [];
  for (const program of pack.programs) {
    const limit = program.limits.find((l) => l.kind === "nominees-per-school");
    if (!limit || limit.kind !== "nominees-per-school") continue;
    for (const { name, occ } of bySchool(files, program.code, (_f, p) => p.school).values()) {
      const inFiles = distinct(occ.map((o) => o.file.file));
      if (inFiles.length < 2) continue;
      const count = distinct(occ.map((o) => o.person.idKey)).length;
      if (count <= limit.max && count >= limit.min) continue;
      out.push(
        countyFinding(
          "county.nominees",
          {
            school: name,
            program: program.name,
            count,
            min: limit.min,
            max: limit.max,
            files: inFiles.join("、"),
            source: limit.source,
          },
          "",
          firstPerFile(occ),
        ),
      );
    }
  }
  return out;
}

/**
 * Quotas against the enrolment table, per school over its files (a school's single file is
 * checked by its own check with the school's enrolment), and schools missing from the table.
 */
function quotas(files: readonly CountyFile[], pack: Pack, table: ReadonlyMap<string, number>): CountyFinding[] {
  const out: CountyFinding[] = [];
  const reported = new Set<string>();
  for (const file of files) {
    const key = schoolKey(file.school);
    if (enrolmentOf(table, file.school) !== null || reported.has(key)) continue;
    reported.add(key);
    out.push(countyFinding("county.no-enrolment", { school: file.school, file: file.file }, "", [placeOfFile(file)]));
  }
  for (const program of pack.programs) {
    if (!program.quota) continue;
    for (const { name, occ } of bySchool(files, program.code, (f) => f.school).values()) {
      const inFiles = distinct(occ.map((o) => o.file.file));
      const enrolled = enrolmentOf(table, name);
      if (inFiles.length < 2 || enrolled === null) continue;
      const allowed = quotaFor(program, enrolled);
      const count = distinct(occ.map((o) => o.person.idKey)).length;
      if (allowed === null || count <= allowed) continue;
      out.push(
        countyFinding(
          "county.quota",
          {
            school: name,
            program: program.name,
            count,
            allowed,
            enrolled,
            share: `${+(program.quota.share * 100).toFixed(2)}%`,
            files: inFiles.join("、"),
            source: program.quota.source,
          },
          "",
          firstPerFile(occ),
        ),
      );
    }
  }
  return out;
}

const placeOfFile = (f: CountyFile): CountyPlace => ({ file: f.file, school: f.school, sheet: f.sheet, cell: "" });

/**
 * 帮联 coverage across the batch: a 建档立卡 student any file's ledger pairs is covered, wherever the
 * cadre works; one paired nowhere is reported once, at every roster that lists the student. Runs only
 * when the batch holds a pairing ledger (a batch of aid rosters alone says nothing of pairing).
 */
function coverage(files: readonly CountyFile[], pack: Pack): CountyFinding[] {
  if (!files.some((f) => f.coverage?.hasLedger)) return [];
  const plan = pack.pairing.plans.find((p) => p.coverage);
  if (!plan?.coverage) return [];
  const paired = new Set(files.flatMap((f) => f.coverage?.paired ?? []));
  const places = new Map<string, { masked: string; school: string; places: CountyPlace[] }>();
  for (const f of files) {
    for (const n of f.coverage?.needed ?? []) {
      if (paired.has(n.idKey)) continue;
      const entry = places.get(n.idKey) ?? { masked: n.idMasked, school: n.school || f.school, places: [] };
      entry.places.push({
        file: f.file,
        school: n.school || f.school,
        sheet: n.sheet,
        cell: cellAddress(n.row, n.col),
      });
      places.set(n.idKey, entry);
    }
  }
  return [...places.values()].map((e) =>
    countyFinding(
      "county.uncovered",
      {
        id: e.masked,
        school: e.school,
        where: placesText(e.places),
        plan: plan.name,
        source: plan.coverage?.source ?? "",
      },
      e.masked,
      e.places,
    ),
  );
}

function seals(files: readonly CountyFile[]): CountyFinding[] {
  const out: CountyFinding[] = [];
  for (const f of files) {
    if (f.seal.status === "unchanged") continue;
    const rule = f.seal.status === "modified" ? "county.modified" : "county.unsealed";
    out.push(countyFinding(rule, { file: f.file, detail: f.seal.message }, "", [placeOfFile(f)]));
  }
  return out;
}

/** Every county-level finding of a batch, errors first, in a stable order. */
export function countyFindings(files: readonly CountyFile[], options: CountyOptions): CountyFinding[] {
  const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const cache = new Map<string, Program | null>();
  const all = [
    ...duplicateIds(sorted, options.pack, cache),
    ...nominees(sorted, options.pack),
    ...coverage(sorted, options.pack),
    ...(options.enrolment ? quotas(sorted, options.pack, options.enrolment) : []),
    ...seals(sorted),
  ];
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const severity = (f: CountyFinding): number => rank[COUNTY_CATALOGUE[f.rule].severity];
  return all
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severity(a.f) - severity(b.f) || a.i - b.i)
    .map((x) => x.f);
}

/** Every county-level issue of a batch, rendered in the locale (zh-CN by default). */
export function countyIssues(files: readonly CountyFile[], options: CountyOptions): CountyIssue[] {
  return countyFindings(files, options).map((f) => countyIssue(f, options.locale));
}
