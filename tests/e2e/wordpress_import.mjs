// The chief editor's "Import from WordPress", in Chromium:
//   node tests/e2e/wordpress_import.mjs BASE_URL EXPORT.xml [SCREENSHOT.png]
// Logs in as `chief`, uploads the export, follows the run's page (it refreshes itself) until
// the worker has finished, and reads the report. Prints JSON lines, one per step.
import { rmSync } from "node:fs";
import { launch, report, squash } from "./chromium.mjs";

const [base, exportPath, screenshot] = process.argv.slice(2);
if (!base || !exportPath) {
  console.error("usage: node tests/e2e/wordpress_import.mjs BASE_URL EXPORT.xml [SCREENSHOT.png]");
  process.exit(2);
}
const url = (path) => new URL(path, base).href;
const { profile, context, page } = await launch("masthead-wp-import-");
let current = "start";
try {
  current = "login";
  await page.goto(url("/admin/login/"));
  await page.locator("input[name=username]").fill("chief");
  await page.locator("input[name=password]").fill("masthead-demo");
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith("/admin/login/")),
    page.locator("form.login-form button[type=submit]").click(),
  ]);
  current = "menu";
  const menu = page.locator("a[href='/admin/wordpress-import/']").first();
  await menu.waitFor();
  await Promise.all([page.waitForURL(/\/admin\/wordpress-import\/$/), menu.click()]);
  report("form", { title: await page.title() });

  current = "upload";
  await page.locator("#id_export").setInputFiles(exportPath);
  await Promise.all([
    page.waitForURL(/\/admin\/wordpress-import\/\d+\/$/),
    page.getByRole("button", { name: "Upload and import" }).click(),
  ]);
  const first = squash(await page.locator("[data-run-status]").innerText());
  report("queued", { status: first, url: page.url() });

  current = "waiting for the worker";
  // The page refreshes itself (a meta refresh) until the run is finished.
  const finished = page.locator("[data-import-run][data-status=done], [data-import-run][data-status=failed]");
  await finished.waitFor({ timeout: 240_000 });
  const status = await finished.getAttribute("data-status");
  const counts = squash(await page.locator("[data-run-counts]").innerText().catch(() => ""));
  // The table per kind, or (a run recorded before it) the summary lines.
  const summary = squash(
    await page.locator("[data-run-kinds], [data-run-summary]").first().innerText().catch(() => ""),
  );
  const error = squash(await page.locator("[data-run-error]").innerText().catch(() => ""));
  const link = page.locator("[data-report-link]");
  let csv = "";
  if (await link.count()) {
    const answer = await page.request.get(url(await link.getAttribute("href")));
    csv = (await answer.text()).split(/\r?\n/)[0];
  }
  report("report", { status, counts, summary, error, csv, rows: squash(await link.innerText().catch(() => "")) });
  if (screenshot) {
    await page.screenshot({ path: screenshot, fullPage: false });
  }
  current = "listing";
  await page.goto(url("/admin/wordpress-import/"));
  const row = squash(await page.locator("[data-import-runs] tbody tr").first().innerText());
  report("listing", { row });
} catch (error) {
  report("failed", { at: current, error: String(error), page: squash(await page.locator("main").innerText().catch(() => "")).slice(0, 1500) });
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
