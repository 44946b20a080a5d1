/**
 * `zizhu calendar import` / `calendar list` and loadUserCalendar, called directly (no bundle):
 * the user calendar folder and --calendar files, in temporary folders.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { calendarCommand, defaultCalendarDir, loadUserCalendar } from "../../src/cli/commands/calendar";
import { UsageError } from "../../src/cli/commands/fn";
import { deserializeCalendar, noticeEnd } from "../../src/core/calendar";
import { formatIso } from "../../src/core/date/civil";

const NOTICES = join(__dirname, "..", "fixtures", "notices");
const NOW = "2026-11-20T09:30:00+08:00";

let tmp: string;
let dir: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), "zizhu-calendar-"));
  dir = join(tmp, "calendar");
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

function file(name: string, text: string | Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

const notice = (name: string): string => readFileSync(join(NOTICES, name), "utf8");
const run = (words: string[], options: { year?: string; out?: string; calendarFile?: string } = {}) =>
  calendarCommand(words, { dir, now: NOW, ...options });

describe("calendar import", () => {
  test("a 2027 notice is saved in the user calendar folder and used from then on", () => {
    const r = run(["import", join(NOTICES, "2027-plausible.txt")]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "已读取《国务院办公厅关于2027年部分节假日安排的通知》：2027年，7个节日，放假28天、调休上班5天",
    );
    expect(r.out).toContain("  元旦：1月1日至1月3日放假（3天）");
    expect(r.out).toContain("  春节：2月5日至2月12日放假（8天）；2月20日上班");
    expect(r.out).toContain(`已保存到 ${join(dir, "2027.json")}`);
    const saved = deserializeCalendar(readFileSync(join(dir, "2027.json"), "utf8"));
    expect(saved.ok && saved.value[0]?.source.importedAt).toBe(NOW);
    const user = loadUserCalendar({ dir });
    const end = noticeEnd({ y: 2026, m: 12, d: 28 }, 5, user.calendar);
    expect(end.ok && formatIso(end.value)).toBe("2027-01-04");
  });

  test("the same notice again: nothing to do", () => {
    run(["import", join(NOTICES, "2027-plausible.txt")]);
    const r = run(["import", join(NOTICES, "2027-plausible.txt")]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("中已有相同的2027年放假安排，无需再次导入");
  });

  test("a different notice for a year already imported is not written over it", () => {
    run(["import", join(NOTICES, "2027-plausible.txt")]);
    const other = file(
      "other.txt",
      notice("2027-plausible.txt").replace("2月20日（周六）上班", "2月20日（周六）、2月21日（周日）上班"),
    );
    expect(() => run(["import", other])).toThrow(/资助助手不会覆盖它/);
  });

  test("a supplementary notice alone updates the year imported before", () => {
    run(["import", join(NOTICES, "2027-plausible.txt")]);
    // Written for this test: an adjustment in the style of the 2019 one.
    const adjust = file(
      "adjust.txt",
      "国务院办公厅关于调整2027年端午节假期安排的通知\n经国务院批准，现将调整2027年端午节放假安排通知如下。\n一、2027年6月9日（周三）至11日（周五）放假调休，共3天。6月12日（周六）上班。\n国务院办公厅",
    );
    const r = run(["import", adjust]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("  端午节：6月9日至6月11日放假（3天）；6月12日上班");
    expect(r.out).toContain(`已更新到 ${join(dir, "2027.json")}`);
    const saved = deserializeCalendar(readFileSync(join(dir, "2027.json"), "utf8"));
    expect(saved.ok && saved.value[0]?.days.filter((d) => d.name === "春节")).toHaveLength(9);
  });

  test("a year the data package has, the same: not saved", () => {
    const r = run(["import", join(NOTICES, "2026.txt")]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("与内置数据一致：2026年已在离线数据包中，无需导入（未保存）");
    expect(existsSync(join(dir, "2026.json"))).toBe(false);
  });

  test("a year the data package has, contradicted: refused, the package is used", () => {
    const wrong = file(
      "wrong.txt",
      notice("2026.txt").replace("5月9日（周六）上班", "5月9日（周六）、5月10日（周日）上班"),
    );
    const r = run(["import", wrong]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      "未导入：2026年：导入的放假安排（国务院办公厅关于2026年部分节假日安排的通知）与内置数据不一致（2026年5月10日内置数据为放假、导入的为上班）",
    );
    expect(existsSync(join(dir, "2026.json"))).toBe(false);
  });

  test("a copy that cannot be read with certainty is refused with the line quoted", () => {
    const bad = file("bad.txt", notice("2017.txt").replace("：10月1日至8日", "：0月1日至8日"));
    const r = run(["import", bad]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /^未导入：通知中有无法确定的内容。\n- 第\d+行“六、中秋节、国庆节：0月1日至8日放假调休，共8天。/,
    );
    expect(r.out).toContain("请检查：复制时可能丢了或多了数字");
    expect(existsSync(dir)).toBe(false);
  });

  test("--year for a copy without the year; a --year the title contradicts is refused", () => {
    const noYear = file(
      "no-year.txt",
      notice("2027-plausible.txt")
        .replace(/2027年/g, "年")
        .replace("关于年部分", "关于部分"),
    );
    expect(run(["import", noYear]).out).toContain("没有找到通知的年份");
    expect(run(["import", noYear], { year: "2027" }).code).toBe(0);
    const r = run(["import", join(NOTICES, "2026.txt")], { year: "2027" });
    expect(r.code).toBe(1);
    expect(r.out).toContain("说的是2026年，与指定的2027年不一致");
    expect(() => run(["import", noYear], { year: "27" })).toThrow(/--year 应为四位年份/);
  });

  test("--out writes a file for --calendar, never over the input", () => {
    const out = join(tmp, "2027-calendar.json");
    const r = run(["import", join(NOTICES, "2027-plausible.txt")], { out });
    expect(r.code).toBe(0);
    expect(r.out).toContain(`已写入 ${out}（用 --calendar ${out} 让命令使用它`);
    expect(existsSync(join(dir, "2027.json"))).toBe(false);
    const user = loadUserCalendar({ dir, file: out });
    expect(user.calendar.published.has(2027)).toBe(true);
    const input = file("in.txt", notice("2027-plausible.txt"));
    expect(() => run(["import", input], { out: input })).toThrow(/就是输入文件/);
  });

  test("GBK text (Windows Notepad) and a .docx are read", () => {
    expect(run(["import", join(NOTICES, "2026-gbk.txt")]).out).toContain("与内置数据一致");
    const paragraphs = notice("2027-plausible.txt")
      .split("\n")
      .map(
        (p) =>
          `<w:p><w:r><w:t xml:space="preserve">${p.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</w:t></w:r></w:p>`,
      )
      .join("");
    const docx = zipSync({
      "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types/>'),
      "word/document.xml": strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><w:document><w:body>${paragraphs}</w:body></w:document>`,
      ),
    });
    const r = run(["import", file("通知.docx", docx)]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("2027年，7个节日");
    expect(() => run(["import", file("通知.doc", "binary")])).toThrow(/另存为 \.docx/);
  });

  test("usage errors", () => {
    expect(() => run(["import"])).toThrow(UsageError);
    expect(() => run(["import", join(tmp, "missing.txt")])).toThrow(/找不到通知文件/);
    expect(() => run(["import", "a.txt", "b.txt"])).toThrow(/一次只能导入一个/);
    expect(() => run(["show"])).toThrow(/未知的 calendar 子命令/);
  });
});

describe("calendar list", () => {
  test("the shipped years, the imported ones with file and title, what is not known yet", () => {
    run(["import", join(NOTICES, "2027-plausible.txt")]);
    const r = run(["list"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toContain(
      "内置数据（离线数据包，来自 NateScarlet/holiday-cn，依据国务院办公厅各年通知）：2007—2026年，共20年",
    );
    expect(r.out).toContain("  2027年  国务院办公厅关于2027年部分节假日安排的通知  7个节日  使用中");
    expect(r.out).toContain(`${join(dir, "2027.json")}  导入于 ${NOW}`);
    expect(r.out).toContain("尚未收录：2028年起");
  });

  test("nothing imported; 2027 not known yet", () => {
    const r = run(["list"]);
    expect(r.out).toContain("  无");
    expect(r.out).toContain("尚未收录：2027年起");
  });

  test("a conflicting file and a broken file in the folder", () => {
    mkdirSync(dir, { recursive: true });
    // A holiday-cn file copied into the folder, hand-edited to contradict the data package.
    const vendor = JSON.parse(
      readFileSync(join(__dirname, "..", "..", "vendor", "data", "holidays", "2026.json"), "utf8"),
    );
    vendor.days = vendor.days.filter((d: { date: string }) => d.date !== "2026-05-09");
    writeFileSync(join(dir, "2026.json"), JSON.stringify(vendor));
    writeFileSync(join(dir, "broken.json"), "{ not json");
    const r = run(["list"]);
    expect(r.out).toContain("2026年  https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm");
    expect(r.out).toContain("未使用：有不一致之处（见下方冲突）");
    expect(r.out).toContain("冲突：\n  2026年：导入的放假安排");
    expect(r.err).toMatch(/^zizhu: 已跳过放假安排文件 .*broken\.json：不是合法的 JSON/);
  });
});

describe("loadUserCalendar", () => {
  test("no folder: the data package alone", () => {
    const user = loadUserCalendar({ dir: join(tmp, "none") });
    expect(user.files).toEqual([]);
    expect(user.warnings).toEqual([]);
    expect(user.calendar.published.has(2027)).toBe(false);
  });

  test("a broken --calendar file stops the command", () => {
    expect(() => loadUserCalendar({ dir, file: file("x.json", "[]") })).toThrow(
      /--calendar .*无法使用：不是资助助手保存的放假安排/,
    );
  });

  test("--calendar comes before the folder for a year both have", () => {
    run(["import", join(NOTICES, "2027-plausible.txt")]);
    const out = join(tmp, "mine.json");
    run(
      [
        "import",
        file(
          "mine.txt",
          notice("2027-plausible.txt").replace("2月20日（周六）上班", "2月20日（周六）、2月21日（周日）上班"),
        ),
      ],
      { out },
    );
    const user = loadUserCalendar({ dir, file: out });
    expect(user.conflicts).toMatchObject([{ year: 2027, against: "imported" }]);
    expect(user.calendar.days.get(Date.UTC(2027, 1, 21) / 86400000)).toEqual({ off: false, name: "春节" });
  });

  test("ZIZHU_CALENDAR_DIR, else ~/.zizhu/calendar", () => {
    expect(defaultCalendarDir({ ZIZHU_CALENDAR_DIR: "/x/y" })).toBe("/x/y");
    expect(defaultCalendarDir({})).toMatch(/\.zizhu[\\/]calendar$/);
  });
});
