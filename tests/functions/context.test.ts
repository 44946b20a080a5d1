/**
 * The custom functions' engine context (functions/context.ts): defaults, what hosts provide, and
 * the shared runtime's case — functions.js, commands.js and taskpane.js are separate bundles on one
 * page, each with its own copy of every module, so what the pane's copy provides must be what the
 * functions' copy reads.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import "../../src/cli/custom-functions-host";
import { parseHolidayNotice, shippedCalendar, type ImportedYear } from "../../src/core/calendar";
import { engineContext, fixedToday } from "../../src/core/context";
import { serialFromCivil } from "../../src/core/date/serial";
import { seedPack, type Pack } from "../../src/core/policy";
import {
  functionsContext,
  localToday,
  provideContext,
  provideImportedYears,
  providedConflicts,
} from "../../functions/context";

type ContextModule = typeof import("../../functions/context");
type MoneyDates = typeof import("../../functions/money-dates");
type Policy = typeof import("../../functions/policy");
type Identity = typeof import("../../functions/identity");

const NOTICES = join(__dirname, "..", "fixtures", "notices");

function notice(file: string, edit: (t: string) => string = (t) => t): ImportedYear {
  const r = parseHolidayNotice(edit(readFileSync(join(NOTICES, file), "utf8")));
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.value;
}

/** A fixture, not the real 2027 notice (tests/fixtures/notices/README.md). */
const y2027 = notice("2027-plausible.txt");
/** A pack with the seed pack's first program only. */
const onePack: Pack = { ...seedPack(), programs: seedPack().programs.slice(0, 1) };

/** A module graph of its own, as a separately loaded bundle has. */
function bundle(): { context: ContextModule; moneyDates: MoneyDates; policy: Policy; identity: Identity } {
  let loaded: ReturnType<typeof bundle> | undefined;
  jest.isolateModules(() => {
    loaded = {
      context: jest.requireActual<ContextModule>("../../functions/context"),
      moneyDates: jest.requireActual<MoneyDates>("../../functions/money-dates"),
      policy: jest.requireActual<Policy>("../../functions/policy"),
      identity: jest.requireActual<Identity>("../../functions/identity"),
    };
  });
  if (!loaded) throw new Error("not loaded");
  return loaded;
}

afterEach(() => provideContext({ today: undefined, pack: undefined, calendar: undefined }));

describe("defaults and what a host provides", () => {
  test("nothing provided: the local date, the seed pack, the shipped calendar", () => {
    const c = functionsContext();
    expect(c.today()).toEqual(localToday());
    expect(c.pack).toBe(seedPack());
    expect(c.calendar).toBe(shippedCalendar());
  });

  test("a provided part replaces its default; undefined brings the default back; the others stay", () => {
    provideContext({ today: fixedToday({ y: 2026, m: 11, d: 28 }), pack: onePack });
    provideContext({ pack: undefined });
    expect(functionsContext().today()).toEqual({ y: 2026, m: 11, d: 28 });
    expect(functionsContext().pack).toBe(seedPack());
  });

  test("the context is a live view: an object kept by a host sees later changes", () => {
    const kept = functionsContext();
    provideImportedYears([y2027]);
    expect(kept.calendar.sources.get(2027)?.kind).toBe("imported");
    provideImportedYears([]);
    expect(kept.calendar).toBe(shippedCalendar());
  });

  test("conflicting imported years are returned and stay readable; a provided calendar clears them", () => {
    const wrong = notice("2026.txt", (t) => t.replace("5月9日（周六）上班", "5月9日（周六）、5月10日（周日）上班"));
    const conflicts = provideImportedYears([wrong]);
    expect(conflicts).toHaveLength(1);
    expect(providedConflicts()).toBe(conflicts);
    expect(functionsContext().calendar.sources.get(2026)?.kind).toBe("shipped");
    provideContext({ calendar: undefined });
    expect(providedConflicts()).toEqual([]);
  });

  test("engineContext: the seed pack and the shipped calendar unless given", () => {
    const c = engineContext(fixedToday({ y: 2026, m: 1, d: 2 }));
    expect([c.today(), c.pack, c.calendar]).toEqual([{ y: 2026, m: 1, d: 2 }, seedPack(), shippedCalendar()]);
    expect(engineContext(localToday, { pack: onePack }).pack).toBe(onePack);
  });
});

describe("one provider across separately loaded bundles (Excel's shared runtime)", () => {
  const pane = bundle();
  const functions = bundle();

  test("the bundles really are separate module copies", () => {
    expect(pane.context).not.toBe(functions.context);
    expect(pane.context.provideContext).not.toBe(functions.context.provideContext);
  });

  test("the workbook's imported years, provided by the pane's copy, are what ZIZHU.NOTICE_END counts with", () => {
    const start = serialFromCivil({ y: 2026, m: 12, d: 28 });
    expect(() => functions.moneyDates.noticeEndDate(start, 5)).toThrow();
    expect(pane.context.provideImportedYears([y2027])).toEqual([]);
    expect(functions.moneyDates.noticeEndDate(start, 5)).toBe(serialFromCivil({ y: 2027, m: 1, d: 4 }));
  });

  test("the pack and the day provided by one copy are what the other's functions decide with", () => {
    expect(functions.policy.programs()).toHaveLength(seedPack().programs.length + 1);
    pane.context.provideContext({ pack: onePack, today: fixedToday({ y: 2000, m: 1, d: 1 }) });
    expect(functions.policy.programs()).toHaveLength(2);
    expect(functions.identity.idAge("11010519491231002X")).toBe(50);
  });
});
