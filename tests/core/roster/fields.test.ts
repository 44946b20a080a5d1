import {
  FIELDS,
  FIELD_KEYS,
  fieldDef,
  fieldLabel,
  isFieldKey,
  resolveField,
  type FieldKey,
} from "../../../src/core/roster";
import fieldsJson from "../../../src/core/roster/fields.json";

describe("FIELDS", () => {
  it("has one definition per key, each with a Chinese and an English name", () => {
    const keys = FIELDS.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(56);
    for (const f of FIELDS) {
      expect(f.zh).not.toBe("");
      expect(f.en).not.toBe("");
    }
  });

  it("maps every Chinese name, alias, key and English name back to its own field (no alias is shared)", () => {
    for (const f of FIELDS) {
      for (const header of [f.zh, ...f.aliases, f.key, f.en, f.en.toUpperCase(), f.key.toLowerCase()]) {
        expect([header, resolveField(header)?.key]).toEqual([header, f.key]);
      }
    }
  });

  it("is fields.json: the same keys, in FIELD_KEYS order, each for students, teachers, both or 帮扶 ledgers (pairing)", () => {
    expect(Object.keys(fieldsJson)).toEqual([...FIELD_KEYS]);
    expect(FIELDS.map((f) => f.key)).toEqual([...FIELD_KEYS]);
    for (const f of Object.values(fieldsJson))
      expect(["students", "teachers", "both", "pairing"]).toContain(f.audience);
  });

  it("is frozen", () => {
    expect(Object.isFrozen(FIELDS)).toBe(true);
    expect(Object.isFrozen(fieldDef("name").aliases)).toBe(true);
  });
});

describe("fieldDef / fieldLabel", () => {
  test.each<[FieldKey, string, string]>([
    ["name", "姓名", "Name"],
    ["idNumber", "身份证号", "ID number"],
    ["amount", "金额", "Amount"],
    ["guardianId", "监护人身份证号", "Guardian ID number"],
    ["kindergartenType", "幼儿园类型", "Kindergarten type"],
    ["visits", "走访次数", "Visits"],
    ["dropoutRisk", "是否面临失学辍学", "Dropout risk"],
    ["inPost", "是否在岗", "In post"],
    ["serial", "序号", "Serial"],
  ])("%s → %s / %s", (key, zh, en) => {
    expect(fieldDef(key).key).toBe(key);
    expect(fieldLabel(key)).toBe(zh);
    expect(fieldLabel(key, "zh-CN")).toBe(zh);
    expect(fieldLabel(key, "en-US")).toBe(en);
  });

  it("gives untyped callers a placeholder instead of undefined", () => {
    expect(fieldLabel("nope" as FieldKey)).toBe("nope");
    expect(fieldDef(42 as unknown as FieldKey).zh).toBe("number");
    expect(isFieldKey("name")).toBe(true);
    expect(isFieldKey("Name")).toBe(false);
    expect(isFieldKey(null)).toBe(false);
  });

  test.each<[FieldKey, "students" | "teachers" | "both"]>([
    ["name", "both"],
    ["boarding", "students"],
    ["debt", "teachers"],
    ["hardshipTier", "teachers"],
    ["kindergartenType", "students"],
  ])("%s is for %s", (key, audience) => {
    expect(fieldDef(key).audience).toBe(audience);
  });
});
