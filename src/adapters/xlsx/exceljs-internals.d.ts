/**
 * Two internal modules of exceljs 4.4.0 (pinned exactly in package.json) that the streaming reader
 * uses: the SAX loop ExcelJS itself parses sheets with, and its shared-formula translator. They
 * are plain CommonJS files without typings; an exceljs upgrade must re-check them (the streaming
 * tests fail loudly if they move).
 */
declare module "exceljs/lib/utils/parse-sax" {
  export type SaxEvent =
    | { eventType: "opentag"; value: { name: string; attributes: Record<string, string> } }
    | { eventType: "text"; value: string }
    | { eventType: "closetag"; value: { name: string } };
  export default function parseSax(iterable: AsyncIterable<unknown>): AsyncGenerator<SaxEvent[]>;
}

declare module "exceljs/lib/utils/shared-formula" {
  export function slideFormula(formula: string, fromCell: string, toCell: string): string;
}
