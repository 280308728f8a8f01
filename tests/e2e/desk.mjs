// The desk's rules clicked through Wagtail's admin in Debian's Chromium (playwright-core); run by
// tests/e2e/test_newsroom_flow.py:
//   node tests/e2e/desk.mjs BASE_URL EMBARGOED_PAGE_ID PICKED_PAGE_ID
// - the editor clears an embargo and presses Publish: refused, the story stays off the site;
// - the chief clears it, confirms, gives a reason and publishes: the story is live, and the
//   reason is in its history;
// - the chief opens the unpublish dialog of a Don't Miss pick: it says it is referenced, and the
//   usage page names the curation.
// One JSON object per step on stdout; on a failure, what the page showed on stderr and exit 1.
import { rmSync } from "node:fs";
import { launch, report, squash } from "./chromium.mjs";

const TIMEOUT = 30_000;
const REASON = "The agency lifted the embargo early";
const [base, embargoedId, pickedId, sectionId] = process.argv.slice(2);
if (!base || !embargoedId || !pickedId) {
  console.error("usage: node tests/e2e/desk.mjs BASE_URL EMBARGOED_PAGE_ID PICKED_PAGE_ID");
  process.exit(2);
}
const url = (path) => new URL(path, base).href;

const { profile, context, page } = await launch("masthead-desk-", TIMEOUT);
let current = "start";

async function login(username) {
  current = `log in as ${username}`;
  await context.clearCookies();
  await page.goto(url("/admin/login/"));
  await page.locator("input[name=username]").fill(username);
  await page.locator("input[name=password]").fill("masthead-demo");
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith("/admin/login/")),
    page.locator("form.login-form button[type=submit]").click(),
  ]);
}

async function openEmbargoSettings() {
  current = "open the story's Settings tab";
  await page.goto(url(`/admin/pages/${embargoedId}/edit/`));
  // A scheduled story is locked in Wagtail's editor until its schedule is cancelled (the
  // embargo stays: it is on the story, not on the schedule).
  const cancel = page.getByRole("button", { name: "Cancel scheduled publish" });
  if (await cancel.count()) {
    current = "cancel the scheduled publication";
    await Promise.all([page.waitForNavigation(), cancel.first().click()]);
    await page.waitForLoadState("load");
    await page.goto(url(`/admin/pages/${embargoedId}/edit/`));
  }
  await page.locator("#tab-label-settings").click();
  await page.locator("#id_embargo_until").waitFor({ state: "visible" });
}

async function clearEmbargo() {
  await page.locator("#id_embargo_until").fill("");
  await page.keyboard.press("Escape"); // close the date picker
}

async function publish() {
  current = "press Publish";
  const target = page.locator("button[name=action-publish]").first();
  if (!(await target.isVisible())) {
    await page.locator("nav.actions--primary .w-dropdown__toggle").first().click();
    await target.waitFor({ state: "visible" });
  }
  await Promise.all([page.waitForNavigation(), target.click()]);
  await page.waitForLoadState("load");
  // textContent: the errors may sit on a tab that is not shown.
  return squash(await page.locator("main, #main").first().textContent());
}

async function publicStatus() {
  const address = await page.locator(".messages a", { hasText: "View live" }).first().getAttribute("href");
  if (!address) return { address, status: null };
  const live = await context.request.get(url(address), { failOnStatusCode: false });
  return { address, status: live.status() };
}

async function goLiveInListing() {
  // The section listing (page explorer) says when the embargoed story goes live.
  current = "the section's page listing";
  await page.goto(url(`/admin/pages/${sectionId}/`));
  const row = page.locator("tr", { has: page.locator(`a[href="/admin/pages/${embargoedId}/edit/"]`) });
  const cell = row.first().locator("[data-newsroom-go-live]");
  const header = await page.locator("th", { hasText: "Goes live" }).count();
  return { header, cell: (await cell.count()) ? (await cell.innerText()).replace(/\s+/g, " ").trim() : null };
}

async function flow() {
  await login("editor");
  report("section-listing", await goLiveInListing());
  await openEmbargoSettings();
  await clearEmbargo();
  const refused = await publish();
  report("editor-refused", {
    said: /only the chief editor can shorten or lift an embargo/.test(refused),
    url: page.url(),
  });

  await login("chief");
  await openEmbargoSettings();
  await clearEmbargo();
  const unconfirmed = await publish();
  report("chief-unconfirmed", { said: /Tick to confirm/.test(unconfirmed) });
  await page.locator("#tab-label-settings").click();
  await clearEmbargo();
  await page.locator("#id_confirm_embargo_change").check();
  await page.locator("#id_embargo_change_reason").fill(REASON);
  await publish();
  const message = squash(await page.locator(".messages").first().innerText());
  report("chief-lifted", { message, ...(await publicStatus()) });

  current = "open the story's history";
  await page.goto(url(`/admin/pages/${embargoedId}/history/`));
  const history = squash(await page.locator("main, #main").first().innerText());
  report("history", { reason: history.includes(`Reason: ${REASON}`), lifted: /Embargo until .* lifted/.test(history) });

  current = "open the unpublish dialog of a Don't Miss pick";
  await page.goto(url(`/admin/pages/${pickedId}/unpublish/`));
  const dialog = squash(await page.locator("main, #main").first().innerText());
  const usageLink = page.locator(`a[href="/admin/pages/${pickedId}/usage/"]`).first();
  const linkText = squash(await usageLink.innerText());
  await Promise.all([page.waitForURL(`**/usage/**`), usageLink.click()]);
  const usage = squash(await page.locator("main, #main").first().innerText());
  report("unpublish-dialog", { referenced: linkText, dialog: dialog.slice(0, 300), usage: usage.slice(0, 600) });
}

let failed = false;
try {
  await flow();
  report("done");
} catch (error) {
  failed = true;
  console.error(`FAILED at step: ${current}\n${error.stack || error}`);
  console.error(`page: ${page.url()}\nthe page showed: ${squash(await page.locator("body").innerText().catch(() => "")).slice(0, 2000)}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
