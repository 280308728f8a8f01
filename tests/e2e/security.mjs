// The editor through a TLS front end, under the admin's Content-Security-Policy, in Debian's
// Chromium driven by playwright-core; run by tests/e2e/test_tls_front_end.py.
//   node tests/e2e/security.mjs BASE_URL STORY_ID STORY_PATH
// Logs in as `admin`, then opens the story editor, the "Set publishing schedule" dialog with its
// date picker, an image chooser and a new byline (an inline panel), and the story's reader page
// (with its JSON-LD block). Prints one JSON object on stdout: {"cookies": [...],
// "violations": [...], "steps": [...], "json_ld": <JSON-LD blocks on the reader page>};
// violations are CSP reports from the console and `securitypolicyviolation` events. On a
// failure it prints what the page showed on stderr and exits 1.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { chromium } from "playwright-core";

const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--no-first-run",
];
const TIMEOUT = 30_000;
const [base, storyId, storyPath] = process.argv.slice(2);
if (!base || !storyId || !storyPath) {
  console.error("usage: node tests/e2e/security.mjs BASE_URL STORY_ID STORY_PATH");
  process.exit(2);
}
const url = (path) => new URL(path, base).href;
const squash = (text) => (text || "").replace(/\s+/g, " ").trim();

const profile = mkdtempSync(join(tmpdir(), "masthead-security-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  headless: true,
  args: FLAGS,
  // The test's own certificate, made by the test: trusted for this run only.
  ignoreHTTPSErrors: true,
  viewport: { width: 1400, height: 1000 },
});
context.setDefaultTimeout(TIMEOUT);
const violations = [];
const steps = [];
let current = "start";
// Every page reports violations as console errors; the event adds the directive and the source.
await context.addInitScript(() => {
  document.addEventListener("securitypolicyviolation", (event) => {
    console.error(`securitypolicyviolation ${JSON.stringify({
      directive: event.effectiveDirective,
      blocked: event.blockedURI,
      source: `${event.sourceFile}:${event.lineNumber}`,
      sample: event.sample,
    })}`);
  });
});
const page = context.pages()[0] || (await context.newPage());
page.on("console", (message) => {
  const text = message.text();
  if (/Content.Security.Policy|securitypolicyviolation/i.test(text)) {
    violations.push({ step: current, url: page.url(), text });
  }
});
const step = (name) => {
  current = name;
  steps.push(name);
};

async function login() {
  step("log in");
  await page.goto(url("/admin/login/"));
  await page.locator("input[name=username]").fill("admin");
  await page.locator("input[name=password]").fill("masthead-demo");
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith("/admin/login/")),
    page.locator("form.login-form button[type=submit]").click(),
  ]);
  await page.locator("main, #main").first().waitFor();
}

async function scheduleDialog() {
  step("schedule dialog and its date picker");
  const opener = page.locator("[data-a11y-dialog-show='schedule-publishing-dialog']").first();
  if (!(await opener.isVisible())) {
    await page.locator("button[data-side-panel-toggle='status']").click();
    await opener.waitFor({ state: "visible" });
  }
  await opener.click();
  const dialog = page.locator("#schedule-publishing-dialog");
  const input = dialog.locator("#id_go_live_at");
  await input.waitFor({ state: "visible" });
  await input.click();
  await page.locator(".xdsoft_datetimepicker").filter({ visible: true }).first().waitFor();
  // Escape closes the date picker, then the dialog.
  for (let i = 0; i < 3 && (await dialog.isVisible()); i++) {
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden", timeout: 2000 }).catch(() => {});
  }
  await dialog.waitFor({ state: "hidden" });
}

async function imageChooser() {
  step("image chooser");
  const blocks = "#body-root > [data-streamfield-stream-container] > [data-streamfield-child]";
  const before = await page.locator(blocks).count();
  await page.locator("#body-root button.c-sf-add-button").last().click();
  await page.getByRole("option", { name: "Image", exact: true }).first().click();
  await page.waitForFunction(
    ([selector, count]) => document.querySelectorAll(selector).length > count,
    [blocks, before],
  );
  const figure = page.locator(blocks).last();
  await figure.locator("button[data-chooser-action-choose]").first().click();
  const modal = page.locator(".modal-dialog, [role=dialog]:visible").last();
  await modal.locator("img").first().waitFor(); // the library's thumbnails
  await modal.getByRole("tab", { name: /upload/i }).first().click();
  await modal.locator("input[type=file]").first().waitFor({ state: "attached" });
  await page.keyboard.press("Escape");
  await modal.waitFor({ state: "hidden" });
}

async function bylinePanel() {
  step("inline panel: add a byline");
  const forms = "[id^='inline_child_bylines-']:not([id$='__prefix__'])";
  const before = await page.locator(forms).count();
  await page.locator("#id_bylines-ADD").click();
  await page.waitForFunction(
    ([selector, count]) => document.querySelectorAll(selector).length > count,
    [forms, before],
  );
}

let failed = false;
try {
  await login();
  step("story editor");
  await page.goto(url(`/admin/pages/${storyId}/edit/`));
  await page.locator("#id_title").waitFor();
  await scheduleDialog();
  await imageChooser();
  await bylinePanel();
  const cookies = (await context.cookies()).map(({ name, secure, httpOnly, sameSite }) => ({
    name, secure, httpOnly, sameSite,
  }));
  step("reader story page");
  await context.clearCookies(); // as a reader sees it, from the page cache
  await page.goto(url(storyPath));
  await page.locator("main").first().waitFor();
  const jsonLd = await page.locator("script[type='application/ld+json']").count();
  // Violations are reported asynchronously: let the last page's reports arrive.
  await page.waitForLoadState("networkidle");
  process.stdout.write(JSON.stringify({ cookies, violations, steps, json_ld: jsonLd }) + "\n");
} catch (error) {
  failed = true;
  let shown = "";
  try {
    shown = squash(await page.locator("body").innerText()).slice(0, 2000);
  } catch (inner) {
    shown = `(could not read the page: ${inner})`;
  }
  console.error(`FAILED at step: ${current}\n${error.stack || error}`);
  console.error(`page: ${page.url()}\nviolations so far: ${JSON.stringify(violations)}`);
  console.error(`the page showed: ${shown}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
