/** The workbook as plain data: sheets of cell values with merges, notes and formats. */
export * from "./types";
