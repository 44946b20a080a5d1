/** What a thrown value says: only bugs throw, and the pane shows them rather than crash or spin. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
