// Layout checks of the admin's forms in Chromium, at a desktop and a phone width: the site
// settings' logo field, whose "Upload an image" button (newsroom/editor.js) must be a button
// beside "Choose an image", not a native file input squashed over the field.
//
//   node tests/e2e/admin_layout.mjs http://127.0.0.1:8000 [screenshot-prefix]
//
// Logs in as the demo's admin. Prints one JSON line per check; a {"step": "problem", ...} line
// is a failure (tests/e2e/test_browser_checks.py runs it against the demo).
import { rmSync } from "node:fs";
import { launch, report } from "./chromium.mjs";

const base = (process.argv[2] || "http://127.0.0.1:8000").replace(/\/$/, "");
const shots = process.argv[3];
const WIDTHS = { desktop: [1366, 900], phone: [390, 844] };
let problems = 0;
const problem = (what, details) => {
  problems += 1;
  report("problem", { what, ...details });
};

const { profile, context, page } = await launch("masthead-admin-layout-");
try {
  await page.goto(base + "/admin/login/");
  await page.fill("input[name=username]", "admin");
  await page.fill("input[name=password]", "masthead-demo");
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/admin/login/")), page.click("button[type=submit]")]);
  for (const [device, [width, height]] of Object.entries(WIDTHS)) {
    await page.setViewportSize({ width, height });
    await page.goto(base + "/admin/settings/core/sitesettings/", { waitUntil: "networkidle" });
    await page.waitForSelector("#id_logo-chooser .newsroom-upload", { state: "attached" });
    const field = await page.$eval("#id_logo-chooser", (chooser) => {
      const box = (element) => {
        const r = element.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
      };
      const file = chooser.querySelector(".newsroom-upload__file");
      return {
        column: box(chooser.closest("[data-field-input]")),
        choose: box(chooser.querySelector(".chooser__choose-button")),
        upload: box(chooser.querySelector(".newsroom-upload")),
        file: { ...box(file), opacity: getComputedStyle(file).opacity },
      };
    });
    if (shots) await page.screenshot({ path: `${shots}-${width}.png`, fullPage: true });
    const { column, choose, upload, file } = field;
    report("logo field", { device, choose, upload });
    if (upload.width < 100 || upload.height < 20) problem("the upload button is squashed", { device, upload });
    if (file.opacity !== "0") problem("the native file input shows", { device, file });
    const outside = file.left < upload.left - 1 || file.right > upload.right + 1 || file.top < upload.top - 1 || file.bottom > upload.bottom + 1;
    if (outside) problem("the file input spills out of its button", { device, file, upload });
    const overlap = choose.right > upload.left && upload.right > choose.left && choose.bottom > upload.top && upload.bottom > choose.top;
    if (overlap) problem("the two buttons overlap", { device, choose, upload });
    if (upload.right > column.right + 1 || upload.right > width) problem("the upload button leaves the column", { device, upload, column });
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
report("done", { problems });
process.exitCode = problems ? 1 : 0;
