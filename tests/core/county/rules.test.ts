// County rules across school files: table-driven scenarios on CountyFile data (IDs as opaque keys).
import { countyIssues, placesText, type CountyFile, type CountyPerson } from "../../../src/core/county";
import { seedPack } from "../../../src/core/policy";

const pack = seedPack();
const aizhu = pack.programs.find((p) => p.code === "aizhu")!;
const nomineeLimit = aizhu.limits.find((l) => l.kind === "nominees-per-school")!;
const repeatLimit = aizhu.limits.find((l) => l.kind === "no-repeat-within-year")!;
const yibu = pack.programs.find((p) => p.code === "yibu")!;

let serial = 0;
function person(key: string, program: string | null, school: string, row = 3, col = 3): CountyPerson {
  serial++;
  return { idKey: key, idMasked: `430381********${String(serial).padStart(4, "0")}`, row, col, program, school };
}

function file(
  name: string,
  school: string,
  people: CountyPerson[],
  seal: CountyFile["seal"]["status"] = "unchanged",
): CountyFile {
  return { file: name, school, sheet: "花名册", people, seal: { status: seal, message: `凭证${seal}` } };
}

const many = (n: number, prefix: string, program: string, school: string): CountyPerson[] =>
  Array.from({ length: n }, (_, i) => person(`${prefix}${i}`, program, school, 3 + i));

interface Case {
  name: string;
  files: CountyFile[];
  enrolment?: Map<string, number>;
  /** rule codes expected, in order */
  rules: string[];
  check?: (issues: ReturnType<typeof countyIssues>) => void;
}

const cases: Case[] = [
  {
    name: "no people, all sealed: nothing",
    files: [file("a.xlsx", "一小", []), file("b.xlsx", "二小", [])],
    rules: [],
  },
  {
    name: "same ID in two schools: one error naming both files and cells",
    files: [
      file("一小.xlsx", "某某县第一小学", [person("K1", "yibu", "某某县第一小学", 4, 3)]),
      file("二小/二小.xlsx", "某某县第二小学", [person("K1", "yibu", "某某县第二小学", 9, 3)]),
    ],
    rules: ["county.dup-id"],
    check: ([i]) => {
      expect(i!.severity).toBe("error");
      expect(i!.message).toContain("一小.xlsx › 花名册!D5");
      expect(i!.message).toContain("二小/二小.xlsx › 花名册!D10");
      expect(i!.message).toContain("不同学校");
      expect(i!.places.map((p) => p.cell)).toEqual(["D5", "D10"]);
      expect(i!.value).toMatch(/^\d{6}\*{8}\d{4}$/);
    },
  },
  {
    name: "same ID, different programs, same school, two files: legitimate",
    files: [
      file("一补.xlsx", "一小", [person("K2", "yibu", "一小")]),
      file("营养餐.xlsx", "一小", [person("K2", "nutrition", "一小")]),
    ],
    rules: [],
  },
  {
    name: "same ID, same program, same school, two files: counted twice",
    files: [
      file("一补.xlsx", "一小", [person("K3", "yibu", "一小")]),
      file("一补-补报.xlsx", "一小", [person("K3", "yibu", "一小")]),
    ],
    rules: ["county.dup-id"],
    check: ([i]) => expect(i!.message).toContain("同一学校的多个文件"),
  },
  {
    name: "same ID twice in one file only: the file's own check reports it, not the county",
    files: [file("一补.xlsx", "一小", [person("K4", "yibu", "一小"), person("K4", "yibu", "一小", 5)])],
    rules: [],
  },
  {
    name: "a teacher aided by 爱烛 and by the city in one year: 方案14 with its source and reason",
    files: [
      file("爱烛.xlsx", "一中", [person("T1", "aizhu", "一中")]),
      file("市级.xlsx", "一中", [person("T1", "teacher-aid-city", "一中")]),
    ],
    rules: ["county.teacher-repeat"],
    check: ([i]) => {
      expect(i!.source).toBe(repeatLimit.source);
      expect(i!.hint).toContain("不重复救助");
      expect(i!.message).toContain("爱烛.xlsx");
      expect(i!.message).toContain("市级.xlsx");
    },
  },
  {
    name: "nominees of one school over two files above the pack's maximum",
    files: [
      file(
        "爱烛-一中.xlsx",
        "一中",
        many(nomineeLimit.kind === "nominees-per-school" ? nomineeLimit.max : 2, "A", "aizhu", "一中"),
      ),
      file("爱烛-补报.xlsx", "县教育局", [person("B0", "aizhu", "一中")]),
    ],
    rules: ["county.nominees"],
    check: ([i]) => {
      expect(i!.source).toBe(nomineeLimit.source);
      expect(i!.message).toContain("一中");
      expect(i!.places.map((p) => p.file)).toEqual(["爱烛-一中.xlsx", "爱烛-补报.xlsx"]);
    },
  },
  {
    name: "nominees within the limit over two files: fine",
    files: [
      file("a.xlsx", "一中", [person("C0", "aizhu", "一中")]),
      file("b.xlsx", "二中", [person("C1", "aizhu", "一中")]),
    ],
    rules: [],
  },
  {
    name: "quota over a school's two files against enrolment (share from the pack)",
    files: [
      file("甲.xlsx", "某某县第一小学", many(20, "Q", "yibu", "某某县第一小学")),
      file("甲-补报.xlsx", "某某县第一小学", many(10, "R", "yibu", "某某县第一小学")),
    ],
    enrolment: new Map([["某某县第一小学", 100]]),
    rules: ["county.quota"],
    check: ([i]) => {
      expect(i!.message).toContain(`超出名额 ${Math.floor(yibu.quota!.share * 100)} 人`);
      expect(i!.source).toBe(yibu.quota!.source);
    },
  },
  {
    name: "quota within enrolment: fine; a school missing from the table: warning",
    files: [
      file("甲.xlsx", "某某县第一小学", many(10, "S", "yibu", "某某县第一小学")),
      file("甲-补报.xlsx", "某某县第一小学", many(10, "U", "yibu", "某某县第一小学")),
      file("乙.xlsx", "某某县第二小学", many(3, "V", "yibu", "某某县第二小学")),
    ],
    enrolment: new Map([["某某县第一小学", 100]]),
    rules: ["county.no-enrolment"],
    check: ([i]) => expect(i!.message).toContain("某某县第二小学"),
  },
  {
    name: "seals: modified and unsealed are warnings per file; unchanged is silent",
    files: [
      file("a.xlsx", "一小", [], "unchanged"),
      file("b.xlsx", "二小", [], "modified"),
      file("c.xlsx", "三小", [], "unsealed"),
    ],
    rules: ["county.modified", "county.unsealed"],
    check: (issues) => expect(issues.every((i) => i.severity === "warning")).toBe(true),
  },
  {
    name: "errors come before warnings",
    files: [
      file("a.xlsx", "一小", [person("Z", "yibu", "一小")], "unsealed"),
      file("b.xlsx", "二小", [person("Z", "yibu", "二小")]),
    ],
    rules: ["county.dup-id", "county.unsealed"],
  },
];

describe("countyIssues", () => {
  test.each(cases)("$name", ({ files, enrolment, rules, check }) => {
    const issues = countyIssues(files, { pack, enrolment });
    expect(issues.map((i) => i.rule)).toEqual(rules);
    for (const i of issues) {
      expect(i.message).toMatch(/[\u4e00-\u9fff]/);
      expect(i.hint).not.toBe("");
      expect(i.places.length).toBeGreaterThan(0);
    }
    check?.(issues);
  });

  test("limits come from the pack: a pack allowing 5 nominees accepts 3", () => {
    const wide = {
      ...pack,
      programs: pack.programs.map((p) =>
        p.code !== "aizhu"
          ? p
          : { ...p, limits: p.limits.map((l) => (l.kind === "nominees-per-school" ? { ...l, max: 5 } : l)) },
      ),
    };
    const files = [
      file("a.xlsx", "一中", many(2, "W", "aizhu", "一中")),
      file("b.xlsx", "一中", [person("X9", "aizhu", "一中")]),
    ];
    expect(countyIssues(files, { pack }).map((i) => i.rule)).toEqual(["county.nominees"]);
    expect(countyIssues(files, { pack: wide })).toEqual([]);
  });

  test("placesText names at most six places", () => {
    const places = Array.from({ length: 8 }, (_, i) => ({ file: `${i}.xlsx`, school: "s", sheet: "表", cell: "A1" }));
    expect(placesText(places)).toContain("5.xlsx");
    expect(placesText(places)).not.toContain("6.xlsx");
    expect(placesText(places)).toContain("等 8 处");
  });
});
