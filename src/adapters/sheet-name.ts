/**
 * A name Excel accepts for a sheet: no * ? : \ / [ ], no leading/trailing apostrophe, at most 31
 * characters, not empty, not "History". A CSV file's sheet is named this way as soon as it is read,
 * so the grid, the .xlsx made from it and any fix or formula that names the sheet agree.
 */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[*?:\\/[\]]/g, "_")
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, 31);
  return cleaned === "" || cleaned.toLowerCase() === "history" ? "Sheet1" : cleaned;
}
