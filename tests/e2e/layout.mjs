// Layout checks of the reader site in Chromium, at a desktop and a phone width: what a reader
// sees as a hole or a misalignment, measured from the boxes the browser lays out.
//
//   node tests/e2e/layout.mjs http://127.0.0.1:8000
//
// Prints one JSON line per check; a {"step": "problem", ...} line is a failure
// (tests/e2e/test_browser_checks.py runs it against the demo).
// - front page: each section block's row of stories reaches the row's right edge (no empty column);
// - a short page: the footer sits at the bottom of the window, not in the middle;
// - the footer: its first column of links and its copyright line start at the same left edge;
// - the desktop header with many sections: none scrolls out of sight and none is clipped, so a
//   focus ring shows whole.
import { rmSync } from "node:fs";
import { launch, report } from "./chromium.mjs";

const base = (process.argv[2] || "http://127.0.0.1:8000").replace(/\/$/, "");
const WIDTHS = { desktop: [1366, 900], phone: [390, 844] };
let problems = 0;
const problem = (what, details) => {
  problems += 1;
  report("problem", { what, ...details });
};

const { profile, context, page } = await launch("masthead-layout-");
try {
  for (const [device, [width, height]] of Object.entries(WIDTHS)) {
    await page.setViewportSize({ width, height });

    await page.goto(base + "/", { waitUntil: "domcontentloaded" });
    const rows = await page.$$eval(".teasers--row", (lists) =>
      lists.map((list) => {
        const box = list.getBoundingClientRect();
        const right = Math.max(...[...list.children].map((item) => item.getBoundingClientRect().right));
        return { stories: list.children.length, gap: Math.round(box.right - right) };
      }),
    );
    report("section rows", { device, rows });
    if (!rows.length) problem("the front page has no section rows", { device });
    for (const row of rows.filter((row) => row.gap > 4)) {
      problem("a section row leaves an empty column", { device, ...row });
    }

    for (const path of ["/no-such-page/", "/ethics-policy/"]) {
      await page.setViewportSize({ width, height: 2400 }); // taller than either page
      await page.goto(base + path, { waitUntil: "domcontentloaded" });
      const footer = await page.$eval(".site-footer", (element) => ({
        bottom: Math.round(element.getBoundingClientRect().bottom),
        window: window.innerHeight,
      }));
      report("footer on a short page", { device, path, ...footer });
      if (footer.bottom < footer.window - 1) {
        problem("the footer floats above the bottom of a short page", { device, path, ...footer });
      }
      await page.setViewportSize({ width, height });
    }

    const edges = await page.$eval(".site-footer", (footer) => {
      const left = (element) => Math.round(element.getBoundingClientRect().left);
      const groups = [...footer.querySelectorAll(".site-footer__group")];
      return {
        groups: groups.map(left),
        lines: [...footer.querySelectorAll(":scope > p")].map(left),
      };
    });
    report("footer edges", { device, ...edges });
    const first = Math.min(...edges.groups);
    if (edges.groups.length && edges.lines.some((line) => Math.abs(line - first) > 1)) {
      problem("the footer's lines do not start where its columns do", { device, ...edges });
    }

    if (device === "desktop") {
      await page.goto(base + "/", { waitUntil: "domcontentloaded" });
      // A newsroom with many sections: the demo's, four times over.
      await page.$eval(".masthead__nav ul", (list) => {
        const items = [...list.children];
        for (let copy = 1; copy < 4; copy += 1) {
          for (const item of items) {
            const clone = item.cloneNode(true);
            clone.querySelector("a").textContent += ` ${copy}`;
            list.append(clone);
          }
        }
      });
      const nav = await page.$eval(".masthead__nav ul", (list) => {
        const box = list.getBoundingClientRect();
        const links = [...list.querySelectorAll("a")].map((a) => a.getBoundingClientRect());
        return {
          links: links.length,
          hidden: links.filter((link) => link.left < box.left - 0.5 || link.right > box.right + 0.5).length,
          scrolls: list.scrollWidth > list.clientWidth + 1,
          clips: getComputedStyle(list).overflowX !== "visible",
        };
      });
      report("header with many sections", nav);
      if (nav.hidden || nav.scrolls || nav.clips) {
        problem("header sections scroll out of sight or clip a focus ring", nav);
      }
    }
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
report("done", { problems });
process.exit(problems ? 1 : 0);
