// The stored triggers: only a literal true turns one on; anything else (hand-edited, another tool's) is off.
import { readTriggers } from "../../../src/automation/triggers/triggers";

describe("readTriggers", () => {
  test.each([
    [undefined, { onOpen: false, onEdit: false }],
    [null, { onOpen: false, onEdit: false }],
    ["on", { onOpen: false, onEdit: false }],
    [{}, { onOpen: false, onEdit: false }],
    [{ onOpen: true }, { onOpen: true, onEdit: false }],
    [
      { onEdit: true, onOpen: "true" },
      { onOpen: false, onEdit: true },
    ],
    [
      { onOpen: true, onEdit: true, extra: 1 },
      { onOpen: true, onEdit: true },
    ],
  ])("%j → %j", (stored, triggers) => {
    expect(readTriggers(stored)).toEqual(triggers);
  });
});
