/**
 * The small parts of an .xlsx package and how they point at each other (Open Packaging
 * Conventions): relationships, the workbook (sheets, states, date system), styles (number formats
 * per cell style), shared strings, comments and document properties. Shared by the in-memory and
 * the streaming reader. Browser-safe.
 *
 * Parts are found the way Excel finds them, through relationships, never by a fixed name: writers
 * put sheets at xl/worksheets/data.xml or under other folders, use absolute targets
 * (/xl/worksheets/sheet1.xml), Strict OOXML relationship types (purl.oclc.org), or leave out the
 * styles and shared-strings parts altogether.
 */
import { ZH_CN_BUILTIN_FORMATS, isDateFormat } from "./cells";
import { type XmlHandler, decodeXstring, prefixedAttribute } from "./xml";

export interface Relationship {
  id: string;
  /** The relationship type's last path segment: "worksheet", "sharedStrings", "comments"… */
  kind: string;
  /** The target part's name in the zip (resolved, no leading slash), or null for an external target. */
  part: string | null;
}

/** The folder of a part ("xl/worksheets/" for "xl/worksheets/sheet1.xml"; "" at the root). */
function folderOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return slash === -1 ? "" : part.slice(0, slash + 1);
}

/** The relationships part of a part: xl/worksheets/_rels/sheet1.xml.rels; _rels/.rels for the package. */
export function relsPartOf(part: string): string {
  const folder = folderOf(part);
  return `${folder}_rels/${part.slice(folder.length)}.rels`;
}

/** Resolves a relationship target against its source part: relative, absolute (/xl/…) or percent-encoded. */
export function resolveTarget(sourcePart: string, target: string): string {
  let path = target.replace(/\\/g, "/");
  try {
    path = decodeURIComponent(path);
  } catch {
    // A stray % is a literal character in the part name.
  }
  const segments = (path.startsWith("/") ? path : folderOf(sourcePart) + path).split("/");
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") out.pop();
    else out.push(segment);
  }
  return out.join("/");
}

/** Handler collecting the <Relationship> elements of a .rels part. */
export class RelsParser implements XmlHandler {
  readonly rels: Relationship[] = [];
  constructor(private readonly sourcePart: string) {}
  open(name: string, a: Readonly<Record<string, string>>): void {
    if (name !== "Relationship" || a.Id === undefined || a.Target === undefined) return;
    const type = a.Type ?? "";
    const external = (a.TargetMode ?? "").toLowerCase() === "external";
    this.rels.push({
      id: a.Id,
      kind: type.slice(type.lastIndexOf("/") + 1),
      part: external ? null : resolveTarget(this.sourcePart, a.Target),
    });
  }
  text(): void {}
  close(): void {}
}

export interface SheetEntry {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  relId: string;
}

function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

/** Handler reading xl/workbook.xml: the sheets in workbook order and the date system. */
export class WorkbookParser implements XmlHandler {
  readonly sheets: SheetEntry[] = [];
  date1904 = false;
  open(name: string, a: Readonly<Record<string, string>>): void {
    if (name === "workbookPr") this.date1904 = isTrue(a.date1904);
    else if (name === "sheet" && a.name !== undefined) {
      const relId = prefixedAttribute(a, "id");
      if (relId === undefined) return;
      const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
      this.sheets.push({ name: a.name, state, relId });
    }
  }
  text(): void {}
  close(): void {}
}

/**
 * Built-in number formats (ECMA-376 Part 1, §18.8.30), as an en-US Excel names them, plus those a
 * zh-CN Excel defines (27–36, 50–58). Id 14 is the locale's short date; the standard writes it
 * "mm-dd-yy". Currency ids 5–8 and 41–44 depend on the locale and are not recorded.
 */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  ...ZH_CN_BUILTIN_FORMATS,
};

/** Handler reading xl/styles.xml: the number format of each cell style (cellXfs index). */
export class StylesParser implements XmlHandler {
  private readonly custom = new Map<number, string>();
  /** Custom format codes as written, escapes included (what tells a date format). */
  private readonly written = new Map<number, string>();
  private readonly xfFormatIds: number[] = [];
  private inCellXfs = false;
  open(name: string, a: Readonly<Record<string, string>>): void {
    if (name === "numFmt" && a.numFmtId !== undefined && a.formatCode !== undefined) {
      // Backslash escapes are dropped (yyyy\-mm\-dd → yyyy-mm-dd), as ExcelJS reported them.
      this.custom.set(Number(a.numFmtId), a.formatCode.replace(/\\(.)/g, "$1"));
      this.written.set(Number(a.numFmtId), a.formatCode);
    } else if (name === "cellXfs") this.inCellXfs = true;
    else if (name === "xf" && this.inCellXfs) this.xfFormatIds.push(Number(a.numFmtId ?? 0));
  }
  text(): void {}
  close(name: string): void {
    if (name === "cellXfs") this.inCellXfs = false;
  }

  /** The format code of cell style `styleId`, or undefined (General, unknown id, no styles part). */
  format(styleId: number): string | undefined {
    const id = this.xfFormatIds[styleId];
    if (id === undefined || id === 0) return undefined;
    return this.custom.get(id) ?? BUILTIN_FORMATS[id];
  }

  /** Whether cell style `styleId` has a date format, judged on the code as written (`0.0\h` is not). */
  isDate(styleId: number): boolean {
    const id = this.xfFormatIds[styleId];
    if (id === undefined || id === 0) return false;
    const code = this.written.get(id) ?? BUILTIN_FORMATS[id];
    return code !== undefined && isDateFormat(code);
  }
}

/**
 * Collects the text of rich-text runs (<t> inside <si>, <is>, <comment><text>), leaving out
 * phonetic guides (<rPh>), which Excel does not show as the cell's text.
 */
class RunText {
  private inPhonetic = false;
  private inText = false;
  /** The text of the current <t>, decoded (`_x000D_` escapes) when it closes, as ExcelJS decodes each <t>. */
  private run = "";
  value = "";
  open(name: string): void {
    if (name === "rPh") this.inPhonetic = true;
    else if (name === "t" && !this.inPhonetic) {
      this.inText = true;
      this.run = "";
    }
  }
  text(value: string): void {
    if (this.inText) this.run += value;
  }
  close(name: string): void {
    if (name === "rPh") this.inPhonetic = false;
    else if (name === "t" && this.inText) {
      this.inText = false;
      this.value += decodeXstring(this.run);
      this.run = "";
    }
  }
}

/** Handler reading xl/sharedStrings.xml into the list of texts. */
export class SharedStringsParser implements XmlHandler {
  readonly strings: string[] = [];
  private run: RunText | null = null;
  open(name: string): void {
    if (name === "si") this.run = new RunText();
    else this.run?.open(name);
  }
  text(value: string): void {
    this.run?.text(value);
  }
  close(name: string): void {
    if (name === "si" && this.run) {
      this.strings.push(this.run.value);
      this.run = null;
    } else this.run?.close(name);
  }
}

/** Handler reading a comments part (the notes of one sheet). */
export class CommentsParser implements XmlHandler {
  readonly comments: { ref: string; text: string }[] = [];
  private ref: string | null = null;
  private run: RunText | null = null;
  open(name: string, a: Readonly<Record<string, string>>): void {
    if (name === "comment") this.ref = a.ref ?? null;
    else if (name === "text" && this.ref !== null) this.run = new RunText();
    else this.run?.open(name);
  }
  text(value: string): void {
    this.run?.text(value);
  }
  close(name: string): void {
    if (name === "text" && this.run && this.ref !== null) {
      this.comments.push({ ref: this.ref, text: this.run.value });
      this.run = null;
    } else if (name === "comment") this.ref = null;
    else this.run?.close(name);
  }
}

/** Document properties read from docProps/core.xml (Dublin Core) and docProps/app.xml, by our key. */
const PROPERTY_ELEMENTS: Readonly<Record<string, string>> = {
  title: "title",
  subject: "subject",
  creator: "creator",
  keywords: "keywords",
  description: "description",
  category: "category",
  lastModifiedBy: "lastModifiedBy",
  contentStatus: "contentStatus",
  language: "language",
  Company: "company",
  Manager: "manager",
};

/** Handler collecting document properties (top-level text elements of core.xml and app.xml). */
export class PropertiesParser implements XmlHandler {
  readonly properties: Record<string, string> = {};
  private depth = 0;
  private key: string | null = null;
  private value = "";
  open(name: string): void {
    this.depth++;
    // Only direct children of the root (<cp:coreProperties>, <Properties>): app.xml nests vectors.
    this.key = this.depth === 2 ? (PROPERTY_ELEMENTS[name] ?? null) : null;
    this.value = "";
  }
  text(value: string): void {
    if (this.key) this.value += value;
  }
  close(): void {
    if (this.key && this.depth === 2 && this.value.trim() !== "") this.properties[this.key] = this.value;
    this.key = null;
    this.depth--;
  }
}

/**
 * Handler for docProps/custom.xml (文件 → 属性 → 自定义): <property name="联系电话"><vt:lpwstr>…</…>.
 * Names are whatever the author typed, so each is kept under "custom:NAME" (the privacy scanner reads
 * the name as a label), apart from the core keys.
 */
export class CustomPropertiesParser implements XmlHandler {
  readonly properties: Record<string, string> = {};
  private depth = 0;
  private name: string | null = null;
  private value = "";
  open(name: string, a: Readonly<Record<string, string>>): void {
    this.depth++;
    if (this.depth === 2 && name === "property") {
      this.name = a.name ?? null;
      this.value = "";
    }
  }
  text(value: string): void {
    if (this.name !== null && this.depth >= 3) this.value += value;
  }
  close(): void {
    if (this.depth === 2 && this.name !== null) {
      if (this.name.trim() !== "" && this.value.trim() !== "") this.properties[`custom:${this.name}`] = this.value;
      this.name = null;
    }
    this.depth--;
  }
}
