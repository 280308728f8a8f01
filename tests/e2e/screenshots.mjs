// Screenshots of the reader site's page types at a desktop and a phone width, in the light and
// the dark colour scheme, into docs/screenshots/ (referenced from the README).
//
//   node tests/e2e/screenshots.mjs http://127.0.0.1:8000 [docs/screenshots]
//
// Run it against the demo (`make demo`). A page that answers with an error (the standard page,
// before the newsroom has one) is left out and reported. The shots stop at 2,400 CSS pixels.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { launch, report } from "./chromium.mjs";

const base = (process.argv[2] || "http://127.0.0.1:8000").replace(/\/$/, "");
const folder = process.argv[3] || "docs/screenshots";
const PAGES = {
  front: "/",
  story: "/world/coastal-cities-plan-for-higher-seas/",
  section: "/top-news/",
  search: "/search/?q=pakistan",
  page: "/about/",
};
const WIDTHS = { desktop: [1366, 900], phone: [390, 844] };
const SCHEMES = ["light", "dark"];
const MAX_HEIGHT = 2400;

mkdirSync(folder, { recursive: true });
const { profile, context, page } = await launch("masthead-shots-");
try {
  for (const [name, path] of Object.entries(PAGES)) {
    for (const [device, [width, height]] of Object.entries(WIDTHS)) {
      await page.setViewportSize({ width, height });
      const response = await page.goto(base + path, { waitUntil: "networkidle" });
      if (!response || !response.ok()) {
        report("skipped", { name, path, status: response && response.status() });
        break;
      }
      await page.evaluate(() => document.fonts.ready);
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        const full = await page.evaluate(() => document.documentElement.scrollHeight);
        const file = join(folder, `${name}-${device}-${scheme}.png`);
        await page.screenshot({
          path: file,
          fullPage: true,
          clip: { x: 0, y: 0, width, height: Math.min(full, MAX_HEIGHT) },
        });
        report("screenshot", { file, path, width, scheme });
      }
    }
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
