/**
 * An internal module of exceljs 4.4.0 (pinned exactly in package.json) that the sheet reader
 * uses: its shared-formula translator. It is a plain CommonJS file without typings; an exceljs
 * upgrade must re-check it (the corpus and streaming tests fail loudly if it moves).
 */
declare module "exceljs/lib/utils/shared-formula" {
  export function slideFormula(formula: string, fromCell: string, toCell: string): string;
}
