// What every browser script here shares: Debian's Chromium launched as the project's CI allows
// (fresh profile, no network beyond 127.0.0.1), and the JSON-lines report.
import { chromium } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--no-first-run",
];

export const report = (step, details = {}) =>
  process.stdout.write(JSON.stringify({ step, ...details }) + "\n");
export const squash = (text) => (text || "").replace(/\s+/g, " ").trim();

// A persistent context on a fresh profile folder (removed by the caller: `profile`).
export async function launch(prefix, timeout = 30_000) {
  const profile = mkdtempSync(join(tmpdir(), prefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    headless: true,
    args: FLAGS,
    viewport: { width: 1400, height: 1000 },
  });
  context.setDefaultTimeout(timeout);
  const page = context.pages()[0] || (await context.newPage());
  return { profile, context, page };
}
