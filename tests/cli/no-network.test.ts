// The network lock used by the CLI tests must itself work, or "nothing leaves the machine" would
// be asserted by a test that cannot fail.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const HOOK = join(__dirname, "..", "setup", "no-network.cjs");

test.each([
  ["fetch", "fetch('https://example.com')"],
  ["https", "require('node:https').get('https://example.com')"],
  ["dns", "require('node:dns').lookup('example.com', () => {})"],
  ["socket", "require('node:net').connect(443, 'example.com')"],
])("the lock stops %s", (_name, code) => {
  const r = spawnSync(process.execPath, ["--require", HOOK, "-e", code], { encoding: "utf8" });
  expect(r.status).toBe(97);
  expect(r.stderr).toContain("NETWORK ATTEMPT");
});
