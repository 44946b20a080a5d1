// The host stand-in must be installed before the functions module runs its associate() calls.
import "./custom-functions-host";
import "../../functions/functions";
import { functionsContext, provideContext } from "../../functions/context";
import { parseDateInput, conflictText } from "../core";
import { loadFunctionMetadata, type FunctionMetadata } from "./metadata";
import { runBatch, runFn, UsageError } from "./commands/fn";
import { policyCommand } from "./commands/policy";
import { checkCommand, privacyCommand } from "./commands/check";
import { SHEET_WORDS, sheetsCommand, verifyCommand, type SheetCommand } from "./commands/sheets";
import { cliOptions, parseArgv } from "./args";
import { RecipeOverrides } from "../automation/recipes/run";
import { runCommand } from "./commands/run";
import { batchCommand } from "./commands/batch";
import { localIsoNow } from "./commands/sheets";
import { packFor } from "./pack-file";
import { WorkbookLoadError } from "../adapters/xlsx/load-error";
import { calendarCommand, defaultCalendarDir, loadUserCalendar, type UserCalendar } from "./commands/calendar";

declare const ZIZHU_VERSION: string;

const HELP = `资助助手 zizhu ${ZIZHU_VERSION} — 资助花名册的命令行工具（离线运行，数据不出本机）

用法 Usage:
  zizhu fn NAME ARG...            调用自定义函数 ZIZHU.NAME，以 JSON 输出结果
                                  Call custom function ZIZHU.NAME, print the result as JSON
  zizhu fn NAME --batch FILE      FILE 每行一个 JSON 参数数组，逐行输出结果（FILE 为 - 时读标准输入）
                                  One JSON array of arguments per line; one JSON result per line
  zizhu fn --list                 列出全部函数 List the functions
  zizhu check FILE                校验花名册（.xlsx / .csv）：身份证号、银行卡、资格、金额、名额、隐私
                                  Check a roster against the policy pack and the privacy rules
      [--sheet 名称] [--kind students|teachers|notice|pairs|records|scores] [--program 项目] [--enrolled 在校人数]
      [--json OUT|-] [--report OUT.xlsx]
      一对一帮扶：工作簿中有帮联台账、帮扶记录、学困生成绩表时一并校验（结对覆盖、帮扶人数、资助金额、走访次数、
      重复结对、记录对不上台账、记录日期）；[--against 资助花名册.xlsx] 另给花名册核对建档立卡学生是否全部结对，
      [--year YYYY] 台账年度（默认取标题中的年份）
  zizhu privacy FILE [--json OUT|-]  查找所有工作表、批注、页眉页脚、文档属性中的个人信息
  zizhu format FILE --out OUT.xlsx   格式化花名册：原工作簿的副本，加入“花名册（格式化）”（A4 横向、表头每页重复）
  zizhu summary FILE --out OUT.xlsx  汇总表：原工作簿的副本，加入按项目/学段/困难类型的“汇总表”（公式引用原花名册）
  zizhu notice FILE --out OUT.xlsx   公示表：只含公示表的新工作簿（不含身份证号、银行卡号、电话、住址）
      [--start YYYY-MM-DD] [--days 5] [--contact 监督电话等]   公示开始日（默认今天）、工作日天数（默认 5）
  zizhu forms FILE --out OUT.xlsx    申请表：原工作簿的副本，加入每人一页的“申请表”（有“申请表模板”工作表时按模板）
  zizhu awards FILE --out OUT.xlsx   进步奖名单：原工作簿的副本，加入按学困生成绩表名次变化评定的“进步奖名单”和爱心工程奖
  zizhu pair-summary FILE --out OUT.xlsx  帮扶记录汇总：原工作簿的副本，加入每对帮扶的走访次数、资助金额和是否达标
  zizhu seal FILE --out OUT.xlsx     校验通过后加入深度隐藏的“校验凭证”（花名册内容的 SHA-256 摘要）；有错误时不写文件
  zizhu export FILE --out OUT.xlsx [--mapping MAP.json]  报送格式：按映射（默认通用格式）生成只含报送表的新工作簿
      --mapping 帮联台账（或 --kind pairs）：按内置“帮联结对情况”格式导出工作簿中的帮联台账
      以上命令都可用 [--sheet 名称] [--kind students|teachers|notice] [--program 项目] [--enrolled 在校人数]
      [--title 标题] [--unit 填报单位]；--out 不能是输入文件本身（从不覆盖原文件）
  zizhu run 流程 FILE... [--out 文件夹]  运行流程（内置“学期报送”“公示前检查”“帮联报送”，或流程 JSON/YAML 文件）：每个文件
                                  得到新的结果工作簿和单独的公示表文件；原文件只读（默认输出到 ./zizhu-结果）
  zizhu batch DIR --out 文件夹     县级批量校验：DIR 下（含子文件夹）所有 .xlsx/.csv 花名册并行校验，再做跨校核对
      [--jobs N] [--enrolment 在校人数.csv] [--pack FILE] [--today YYYY-MM-DD]
      输出 县级汇总.xlsx、report.json；内容未改动的文件再次运行时跳过（缓存 .zizhu-cache.json）
  zizhu verify FILE               核对校验凭证：已校验且未改动（退出码 0）/ 校验后已修改、未校验（1）/ 无法读取（2）
  zizhu calendar import FILE      导入国务院办公厅的放假通知（粘贴成 .txt，或 .docx）：读出当年的放假日和调休上班日，
      [--year YYYY] [--out FILE]  核对后保存到放假安排文件夹（默认 ~/.zizhu/calendar，可用 ZIZHU_CALENDAR_DIR 指定）；
                                  --out 另存为文件（供 --calendar 使用）；通知中没有年份时用 --year 指定
  zizhu calendar list             已收录的年份：内置数据、导入的通知（文件、标题）及冲突
  zizhu policy list               列出政策包中的资助项目 List the programs of the policy pack
  zizhu policy show CODE          一个项目的条件、标准、名额及出处 One program in full, with sources
  zizhu policy check PACK.json    校验自定义政策包 Validate a user policy pack
  zizhu --help | --version

选项 Options:
  --today YYYY-MM-DD              把“今天”固定为某日（默认本机当天；也可用环境变量 ZIZHU_TODAY）
  --pack FILE                     使用自定义政策包（可用 "extends" 在种子包基础上修改）；默认种子包
  --calendar FILE                 另加一份放假安排（zizhu calendar import --out 写出的文件，或 holiday-cn 的年份文件）；
                                  默认读取放假安排文件夹；与内置数据冲突时按内置数据计算

参数 Arguments: 不超过 15 位有效数字的普通数字按数字传入，TRUE/FALSE 按逻辑值，其余按文本
  （所以 110105194912310021 按文本传入，与文本格式单元格一致）。--batch 中按 JSON 类型传入。
  日期以 Excel 日期序列号输入输出（1900 日期系统），也可输入 2026-10-01 这样的文本。

退出码 Exit codes: 0 成功/无错误；1 函数返回错误、花名册有错误、或 verify 发现改动/未校验；
  2 无法运行（文件不可读、不是普通文件、文件过大、用法错误，或意外错误）。从不覆盖输入文件。

示例 Examples:
  zizhu fn ID_ERROR 110105194912310021
  zizhu fn RMB 1004.5
  zizhu fn NOTICE_END 2026-09-28 5
  zizhu fn AMOUNT 一补 学段 初中 是否寄宿 否
  zizhu check samples/一补花名册-问题示例.xlsx --report 校验结果.xlsx
  zizhu check samples/帮扶台账-问题示例.xlsx
  zizhu policy show 省级特困教师
  zizhu notice 花名册.xlsx --out 公示表.xlsx --start 2026-09-28 --contact "学校资助办"
  zizhu seal 花名册.xlsx --out 花名册-已校验.xlsx && zizhu verify 花名册-已校验.xlsx
  zizhu run 学期报送 花名册.xlsx --out 本学期
  zizhu batch 各校报送 --out 县级汇总 --enrolment 在校人数.csv
`;

function fixToday(text: string | undefined): void {
  if (text === undefined || text === "") return;
  const d = parseDateInput(text);
  if (!d.ok) throw new UsageError(`--today 不是有效日期：${text}（应为 YYYY-MM-DD）`);
  provideContext({ today: () => d.date });
}

function listFunctions(metadata: readonly FunctionMetadata[]): string {
  return metadata
    .map((m) => {
      const params = m.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
      return `ZIZHU.${m.id}(${params})\n    ${m.description ?? ""}`;
    })
    .join("\n");
}

export async function main(
  argv: string[],
  env: Record<string, string | undefined>,
  dir: string,
): Promise<{ out: string; err: string; code: number }> {
  try {
    const args = parseArgv(argv);
    fixToday(args.today ?? env["ZIZHU_TODAY"]);
    if (args.version) return { out: ZIZHU_VERSION, err: "", code: 0 };
    const [command, ...rest] = args.words;
    if (args.help || command === undefined || command === "help") return { out: HELP, err: "", code: 0 };
    const calendarDir = defaultCalendarDir(env);
    if (command === "calendar") {
      const o = args.options;
      return calendarCommand(rest, { dir: calendarDir, calendarFile: o["calendar"], year: o["year"], out: o["out"] });
    }
    // The holiday schedules every date computation uses: the data package, --calendar FILE and the
    // user calendar folder. Read once; what is skipped or conflicts is said on stderr.
    const user: UserCalendar = loadUserCalendar({ dir: calendarDir, file: args.options["calendar"] });
    provideContext({ calendar: user.calendar });
    const notes = [...user.warnings, ...user.conflicts.map((c) => conflictText(c))]
      .map((n) => `zizhu: ${n}`)
      .join("\n");
    const withNotes = (r: { out: string; err: string; code: number }) => ({
      ...r,
      err: [notes, r.err].filter((x) => x !== "").join("\n"),
    });
    if (command === "check" || command === "privacy") {
      const [file] = rest;
      if (!file) throw new UsageError(`请给出文件，如 zizhu ${command} 花名册.xlsx`);
      const pack = packFor(args.pack);
      const o = args.options;
      const r =
        command === "check"
          ? await checkCommand({
              file,
              flags: o,
              json: o["json"],
              report: o["report"],
              against: o["against"],
              year: o["year"],
              pack,
              today: functionsContext().today(),
            })
          : { err: "", ...(await privacyCommand({ file, json: o["json"], pack })) };
      return { out: r.out, err: r.err, code: r.code };
    }
    if ((SHEET_WORDS as readonly string[]).includes(command) || command === "verify") {
      const [file] = rest;
      if (!file)
        throw new UsageError(
          `请给出文件，如 zizhu ${command} 花名册.xlsx${command === "verify" ? "" : " --out 输出.xlsx"}`,
        );
      if (command === "verify") {
        const r = await verifyCommand({ file });
        return { out: r.out, err: r.err, code: r.code };
      }
      const o = args.options;
      const r = await sheetsCommand({
        command: command as SheetCommand,
        file,
        flags: o,
        pack: packFor(args.pack),
        today: functionsContext().today(),
        tool: ZIZHU_VERSION,
        calendar: user.calendar,
      });
      return withNotes({ out: r.out, err: r.err, code: r.code });
    }
    if (command === "run") {
      const [recipe, ...files] = rest;
      if (!recipe) throw new UsageError("请给出流程和文件，如 zizhu run 学期报送 花名册.xlsx --out 结果");
      const o = args.options;
      const overrides = cliOptions(RecipeOverrides, o);
      const r = await runCommand({
        recipe,
        files,
        out: o["out"],
        pack: packFor(args.pack),
        today: functionsContext().today(),
        now: localIsoNow(),
        tool: ZIZHU_VERSION,
        ...overrides,
        calendar: user.calendar,
      });
      return withNotes({ out: r.out, err: "", code: r.code });
    }
    if (command === "batch") {
      const o = args.options;
      const r = await batchCommand({
        dir: rest[0],
        out: o["out"],
        pack: packFor(args.pack),
        today: functionsContext().today(),
        jobs: o["jobs"],
        enrolment: o["enrolment"],
      });
      return { out: r.out, err: "", code: r.code };
    }
    if (command === "policy") {
      const r = policyCommand(rest, packFor(args.pack));
      return { out: r.out, err: "", code: r.code };
    }
    if (command === "fn") {
      if (args.pack !== undefined) provideContext({ pack: packFor(args.pack) });
      const metadata = loadFunctionMetadata(dir);
      if (args.list) return { out: listFunctions(metadata), err: "", code: 0 };
      const [name, ...fnArgs] = rest;
      if (name === undefined)
        throw new UsageError("请给出函数名，如 zizhu fn ID_ERROR 110105194912310021；zizhu fn --list 列出全部函数");
      const r =
        args.batch !== undefined ? await runBatch(name, args.batch, metadata) : await runFn(name, fnArgs, metadata);
      return withNotes({ out: r.out, err: "", code: r.code });
    }
    throw new UsageError(`未知命令：${command}。运行 zizhu --help 查看用法`);
  } catch (e) {
    if (e instanceof UsageError) return { out: "", err: `zizhu: ${e.message}`, code: 2 };
    // A file our reader reads but the writer library cannot load: its own Chinese message.
    if (e instanceof WorkbookLoadError) return { out: "", err: `zizhu: ${e.problem.message}`, code: 2 };
    const code = (e as { code?: string }).code;
    if (code === "ENOENT")
      return { out: "", err: `zizhu: 找不到文件：${(e as { path?: string }).path ?? ""}`, code: 2 };
    // Exit codes are 0, 1 or 2 only. An unexpected error is our bug, not the user's file: say so in
    // Chinese without a JavaScript message; ZIZHU_DEBUG=1 shows the details for a bug report.
    const debug = env["ZIZHU_DEBUG"] === "1" && e instanceof Error ? `\n${e.stack ?? e.message}` : "";
    const name = e instanceof Error ? e.name : typeof e;
    return {
      out: "",
      err:
        `zizhu: 处理时出现意外错误（${name}），已停止（输入文件没有被改动，未完成的输出文件不会留下）。` +
        `这是资助助手的问题，不是您的文件的问题：请把所用命令报告给开发者（设置环境变量 ZIZHU_DEBUG=1 可显示详细信息）。${debug}`,
      code: 2,
    };
  }
}
