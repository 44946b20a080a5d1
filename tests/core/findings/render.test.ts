// One renderer for every catalogue (roster and county): texts by locale, and the finding's own
// source (the pack's clause, in its data) before the entry's.
import { renderFinding } from "../../../src/core/findings/render";
import type { RuleEntry } from "../../../src/core/findings/types";
import { inLocale, problemMessages, texts } from "../../../src/core/locale";

const entry: RuleEntry<{ n: number; source?: string }> = {
  severity: "error",
  source: "通则",
  title: texts("题", "Title"),
  message: (d) => texts(`${d.n} 个`, `${d.n} of them`),
  hint: () => texts("改", "Fix it"),
};

test.each([
  ["zh-CN", { n: 2 }, { message: "2 个", hint: "改", source: "通则" }],
  ["en-US", { n: 2 }, { message: "2 of them", hint: "Fix it", source: "通则" }],
  ["zh-CN", { n: 1, source: "方案8 (三)" }, { message: "1 个", hint: "改", source: "方案8 (三)" }],
  ["zh-CN", { n: 1, source: "" }, { message: "1 个", hint: "改", source: "通则" }],
] as const)("%s, data %j", (locale, data, expected) => {
  expect(renderFinding(entry as RuleEntry<never>, data, locale)).toEqual(expected);
});

test("inLocale: zh-CN unless en-US", () => {
  const t = texts("中", "en");
  expect(inLocale("en-US", t)).toBe("en");
  expect(inLocale("zh-CN", t)).toBe("中");
  expect(inLocale("fr-FR" as never, t)).toBe("中");
});

test("problemMessages: a value that is not a problem, or a code the table does not have, gets the fallback", () => {
  type P = { code: "a"; n: number } | { code: "b" };
  const message = problemMessages<P>(
    { a: (p) => texts(`甲${p.n}`, `A${p.n}`), b: () => texts("乙", "B") },
    texts("无效", "Invalid"),
  );
  expect(message({ code: "a", n: 1 })).toBe("甲1");
  expect(message({ code: "a", n: 1 }, "en-US")).toBe("A1");
  expect(message({ code: "c" } as never, "en-US")).toBe("Invalid");
  expect(message({ code: "toString" } as never)).toBe("无效");
  expect(message(null as never)).toBe("无效");
});
