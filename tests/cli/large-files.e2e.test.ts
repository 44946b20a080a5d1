/**
 * Files too big to load whole: check, privacy and verify stream them; the commands that must load
 * the workbook to write a copy say so honestly — never "损坏".
 *
 * The big part here is 300 MB of XML that compresses to a few hundred KB (the zip's directory
 * declares its size), so the test is fast; the same routing serves a 1,048,576-row sheet.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { runCli } from "./run-cli";

const SAMPLE = join(__dirname, "..", "..", "samples", "一补花名册-示例.xlsx");
const dir = mkdtempSync(join(tmpdir(), "zizhu-large-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sealed = join(dir, "已校验.xlsx");
const big = join(dir, "大文件.xlsx");

beforeAll(() => {
  const r = runCli(["seal", SAMPLE, "--out", sealed]);
  expect(r.code).toBe(0);
  const parts = unzipSync(new Uint8Array(readFileSync(sealed)));
  // A part no reader needs, but one that counts against the in-memory limit (256 MB per XML part).
  parts["customXml/item1.xml"] = new Uint8Array(300 * 1024 * 1024).fill(0x20);
  writeFileSync(big, zipSync(parts, { level: 1 }));
}, 120_000);

test("verify streams it: the seal is still intact", () => {
  const r = runCli(["verify", big]);
  expect(r.stderr).toBe("");
  expect(r.stdout).toContain("已校验且未改动");
  expect(r.code).toBe(0);
}, 60_000);

test("privacy streams every sheet and finds the ID numbers", () => {
  const r = runCli(["privacy", big]);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/发现 \d+ 处个人信息/);
  expect(r.stdout).not.toMatch(/损坏/);
}, 60_000);

test("check streams the roster sheet", () => {
  const r = runCli(["check", big]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("已流式读取");
}, 60_000);

test.each([["seal"], ["format"], ["notice"]])(
  "%s says the file is too large to load whole, and why",
  (command) => {
    const r = runCli([command, big, "--out", join(dir, `${command}.xlsx`)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/太大/);
    expect(r.stderr).toContain(`zizhu ${command} 需要把整个工作簿载入内存`);
    expect(r.stderr).not.toMatch(/损坏|Invalid string length/);
  },
  60_000,
);
