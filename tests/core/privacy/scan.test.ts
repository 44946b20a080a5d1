import { cellKey, makeGrid, type CellValue, type Grid, type WorkbookData } from "../../../src/core/grid/types";
import { PRIVACY_RULES, scanSheet, scanWorkbook } from "../../../src/core/privacy";
import type { Finding } from "../../../src/core/report/types";

const ID = "11010519491231002X";
const ID_MASKED = "110105********002X";

/** rule @ row,col severity value — the parts a reader checks first. */
function brief(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.rule} @${f.row},${f.col} ${f.severity} ${f.value}`);
}

/** A 公示 as schools post it: title, header, one leak of each kind in 备注 and one in a 学校 cell. */
const NOTICE: CellValue[][] = [
  ["某某县2024年秋季学期家庭经济困难学生生活补助公示"],
  ["序号", "姓名", "学校", "班级", "金额(元)", "备注"],
  [1, "张三", "某某县第一中学", "七(1)班", 1000, ""],
  [2, "李四", "某某镇中心小学", "三(2)班", 312.5, `身份证${ID}`],
  [3, "王五", "某某镇中心小学", "四(1)班", 1000, "家长电话13812345678"],
  [4, "赵六", "某某镇中心小学", "五(1)班", 1000, "卡号6222021234567890128"],
  [5, "钱七", "湖南省湘乡市某某镇某某村3组", "六(1)班", 1000, null],
  [6, "孙八", "某某县第一中学", "八(2)班", "1,004.50", "出生日期：2010-05-01"],
  ["合计", null, null, null, 4316.5, "联系人:教务处 95533 / 400-800-1234"],
  ["公示期:2024年9月2日至9月6日", null, null, null, null, "学校标识码2143001234"],
  ["监督电话:", "0731-5551234", null, "举报电话", "13912345678", null],
];

describe("scanSheet, notice mode", () => {
  it("finds one leak of each kind at its cell, as an error with a masked value", () => {
    const findings = scanSheet(makeGrid("公示", NOTICE), { mode: "notice", headerRow: 1 });
    expect(brief(findings)).toEqual([
      `privacy.id-number @3,5 error ${ID_MASKED}`,
      "privacy.phone @4,5 error 138****5678",
      "privacy.bank-card @5,5 error ***************0128",
      "privacy.address @6,2 error 湖南省湘乡市********",
      "privacy.birth-date @7,5 error 2010-**-**",
    ]);
    expect(findings[0]?.data).toEqual({ kind: "id-number", by: "content", where: "cell", checksumOk: true });
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(PRIVACY_RULES));
  });

  it("reports a whole column meant for personal data, even where the value's shape says nothing", () => {
    const grid = makeGrid("公示", [
      ["姓名", "家庭住址", "出生年月", "银行卡号", "联系电话"],
      ["张三", "某某镇", 40299, "6222021234567890127", 7315551234],
      ["李四", "湖南省****", "2010-**", "****0128", "138****5678"],
    ]);
    expect(brief(scanSheet(grid, { mode: "notice", headerRow: 0 }))).toEqual([
      "privacy.address @1,1 error ***",
      "privacy.birth-date @1,2 error 2010-**-**",
      "privacy.bank-card @1,3 error ***************0127",
      "privacy.phone @1,4 error 0731-***1234",
    ]);
  });

  it("uses the date format of a birth-date cell, and ignores payment dates", () => {
    const grid = makeGrid(
      "公示",
      [
        ["姓名", "出生日期", "发放日期"],
        ["张三", 40299, 45536],
      ],
      {
        formats: new Map([
          [cellKey(1, 1), "yyyy-mm-dd"],
          [cellKey(1, 2), "yyyy-mm-dd"],
        ]),
      },
    );
    expect(brief(scanSheet(grid, { mode: "notice", headerRow: 0 }))).toEqual([
      "privacy.birth-date @1,1 error 2010-**-**",
    ]);
  });

  it("takes column fields as given, scanning the header and title rows for content only", () => {
    const grid = makeGrid("公示", [["家庭住址 联系人13812345678"], ["姓名", "地点"], ["张三", "某某镇"]]);
    const findings = scanSheet(grid, { mode: "notice", headerRow: 1, columnFields: ["name", "address"] });
    expect(brief(findings)).toEqual(["privacy.phone @0,0 error 138****5678", "privacy.address @2,1 error ***"]);
  });

  it("without a header row or fields, scans content only", () => {
    const grid = makeGrid("公示", [
      ["家庭住址", "身份证号"],
      ["某某镇", "991234194912310021"],
      ["某某镇", ID],
    ]);
    expect(brief(scanSheet(grid, { mode: "notice" }))).toEqual([`privacy.id-number @2,1 error ${ID_MASKED}`]);
  });

  it("skips the rows it is told to skip", () => {
    const grid = makeGrid("公示", NOTICE);
    const findings = scanSheet(grid, { mode: "notice", headerRow: 1, skipRows: new Set([3, 4, 5]) });
    expect(findings.map((f) => f.row)).toEqual([6, 7]);
  });

  it("a repeated header row is not data", () => {
    const grid = makeGrid("公示", [
      ["姓名", "家庭住址"],
      ["张三", "某某镇"],
      ["姓名", "家庭住址"],
    ]);
    expect(scanSheet(grid, { mode: "notice", headerRow: 0 }).map((f) => f.row)).toEqual([1]);
  });

  it("marks cells in hidden rows and columns", () => {
    const grid = makeGrid(
      "公示",
      [
        ["姓名", "备注"],
        ["张三", ID],
      ],
      { hiddenColumns: new Set([1]) },
    );
    expect(scanSheet(grid, { mode: "notice", headerRow: 0 })[0]?.data).toMatchObject({ hidden: true, where: "cell" });
  });

  it("a clean notice has no findings", () => {
    // The 备注 leaks removed; the 合计 row's hotlines and the 监督电话 row stay.
    const clean = NOTICE.map((row, r) => row.map((v, c) => (c === 5 && r >= 3 && r <= 7 ? "" : v)));
    clean[6] = [5, "钱七", "某某镇中心小学", "六(1)班", 1000, null];
    expect(scanSheet(makeGrid("公示", clean), { mode: "notice", headerRow: 1 })).toEqual([]);
  });
});

/** A roster: personal data in its own columns, and some where it does not belong. */
const ROSTER: CellValue[][] = [
  ["姓名", "身份证号", "联系电话", "家庭住址", "出生日期", "银行卡号", "学籍号", "备注"],
  ["张三", ID, "13812345678", "湖南省湘乡市某某镇某某村3组", "2010-05-01", "6222021234567890128", `G${ID}`, ""],
  ["李四", "110105194912310021", 13912345678, "某某镇", 40299, "6222021234567890127", null, "母亲电话13987654321"],
  [`王五${ID}`, null, null, null, null, null, null, null],
];

describe("scanSheet, roster and inventory modes", () => {
  it("roster: silent in the column meant for the data, a warning anywhere else", () => {
    const findings = scanSheet(makeGrid("花名册", ROSTER), { mode: "roster", headerRow: 0 });
    expect(brief(findings)).toEqual([
      "privacy.phone @2,7 warning 139****4321",
      `privacy.id-number @3,0 warning ${ID_MASKED}`,
    ]);
  });

  it("roster: columns found through a merged group header (监护人 › 身份证号)", () => {
    const grid = makeGrid(
      "花名册",
      [
        ["姓名", "监护人", null],
        [null, "姓名", "身份证号"],
        ["张三", "张大", ID],
      ],
      { merges: [{ top: 0, left: 1, bottom: 0, right: 2 }] },
    );
    expect(scanSheet(grid, { mode: "roster", headerRow: 1 })).toEqual([]);
  });

  it("inventory: everything found is a warning", () => {
    const findings = scanSheet(makeGrid("花名册", ROSTER), { mode: "inventory", headerRow: 0 });
    expect(findings.every((f) => f.severity === "warning")).toBe(true);
    expect(brief(findings)).toEqual([
      `privacy.id-number @1,1 warning ${ID_MASKED}`,
      "privacy.phone @1,2 warning 138****5678",
      "privacy.address @1,3 warning 湖南省湘乡市********",
      "privacy.birth-date @1,4 warning 2010-**-**",
      "privacy.bank-card @1,5 warning ***************0128",
      `privacy.id-number @1,6 warning ${ID_MASKED}`,
      "privacy.id-number @2,1 warning 110105********0021",
      "privacy.phone @2,2 warning 139****5678",
      "privacy.address @2,3 warning ***",
      "privacy.birth-date @2,4 warning 2010-**-**",
      "privacy.bank-card @2,5 warning ***************0127",
      "privacy.phone @2,7 warning 139****4321",
      `privacy.id-number @3,0 warning ${ID_MASKED}`,
    ]);
    expect(findings[6]?.data).toMatchObject({ checksumOk: false });
    expect(findings[10]?.data).toMatchObject({ by: "column", checksumOk: false });
  });

  it("numbers that lost their digits say so", () => {
    const grid = makeGrid("花名册", [
      ["姓名", "身份证号"],
      ["张三", 4.40524198001011e17],
    ]);
    const [finding] = scanSheet(grid, { mode: "inventory", headerRow: 0 });
    expect(finding).toMatchObject({ rule: "privacy.id-number", value: "440524********1000" });
    expect(finding?.data).toMatchObject({ precisionLost: true });
  });
});

function workbook(sheets: Grid[], properties: Record<string, string> = {}): WorkbookData {
  return { sheets, properties };
}

describe("scanWorkbook", () => {
  const notice = makeGrid(
    "公示",
    [
      ["姓名", "金额"],
      ["张三", 1000],
    ],
    {
      notes: [{ row: 1, col: 0, text: `核对:身份证${ID}` }],
      headerFooter: ['&L&"宋体,常规"&12联系电话:0731-5551234&R第&P页', "&C某某县教育局"],
    },
  );
  const hidden = makeGrid(
    "原始数据",
    [
      ["姓名", "身份证号"],
      ["张三", ID],
    ],
    { state: "hidden" },
  );
  const veryHidden = makeGrid("备份", [["张三 13812345678"]], { state: "veryHidden" });
  const properties = {
    title: "2024年秋季学期资助公示",
    subject: "某某县城关镇解放路12号",
    keywords: "资助,公示",
    comments: "联系人13812345678",
    creator: "张三",
    custom: ID,
  };

  it("notice mode: hidden sheets, notes, page headers and properties, all errors", () => {
    const findings = scanWorkbook(workbook([notice, hidden, veryHidden], properties), { mode: "notice" });
    expect(findings.map((f) => [f.rule, f.sheet, f.row, f.col, f.severity, f.value, f.data])).toEqual([
      [
        "privacy.id-number",
        "公示",
        1,
        0,
        "error",
        ID_MASKED,
        { kind: "id-number", by: "content", where: "note", checksumOk: true },
      ],
      [
        "privacy.phone",
        "公示",
        -1,
        -1,
        "error",
        "0731-***1234",
        { kind: "phone", by: "content", where: "header-footer" },
      ],
      [
        "privacy.id-number",
        "原始数据",
        1,
        1,
        "error",
        ID_MASKED,
        { kind: "id-number", by: "content", where: "hidden-sheet", sheetState: "hidden", checksumOk: true },
      ],
      [
        "privacy.phone",
        "备份",
        0,
        0,
        "error",
        "138****5678",
        { kind: "phone", by: "content", where: "hidden-sheet", sheetState: "veryHidden" },
      ],
      [
        "privacy.address",
        "",
        -1,
        -1,
        "error",
        "某某县*********",
        { kind: "address", by: "content", where: "property", property: "subject" },
      ],
      [
        "privacy.phone",
        "",
        -1,
        -1,
        "error",
        "138****5678",
        { kind: "phone", by: "content", where: "property", property: "comments" },
      ],
      [
        "privacy.id-number",
        "",
        -1,
        -1,
        "error",
        ID_MASKED,
        { kind: "id-number", by: "content", where: "property", property: "custom", checksumOk: true },
      ],
    ]);
  });

  it("roster mode: a hidden sheet's ID column is a warning, the visible roster's is not reported", () => {
    const roster = makeGrid("花名册", [
      ["姓名", "身份证号"],
      ["李四", ID],
    ]);
    const findings = scanWorkbook(workbook([roster, hidden]), {
      mode: "roster",
      sheets: new Map([
        ["花名册", { headerRow: 0 }],
        ["原始数据", { headerRow: 0 }],
      ]),
    });
    expect(brief(findings)).toEqual([`privacy.id-number @1,1 warning ${ID_MASKED}`]);
    expect(findings[0]?.sheet).toBe("原始数据");
  });

  it("per-sheet options: mode and column fields", () => {
    const roster = makeGrid("花名册", [
      ["姓名", "证件"],
      ["李四", ID],
    ]);
    const sheets = new Map([
      ["花名册", { mode: "roster" as const, headerRow: 0, columnFields: ["name", "idNumber"] as const }],
    ]);
    const findings = scanWorkbook(workbook([roster, makeGrid("公示", [["李四", ID]])]), { mode: "notice", sheets });
    expect(findings.map((f) => `${f.sheet} ${f.severity}`)).toEqual(["公示 error"]);
  });

  it("an empty workbook has no findings", () => {
    expect(scanWorkbook(workbook([]), { mode: "notice" })).toEqual([]);
  });
});

describe("scanSheet: labels say what a value is (issue 11)", () => {
  const BORN = 40299; // 2010-05-01
  const PAID = 46266; // 2026-09-01
  const ISO = "yyyy-mm-dd";

  /** Grid with the given date-formatted cells. */
  function dated(rows: CellValue[][], cells: readonly [number, number][], format = ISO): Grid {
    return makeGrid("公示", rows, { formats: new Map(cells.map(([r, c]) => [cellKey(r, c), format])) });
  }

  it("birth dates stored as dates under a 出生日期 header, with no header row given; payment dates are not", () => {
    const grid = dated(
      [
        ["某某县2026年秋季学期学生资助公示"],
        ["序号", "姓名", "出生日期", "发放日期", "金额"],
        [1, "张三", BORN, PAID, 1250],
        [2, "李四", 40983, PAID, 2000],
        [3, "王五", null, PAID, 2000],
      ],
      [2, 3, 4].flatMap((r) => [[r, 2] as [number, number], [r, 3] as [number, number]]),
    );
    const findings = scanSheet(grid, { mode: "notice" });
    expect(brief(findings)).toEqual([
      "privacy.birth-date @2,2 error 2010-**-**",
      "privacy.birth-date @3,2 error 2012-**-**",
    ]);
    expect(findings[0]?.data).toEqual({ kind: "birth-date", by: "column", where: "cell" });
  });

  it.each<[string, CellValue[][], readonly [number, number][], string[]]>([
    ["right of 出生日期", [["姓名", "张三", "出生日期", BORN]], [[0, 3]], ["@0,3"]],
    ["right of 出生日期：, a blank between", [["出生日期：", null, BORN]], [[0, 2]], ["@0,2"]],
    ["below 出生", [["出生"], [BORN]], [[1, 0]], ["@1,0"]],
    ["under 出生年月, a few blanks between", [["出生年月"], [null], [null], [BORN]], [[3, 0]], ["@3,0"]],
    ["packed 20100501 beside 出生年月日", [["出生年月日", 20100501]], [], ["@0,1"]],
    ["a year beside 出生年份", [["出生年份", 2010]], [], ["@0,1"]],
    ["text beside 出生日期", [["出生日期", "2010-05-01"]], [], ["@0,1"]],
    ["too far below its label", [["出生日期"], [null], [null], [null], [null], [null], [null], [BORN]], [[7, 0]], []],
    [
      "beside 发放日期 under a 出生日期 column",
      [
        ["出生日期", null],
        ["2010-**", null],
        ["发放日期", PAID],
      ],
      [[2, 1]],
      [],
    ],
    [
      "beside 日期：, under a 出生日期 column",
      [
        [null, "出生日期"],
        [null, "2010-**"],
        ["日期：", PAID],
      ],
      [[2, 1]],
      [],
    ],
    ["under a label that is not 出生", [["出生地"], [BORN]], [[1, 0]], []],
    ["under 出生日期, then a name", [["出生日期"], ["张三"], [BORN]], [[2, 0]], []],
    ["a serial shown as a number", [["出生日期", BORN]], [], []],
    ["an amount beside 出生人口", [["出生人口", 1234]], [], []],
    ["a date with no label", [[PAID]], [[0, 0]], []],
  ])("birth date %s", (_label, rows, cells, expected) => {
    const findings = scanSheet(dated(rows, cells), { mode: "notice" });
    expect(findings.map((f) => `@${f.row},${f.col}`)).toEqual(expected);
    expect(findings.every((f) => f.rule === "privacy.birth-date")).toBe(true);
  });

  it("a card failing Luhn under 卡号 / 账号, or right of 银行卡号：, with no header row given", () => {
    const grid = makeGrid("公示", [
      ["姓名", "卡号", "账号", "备注"],
      ["张三", "6217000012345678903", "6230 5800 0012 3456 789", "6217000012345678901"],
      ["李四", "****8901", "6217 **** **** 8902", "银行卡号："],
      ["银行卡号：", "6217000012345678901", null, null],
    ]);
    const findings = scanSheet(grid, { mode: "notice" });
    expect(brief(findings)).toEqual([
      "privacy.bank-card @1,1 error ***************8903",
      "privacy.bank-card @1,2 error ***************6789",
      "privacy.bank-card @3,1 error ***************8901",
    ]);
    expect(findings[0]?.data).toEqual({ kind: "bank-card", by: "column", where: "cell", checksumOk: false });
  });

  it("roster mode: a birth date or card under its own label is where it belongs; on a hidden sheet it warns", () => {
    const rows: CellValue[][] = [
      ["姓名", "出生日期", "卡号"],
      ["张三", BORN, "6217000012345678903"],
    ];
    const visible = dated(rows, [[1, 1]]);
    expect(scanSheet(visible, { mode: "roster" })).toEqual([]);
    const hidden = { ...visible, state: "hidden" as const };
    expect(brief(scanSheet(hidden, { mode: "roster" }))).toEqual([
      "privacy.birth-date @1,1 warning 2010-**-**",
      "privacy.bank-card @1,2 warning ***************8903",
    ]);
    expect(scanSheet(visible, { mode: "inventory" }).map((f) => f.severity)).toEqual(["warning", "warning"]);
  });
});

describe("scanWorkbook: properties with any name, notes and page headers (issue 11)", () => {
  /** What a reader of docProps/custom.xml, or of a streamed file's notes and headers, hands over. */
  const read: WorkbookData = {
    sheets: [
      makeGrid(
        "公示",
        [
          ["姓名", "金额"],
          ["张三", 1250],
        ],
        {
          notes: [{ row: 1, col: 0, text: "家长电话 021-6234 5678" }],
          headerFooter: ['&L&"宋体,常规"联系人 +86 10 6123 4567&R第&P页', "&C监督电话：0371 6512 3456"],
        },
      ),
    ],
    properties: {
      title: "2026年秋季学期资助公示",
      联系电话: "13812345678",
      "custom:银行卡号": "6217000012345678901",
      出生日期: "2010-05-01T00:00:00Z",
      经办人: "张三",
      监督电话: "0731-5551234",
      发布日期: "2026-09-01",
      备用: "0086 188 1234 1234",
    },
  };

  it("reports each, masked, with the property's name", () => {
    const findings = scanWorkbook(read, { mode: "notice" });
    expect(findings.map((f) => [f.rule, f.row, f.col, f.value, f.data.where, f.data.property ?? null])).toEqual([
      ["privacy.phone", 1, 0, "021-****5678", "note", null],
      ["privacy.phone", -1, -1, "010-****4567", "header-footer", null],
      ["privacy.phone", -1, -1, "138****5678", "property", "联系电话"],
      ["privacy.bank-card", -1, -1, "***************8901", "property", "custom:银行卡号"],
      ["privacy.birth-date", -1, -1, "2010-**-**", "property", "出生日期"],
      ["privacy.phone", -1, -1, "188****1234", "property", "备用"],
    ]);
    expect(findings[3]?.data).toMatchObject({ by: "column", checksumOk: false });
  });

  it("a property named after a number does not show the number", () => {
    const findings = scanWorkbook(
      { sheets: [], properties: { "13812345678": "张三", 身份证号: 110105491231002 as unknown as string } },
      { mode: "inventory" },
    );
    expect(findings.map((f) => [f.rule, f.value, f.data.property])).toEqual([
      ["privacy.phone", "138****5678", "***********"],
      ["privacy.id-number", "110105*****1002", "身份证号"],
    ]);
  });
});
