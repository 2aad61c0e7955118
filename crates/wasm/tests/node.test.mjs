// The wasm package in Node, compared with the native CLI.
//
// Run by scripts/wasm-test.sh, which builds the package (wasm-bindgen
// --target nodejs) into target/wasm-pkg and the CLI into target/release:
//
//   node --test crates/wasm/tests/node.test.mjs
//
// CROSSCHECK_WASM_PKG and CROSSCHECK_BIN override those two locations.
// Only node's built-in modules are used.

import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const pkgDir = process.env.CROSSCHECK_WASM_PKG || path.join(root, "target/wasm-pkg");
const bin = process.env.CROSSCHECK_BIN || path.join(root, "target/release/crosscheck");
const seeds = path.join(root, "examples/seeds");

for (const [what, p] of [["the wasm package", path.join(pkgDir, "crosscheck_wasm.js")], ["the crosscheck binary", bin]]) {
  if (!fs.existsSync(p)) throw new Error(`${what} is missing at ${p}: run scripts/wasm-test.sh`);
}
const wasm = createRequire(import.meta.url)(path.join(pkgDir, "crosscheck_wasm.js"));

// An empty configuration, so that no crosscheck.toml above the checkout
// changes the native report (the wasm package uses the defaults).
const emptyConfig = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "crosscheck-wasm-")), "crosscheck.toml");
fs.writeFileSync(emptyConfig, "");

function native(args, input) {
  return execFileSync(bin, ["--config", emptyConfig, ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
}

// The seed articles as the page and the server's API take them: the file
// stem as id (the id `crosscheck audit` gives a file found in a directory),
// the text as read, format text.
function seedDocuments() {
  return fs
    .readdirSync(seeds)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => ({
      id: name.replace(/\.txt$/, ""),
      text: fs.readFileSync(path.join(seeds, name), "utf8"),
      format: "text",
    }));
}

// The one field that differs legitimately: `path`, the file a document or
// claim came from. The CLI reads files (`examples/seeds/000_….txt`); a
// document given as text has no file, so its path is "". Nothing else is
// normalised (reports have no timings or timestamps).
function withoutPaths(value) {
  if (Array.isArray(value)) return value.map(withoutPaths);
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === "path") {
        assert.equal(typeof v, "string", "path is a string");
        continue;
      }
      out[k] = withoutPaths(v);
    }
    return out;
  }
  return value;
}

test("the seeds: the wasm report equals the native CLI's report", () => {
  const docs = seedDocuments();
  assert.equal(docs.length, 5);
  const want = JSON.parse(native(["audit", "examples/seeds", "--format", "json", "--fail-on", "never"]));
  const got = wasm.audit({ documents: docs });
  assert.equal(got.schema, "crosscheck.report.v1");
  assert.deepEqual(withoutPaths(got), withoutPaths(want));
  // Not empty: the seeds have claims, clusters and findings.
  assert.ok(got.claims.length >= 20, `claims: ${got.claims.length}`);
  assert.ok(got.clusters.length > 0);
  assert.ok(got.findings.length > 0);
  // Paths are the only difference, and they are "" here.
  assert.ok(got.documents.every((d) => d.path === ""));
  assert.ok(want.documents.every((d) => d.path.startsWith("examples/seeds/")));
});

test("auditJson is the native JSON text, byte for byte, but for paths", () => {
  const docs = seedDocuments();
  const want = native(["audit", "examples/seeds", "--format", "json", "--fail-on", "never"]);
  const got = wasm.auditJson(JSON.stringify({ documents: docs }));
  const stripPaths = (s) => s.replace(/"path": "[^"]*"/g, '"path": ""');
  assert.equal(stripPaths(got), stripPaths(want));
});

test("the same documents in every accepted shape give the same report", () => {
  const docs = seedDocuments().slice(0, 2);
  const a = wasm.audit({ documents: docs });
  assert.deepEqual(wasm.audit(docs), a);
  assert.deepEqual(wasm.audit(JSON.stringify({ documents: docs })), a);
  assert.deepEqual(wasm.audit({ documents: docs }, {}), a);
  assert.deepEqual(wasm.audit({ documents: docs }, null), a);
});

test("options: include text and a configuration", () => {
  const docs = seedDocuments().slice(0, 1);
  const r = wasm.audit({ documents: docs }, { include: "text" });
  assert.equal(typeof r.documents[0].text, "string");
  assert.ok(r.documents[0].text.includes("military personnel"));
  const all = wasm.audit({ documents: seedDocuments() });
  assert.ok(all.findings.some((f) => f.code === "CC004"));
  const quiet = wasm.audit({ documents: seedDocuments() }, { config: '[findings]\nignore = ["CC004"]\n' });
  assert.ok(!quiet.findings.some((f) => f.code === "CC004"));
  assert.throws(() => wasm.audit(docs, { config: "[tolerence]\n" }), /config: unknown key "tolerence"/);
  assert.throws(() => wasm.audit(docs, { include: "html" }), /unknown include "html"/);
  assert.throws(() => wasm.audit(docs, { nope: 1 }), /options: unknown field `nope`/);
});

test("metadata fields and default ids, as the server takes them", () => {
  const r = wasm.audit({
    documents: [
      { text: "The NIS said 11,000 troops were sent.", title: "Troops", outlet: "Daily A", published: "June 26, 2025", url: "https://example.com/a", author: "A. Writer" },
      { text: "<p>Yonhap said 12,000 troops were sent.</p>", format: "html" },
    ],
  });
  assert.deepEqual(r.documents.map((d) => d.id), ["doc-1", "doc-2"]);
  assert.equal(r.documents[0].title, "Troops");
  assert.equal(r.documents[0].outlet, "Daily A");
  assert.equal(r.documents[0].published, "2025-06-26");
  assert.deepEqual(r.claims.map((c) => c.id), ["doc-1#1", "doc-2#1"]);
});

test("bad input is a JavaScript Error naming the problem, and the module still works after it", () => {
  const cases = [
    [undefined, /documents: expected an object, an array or JSON text/],
    ["{", /not valid JSON/],
    [42, /expected an object \{"documents": \[\.\.\.\]\} or an array/],
    [{ docs: [] }, /unknown field `docs`/],
    [{ documents: [{}] }, /documents\[0\]: missing field `text`/],
    [{ documents: [{ text: 1 }] }, /documents\[0\]: invalid type: integer `1`, expected a string/],
    [{ documents: [{ text: "x", format: "pdf" }] }, /documents\[0\]: unknown variant `pdf`/],
    [{ documents: [{ id: "a", text: "x" }, { id: "a", text: "y" }] }, /documents\[1\]\.id: duplicate document id "a"/],
    [{ documents: [{ text: "x", published: "someday" }] }, /documents\[0\]\.published: unrecognised date "someday"/],
    [{ documents: [{ text: "x", id: "a".repeat(201) }] }, /documents\[0\]\.id: at most 200 characters/],
  ];
  for (const [input, message] of cases) {
    assert.throws(() => wasm.audit(input), (e) => e instanceof Error && message.test(e.message), String(input));
  }
  const cyclic = { documents: [] };
  cyclic.self = cyclic;
  assert.throws(() => wasm.audit(cyclic), /documents: cannot be converted to JSON/);
  assert.throws(() => wasm.quantities(5), /quantities: text must be a string/);
  assert.throws(() => wasm.auditJson("[]", "{"), /options: /);
  // Still usable (no panic poisoned the instance).
  assert.equal(wasm.audit([]).claims.length, 0);
});

test("quantities: the same output as `crosscheck quantities`", () => {
  const lines = [
    "about 5,000 troops and more than 10 million shells",
    "between 3,000 and 4,000 people; 10,000-12,000 troops; another 1,000 engineers",
    "$3.2bn, 45% of voters, thousands of protesters, on June 26, 2025 at 10:30",
    "Ünïcödé — nearly 1.5 million 🙂 people, ¾ of them",
    "",
    "no figures here",
  ];
  const want = native(["quantities"], lines.join("\n") + "\n").trimEnd().split("\n");
  assert.equal(want.length, lines.length);
  lines.forEach((line, i) => {
    assert.deepEqual(wasm.quantities(line), JSON.parse(want[i]), line);
  });
  const q = wasm.quantities("about 5,000 troops");
  assert.deepEqual(q, [
    { text: "about 5,000", start: 0, end: 11, value: 5000, low: 5000, high: 5000, kind: "number", qualifier: "about", unit: null },
  ]);
  // Byte offsets, as the native API: "é" is two bytes.
  const [u] = wasm.quantities("é 12 troops");
  assert.deepEqual([u.start, u.end], [3, 5]);
});

test("the script-injection article is audited as plain data", () => {
  const text =
    'Officials said 1,200 people <script>alert(1)</script> were evacuated. ' +
    '"><img src=x onerror=alert(1)> Police said 900 people were evacuated. ' +
    '<a href="javascript:alert(1)">more</a>';
  const r = wasm.audit({ documents: [{ id: "x", text }] }, { include: "text" });
  assert.equal(r.documents[0].text, text);
  assert.ok(r.claims.length >= 2);
  assert.equal(typeof wasm.version(), "string");
});
