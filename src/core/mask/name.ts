import { plainText } from "../id/cell-text";
import { tidy } from "../text/normalize";

/**
 * Two-character family names (复姓), kept whole: 欧阳娜娜 → 欧阳**. From the 百家姓 list of
 * compound surnames plus a few still common today.
 */
const COMPOUND_SURNAMES: ReadonlySet<string> = new Set(
  (
    "万俟 司马 上官 欧阳 夏侯 诸葛 闻人 东方 赫连 皇甫 尉迟 公羊 澹台 公冶 宗政 濮阳 淳于 单于 太叔 申屠 " +
    "公孙 仲孙 轩辕 令狐 钟离 宇文 长孙 慕容 鲜于 闾丘 司徒 司空 亓官 司寇 仉督 子车 颛孙 端木 巫马 公西 " +
    "漆雕 乐正 壤驷 公良 拓跋 夹谷 宰父 谷梁 段干 百里 东郭 南门 呼延 羊舌 微生 梁丘 左丘 东门 西门 南宫 " +
    "第五 独孤 太史 纳兰 完颜 耶律"
  ).split(" "),
);

/** Middle dots used between the parts of transliterated names (买买提·艾力), folded to "·". */
const DOTS = /[\u00B7\u2022\u2027\u30FB\u318D]/g;

/**
 * Family name kept, the rest starred: 张三 → 张*, 欧阳娜娜 → 欧阳**. Names with "·" keep the part
 * before the first dot: 买买提·艾力 → 买买提·**. A one-character value is starred whole.
 */
export function maskName(name: string): string {
  const text = tidy(plainText(name)).replace(DOTS, "·");
  const chars = Array.from(text);
  const star = (ch: string): string => (ch === "·" || ch === " " ? ch : "*");
  const dot = chars.indexOf("·");
  if (dot > 0)
    return (
      chars.slice(0, dot + 1).join("") +
      chars
        .slice(dot + 1)
        .map(star)
        .join("")
    );
  if (chars.length <= 1) return chars.map(star).join("");
  const keep = chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join("")) ? 2 : 1;
  return chars.slice(0, keep).join("") + chars.slice(keep).map(star).join("");
}
