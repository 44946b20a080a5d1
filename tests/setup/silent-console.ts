// Tests are silent: anything written to the console fails the test that wrote it
// (a test that logs errors proves nothing).
const methods = ["log", "info", "warn", "error", "debug"] as const;
let written: string[] = [];

beforeEach(() => {
  written = [];
  for (const m of methods) {
    jest.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      written.push(`console.${m}: ${args.map(String).join(" ")}`);
    });
  }
});

afterEach(() => {
  jest.restoreAllMocks();
  if (written.length > 0) {
    throw new Error(`test wrote to the console:\n${written.join("\n")}`);
  }
});
