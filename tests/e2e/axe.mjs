// axe-core in Debian's Chromium, driven by playwright-core; run by tests/e2e/test_browser_checks.py.
//   node tests/e2e/axe.mjs BASE_URL PATH... > results.json
// Checks every page in light and dark colour schemes, at a phone and a desktop width, with the
// WCAG 2.0/2.1 A and AA rules and the best-practice rules, and prints one JSON array of results.
// It never downloads a browser: CHROME_PATH (default /usr/bin/chromium) is launched with a fresh
// profile that is removed afterwards.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const SCHEMES = ["light", "dark"];
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--no-first-run",
];

const [base, ...paths] = process.argv.slice(2);
if (!base || paths.length === 0) {
  console.error("usage: node tests/e2e/axe.mjs BASE_URL PATH...");
  process.exit(2);
}

const summarise = (results) =>
  results.map(({ id, impact, tags, help, helpUrl, nodes }) => ({
    id, impact, tags, help, helpUrl,
    nodes: nodes.map((node) => ({
      target: node.target.map(String).join(" "),
      html: node.html.slice(0, 300),
      summary: node.failureSummary || "",
    })),
  }));

const profile = mkdtempSync(join(tmpdir(), "masthead-axe-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  headless: true,
  args: FLAGS,
  bypassCSP: true,
});
const out = [];
try {
  const page = context.pages()[0] || (await context.newPage());
  for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const path of paths) {
        const response = await page.goto(new URL(path, base).href, { waitUntil: "load" });
        await page.evaluate(AXE_SOURCE);
        const results = await page.evaluate(
          (tags) => window.axe.run(document, {
            runOnly: { type: "tag", values: tags },
            resultTypes: ["violations", "incomplete"],
          }),
          TAGS,
        );
        out.push({
          path, scheme, viewport: viewportName, width: viewport.width,
          status: response ? response.status() : null,
          violations: summarise(results.violations),
          incomplete: summarise(results.incomplete),
        });
      }
    }
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
