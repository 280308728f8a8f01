// The newsroom's review and scheduling flows clicked through Wagtail's admin in Debian's Chromium,
// driven by playwright-core; run by tests/e2e/test_newsroom_flow.py.
//   node tests/e2e/newsroom.mjs review   BASE_URL TOP_NEWS_PAGE_ID IMAGE_FILE HEADLINE
//   node tests/e2e/newsroom.mjs schedule BASE_URL TOP_NEWS_PAGE_ID IMAGE_FILE HEADLINE [LEAD_S]
// Prints one JSON object per step on stdout ({"step": ..., ...}); the last line is
// {"step": "done", ...}. On a failure it saves a screenshot and the page's HTML in a temp folder,
// prints their paths and what the page showed on stderr, and exits 1.
// It never downloads a browser: CHROME_PATH (default /usr/bin/chromium) is launched with a fresh
// profile that is removed afterwards.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { chromium } from "playwright-core";

const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--no-first-run",
];
const PASSWORD = "masthead-demo";
const TIME_ZONE = process.env.MASTHEAD_TIME_ZONE || "Europe/London";
const TIMEOUT = 30_000;

const [mode, base, topNewsId, imageFile, headline, leadArg] = process.argv.slice(2);
if (!["review", "schedule"].includes(mode) || !base || !topNewsId || !imageFile || !headline) {
  console.error("usage: node tests/e2e/newsroom.mjs review|schedule BASE_URL TOP_NEWS_ID IMAGE HEADLINE");
  process.exit(2);
}
const url = (path) => new URL(path, base).href;
const report = (step, details = {}) =>
  process.stdout.write(JSON.stringify({ step, at: Date.now() / 1000, ...details }) + "\n");
const slugify = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
const squash = (text) => (text || "").replace(/\s+/g, " ").trim();

const profile = mkdtempSync(join(tmpdir(), "masthead-newsroom-"));
const artifacts = mkdtempSync(join(tmpdir(), "masthead-newsroom-failure-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  headless: true,
  args: FLAGS,
  viewport: { width: 1400, height: 1000 },
});
context.setDefaultTimeout(TIMEOUT);
context.setDefaultNavigationTimeout(TIMEOUT);
const page = context.pages()[0] || (await context.newPage());
let current = "start";
let who = "nobody";
let storySlug = "";

// ---------------------------------------------------------------------------------------------
// Helpers

async function login(username) {
  current = `log in as ${username}`;
  who = username;
  await context.clearCookies();
  await page.goto(url("/admin/login/"));
  await page.locator("input[name=username]").fill(username);
  await page.locator("input[name=password]").fill(PASSWORD);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith("/admin/login/")),
    page.locator("form.login-form button[type=submit]").click(),
  ]);
  await page.locator("main, #main").first().waitFor();
  report("login", { user: username, url: page.url() });
}

async function logout() {
  current = "log out";
  // The sidebar's "Log out" is a POST form; clearing the session cookie is what it amounts to.
  const form = page.locator('form[action="/admin/logout/"]');
  if (await form.count()) {
    await Promise.all([
      page.waitForURL((u) => u.pathname.startsWith("/admin/login/")),
      form.evaluate((element) => element.submit()),
    ]);
  }
  await context.clearCookies();
  report("logout");
}

async function messages() {
  const list = page.locator(".messages");
  if (!(await list.count())) return "";
  return squash(await list.first().innerText());
}

async function waitForMessage(pattern) {
  // Waits for Wagtail's message bar to say `pattern`; fails at once on a validation error.
  await page.locator(".messages").first().waitFor();
  const text = await page.waitForFunction(
    ([source, flags]) => {
      const element = document.querySelector(".messages");
      const said = element ? element.innerText : "";
      if (/could not be|validation errors/i.test(said)) return `ERROR ${said}`;
      return new RegExp(source, flags).test(said) ? said : false;
    },
    [pattern.source, pattern.flags],
  ).then((handle) => handle.jsonValue());
  if (text.startsWith("ERROR ")) {
    const errors = await page.locator("[data-field-errors], .error-message").allInnerTexts();
    throw new Error(`${squash(text)} fields: ${squash(errors.filter((e) => e.trim()).join(" / "))}`);
  }
  return squash(text);
}

async function statusText() {
  // The header's status (e.g. "Draft", "In review", "Live") and the status side panel.
  const parts = [];
  for (const selector of ["header .w-status", "[data-side-panel='status'] .w-status, [data-side-panel='status'] h3"]) {
    const found = page.locator(selector);
    for (let i = 0; i < (await found.count()); i++) {
      parts.push(squash(await found.nth(i).textContent()));
    }
  }
  return squash(parts.join(" | "));
}

async function openAddStory() {
  current = "Pages > Top News > Add child page > Story";
  await page.goto(url("/admin/pages/"));
  // The explorer starts at the site's root or the user's desk; walk down to Top News.
  const topNews = page.locator(`a[href="/admin/pages/${topNewsId}/"]`).first();
  if (await topNews.count()) {
    await Promise.all([page.waitForURL(`**/admin/pages/${topNewsId}/`), topNews.click()]);
  } else {
    await page.goto(url(`/admin/pages/${topNewsId}/`));
  }
  await page.locator("a[aria-label='Add child page']").first().click();
  await page.waitForURL(/\/add_subpage\/|\/pages\/add\//);
  // Those who may not add a section are not offered one: with Story the only type, no choice.
  const offered = /add_subpage/.test(page.url())
    ? await page.locator("a[href*='/admin/pages/add/']").allInnerTexts()
    : [];
  if (/add_subpage/.test(page.url())) {
    await Promise.all([
      page.waitForURL(/\/admin\/pages\/add\/articles\/articlepage\//),
      page.locator("a[href*='/admin/pages/add/articles/articlepage/']").first().click(),
    ]);
  }
  await page.locator("#id_title").waitFor();
  // A first draft has no corrections panel: nothing to correct yet.
  const corrections = await page.locator("[name='corrections-TOTAL_FORMS']").count();
  report("add-form", { url: page.url(), offered: offered.map(squash), corrections });
}

const BLOCKS = "#body-root > [data-streamfield-stream-container] > [data-streamfield-child]";

async function insertBlock(label) {
  // The last "Insert a block" button is the one after the last block.
  const before = await page.locator(BLOCKS).count();
  await page.locator("#body-root button.c-sf-add-button").last().click();
  const option = page.getByRole("option", { name: label, exact: true });
  await option.first().waitFor();
  await option.first().click();
  await page.waitForFunction(
    ([selector, count]) => document.querySelectorAll(selector).length > count,
    [BLOCKS, before],
  );
  return page.locator(BLOCKS).last();
}

async function fillStory({ withImage }) {
  current = "fill the story";
  const title = page.locator("#id_title");
  await title.click();
  await title.fill(headline);
  await title.press("Tab"); // leaving the field fills in the slug (Promote tab) from the headline
  await page.waitForFunction(() => document.querySelector("#id_slug").value !== "", null, {
    timeout: 3000,
  }).catch(() => {});
  let slugTyped = false;
  if (!(await page.locator("#id_slug").inputValue())) {
    // The headline field does not fill in the slug here: type it on the Promote tab.
    await page.locator("#tab-label-promote").click();
    await page.locator("#id_slug").fill(slugify(headline));
    await page.locator("#tab-label-content").click();
    await page.locator("#id_standfirst").waitFor({ state: "visible" });
    slugTyped = true;
  }
  storySlug = await page.locator("#id_slug").inputValue();
  report("slug", { slug: await page.locator("#id_slug").inputValue(), typed_by_hand: slugTyped });
  await page.locator("#id_standfirst").fill(`Standfirst of ${headline}: what happened and why it matters.`);

  current = "add a paragraph block";
  // A new story opens with an empty paragraph (masthead.newsroom.forms); else insert one.
  const opening = page.locator(BLOCKS);
  const paragraph = (await opening.count()) === 1
    && (await opening.first().locator("[contenteditable=true]").count()) === 1
    ? opening.first()
    : await insertBlock("Paragraph");
  const editor = paragraph.locator("[contenteditable=true]").first();
  await editor.waitFor();
  await editor.click();
  await page.keyboard.type(`The first paragraph of ${headline}, typed into the rich text editor.`);

  current = "add a quote block";
  const quote = await insertBlock("Quote");
  await quote.locator("textarea[name$='-value-text']").fill("We will publish it when it is right");
  await quote.locator("input[name$='-value-speaker']").fill("Sam Copyeditor");

  if (withImage) {
    current = "add an image block and upload an image in the chooser";
    const figure = await insertBlock("Image");
    await figure.locator("button[data-chooser-action-choose]").first().click();
    const modal = page.locator(".modal-dialog, [role=dialog]:visible").last();
    await modal.waitFor();
    await modal.locator("#header-title, h1").first().waitFor();
    const uploadTab = modal.getByRole("tab", { name: /upload/i });
    try {
      await uploadTab.first().waitFor({ timeout: 10_000 });
    } catch {
      const shown = squash(await modal.innerText()).slice(0, 300);
      throw new Error(
        `the image chooser offers ${who} no Upload tab`
        + ` (Wagtail grants image upload per collection: GroupCollectionPermission); it shows: ${shown}`,
      );
    }
    await uploadTab.first().click();
    const file = modal.locator("input[type=file]").first();
    await file.waitFor({ state: "attached" });
    await file.setInputFiles(imageFile);
    const title = modal.locator("input[name$='title']").first();
    if ((await title.count()) && !(await title.inputValue())) await title.fill(`Photo for ${headline}`);
    await modal.locator("form button[type=submit], form input[type=submit]").filter({ visible: true }).first().click();
    // Wagtail warns about a duplicate upload: keep the new image.
    const useNew = modal.locator("a.use-new-image");
    await Promise.race([
      modal.waitFor({ state: "hidden" }),
      useNew.waitFor({ state: "visible" }),
    ]);
    if (await useNew.isVisible()) await useNew.click();
    // The modal closes and the chooser shows the chosen image's title.
    await modal.waitFor({ state: "hidden" });
    await figure.locator(".chooser__title, [data-chooser-title]").first().waitFor();
    const chosen = squash(await figure.locator(".chooser__title, [data-chooser-title]").first().textContent());
    await figure.locator("input[name$='-value-alt_text']").fill("A test pattern in red and blue");
    report("image-chosen", { title: chosen });
  }
}

async function settleAutosave() {
  // Wagtail 8 autosaves the form (a new story is created in the background and the form moves to
  // its edit URL); let a save in flight finish before clicking a button that submits the form.
  await page.waitForTimeout(1500);
  await page.waitForLoadState("networkidle").catch(() => {});
  await page.waitForFunction(
    () => !document.querySelector("[data-w-autosave-state-value='saving'], .w-autosave--saving"),
    null,
    { timeout: 10_000 },
  ).catch(() => {});
  await page.waitForTimeout(500);
}

async function editStory(id) {
  await page.goto(url(`/admin/pages/${id}/edit/`));
  await page.locator("#id_title").waitFor();
}

async function runAction(buttonSelector, description) {
  // Wagtail 8's action menu: the primary button ("Save draft"), and a dropdown beside it.
  current = description;
  const toggle = page.locator("nav.actions--primary .w-dropdown-button button.w-dropdown__toggle").first();
  const target = page.locator(buttonSelector).first();
  if (!(await target.isVisible())) {
    await toggle.click();
    await target.waitFor({ state: "visible" });
  }
  const navigation = page.waitForNavigation({ timeout: TIMEOUT });
  await target.click();
  await navigation;
  await page.waitForLoadState("load");
}

function pageIdFromUrl() {
  const match = /\/admin\/pages\/(\d+)\//.exec(page.url());
  return match ? Number(match[1]) : null;
}

async function listingStatus(title) {
  await page.goto(url(`/admin/pages/${topNewsId}/`));
  const row = page.locator("tr", { hasText: title }).first();
  await row.waitFor();
  return squash(await row.innerText());
}

async function pollPublic(paths, needle, seconds) {
  // Logged out: plain requests without the admin's cookies.
  const started = Date.now();
  const found = {};
  while (Date.now() - started < seconds * 1000) {
    for (const path of paths) {
      if (found[path]) continue;
      const response = await context.request.get(url(path), { failOnStatusCode: false });
      const body = await response.text();
      if (response.status() === 200 && body.includes(needle)) found[path] = (Date.now() - started) / 1000;
    }
    if (paths.every((path) => found[path] !== undefined)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// The flows

async function review() {
  await login("reporter");
  await openAddStory();
  await fillStory({ withImage: true });
  await settleAutosave();
  await runAction("button[name=action-submit]", "Submit to Newsroom review");
  const submitted = await waitForMessage(/Sent to copy edit|submitted|moderation|review/i);
  const editLink = await page.locator(".messages a[href*='/edit/']").first().getAttribute("href");
  const id = Number(/\/pages\/(\d+)\/edit\//.exec(editLink)[1]);
  report("submitted", { id, url: page.url(), message: submitted });
  report("reporter-listing", { row: await listingStatus(headline) });
  await logout();

  await login("copyeditor");
  current = "the copy editor's dashboard: Awaiting your review";
  await page.goto(url("/admin/"));
  const awaiting = page.locator("section, .w-panel, .panel").filter({ hasText: /Awaiting your review/i }).filter({ hasText: headline }).last();
  await awaiting.waitFor();
  report("copyeditor-dashboard", { panel: squash(await awaiting.innerText()).slice(0, 400) });
  await editStory(id);
  report("copyeditor-edit-view", { status: await statusText() });
  await runAction("button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])", "approve the Copy edit step");
  const copyApproved = await waitForMessage(/Passed to the editor|has been updated|approved/i);
  report("copy-edit-approved", { message: copyApproved });
  report("copyeditor-listing", { row: await listingStatus(headline) });
  await logout();

  await login("editor");
  current = "the editor's dashboard: Awaiting your review";
  await page.goto(url("/admin/"));
  const awaitingEditor = page.locator("section, .w-panel, .panel").filter({ hasText: /Awaiting your review/i }).filter({ hasText: headline }).last();
  await awaitingEditor.waitFor();
  const row = awaitingEditor.locator("tr", { hasText: headline }).first();
  report("editor-dashboard", {
    panel: squash(await awaitingEditor.innerText()).slice(0, 400),
    steps: (await row.locator("td.tasks .newsroom-step").allInnerTexts()).map(squash),
  });
  await editStory(id);
  report("editor-edit-view", { status: await statusText() });
  await runAction("button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])", "approve the Publish step");
  const published = await waitForMessage(/Published|Scheduled for|has been updated|approved|published/i);
  report("publish-approved", { message: published });
  report("editor-listing", { row: await listingStatus(headline) });
  await logout();

  current = "the public site, logged out";
  const found = await pollPublic(["/", "/top-news/", "/feed/"], headline, 5);
  report("public", { found });
  current = "the story page, logged out";
  const story = await context.request.get(url(`/top-news/${storySlug}/`), { failOnStatusCode: false });
  const html = await story.text();
  const shows = {
    status: story.status(),
    quote: html.includes("We will publish it when it is right"),
    speaker: html.includes("Sam Copyeditor"),
    image_alt: html.includes('alt="A test pattern in red and blue"'),
  };
  report("story-page", shows);
  return { id, found, story: shows };
}

function newsroomParts(date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
    }).formatToParts(date).map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

async function openScheduleDialog() {
  // The status side panel holds "Set schedule".
  const opener = page.locator("[data-a11y-dialog-show='schedule-publishing-dialog']").first();
  if (!(await opener.isVisible())) {
    await page.locator("button[data-side-panel-toggle='status']").click();
    await opener.waitFor({ state: "visible" });
  }
  await opener.click();
  const dialog = page.locator("#schedule-publishing-dialog");
  await dialog.locator("#id_go_live_at").waitFor({ state: "visible" });
  return dialog;
}

async function tryScheduleDialog() {
  // Typed, closed with Escape, opened again: the time is still there. With the date picker
  // open, "Save schedule" is the element under its own centre (nothing covers it).
  current = "schedule dialog: Escape keeps the time; the picker covers nothing";
  let dialog = await openScheduleDialog();
  const typed = "2031-05-04 09:30";
  await dialog.locator("#id_go_live_at").fill(typed);
  for (let i = 0; i < 2 && (await dialog.getAttribute("aria-hidden")) !== "true"; i++) {
    await page.keyboard.press("Escape");
    await page.waitForTimeout(300);
  }
  const closed = (await dialog.getAttribute("aria-hidden")) === "true";
  dialog = await openScheduleDialog();
  const kept = await dialog.locator("#id_go_live_at").inputValue();
  await dialog.locator("#id_go_live_at").click();
  const picker = page.locator("#schedule-publishing-dialog .xdsoft_datetimepicker:visible").first();
  const pickerOpen = await picker.waitFor({ state: "visible", timeout: 3000 }).then(() => true, () => false);
  const save = dialog.locator("button[type=submit]");
  await save.scrollIntoViewIfNeeded();
  const saveUncovered = await save.evaluate((button) => {
    const box = button.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return button === top || button.contains(top);
  });
  await dialog.locator("#id_go_live_at").fill("");
  await dialog.locator(".w-dialog__close-button").click();
  await page.waitForFunction(() => document.querySelector("#schedule-publishing-dialog")?.getAttribute("aria-hidden") === "true");
  return { typed, closed, kept, picker_open: pickerOpen, save_uncovered: saveUncovered };
}

async function schedule() {
  const lead = Number(leadArg || 3);
  await login("editor");
  await openAddStory();
  await fillStory({ withImage: false });
  current = "save the new story as a draft";
  await settleAutosave();
  await runAction("button.action-save[data-w-progress-label-value='Save draft']", "Save draft");
  await waitForMessage(/created|saved|updated/i);
  const id = pageIdFromUrl();
  report("draft-saved", { id, status: await statusText() });
  report("schedule-dialog", await tryScheduleDialog());

  current = "Publishing schedule dialog";
  // The admin's date picker and the form work to the minute ("Y-m-d H:i"): take the next whole
  // minute at least lead + 10 s away, and click Publish `lead` seconds before it.
  const goLive = new Date(Math.ceil((Date.now() + (lead + 10) * 1000) / 60_000) * 60_000);
  const dialog = await openScheduleDialog();
  const input = dialog.locator("#id_go_live_at");
  await input.fill(newsroomParts(goLive).slice(0, 16));
  await input.evaluate((element) => window.jQuery?.(element).datetimepicker?.("hide"));
  await page.locator(".xdsoft_datetimepicker:visible").first()
    .waitFor({ state: "hidden", timeout: 3000 }).catch(() => {});
  const typed = await input.inputValue();
  await Promise.all([
    page.waitForNavigation(),
    dialog.locator("button[type=submit]").evaluate((button) => button.click()),
  ]);
  await page.waitForLoadState("load");
  const savedMessage = await messages();
  report("schedule-saved", { typed, message: savedMessage, status: await statusText() });

  // Publish about `lead` seconds before the go-live time.
  const wait = goLive.getTime() - lead * 1000 - 700 - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  current = "Publish (becomes a scheduled publication)";
  await runAction("button[name=action-publish]", "Publish");
  const publishMessage = await messages();
  const publishedAt = Date.now();
  report("scheduled", {
    go_live_at: goLive.getTime() / 1000,
    go_live_local: newsroomParts(goLive),
    seconds_ahead_at_publish_click: (goLive.getTime() - publishedAt) / 1000,
    message: publishMessage,
  });
  await logout();

  current = "wait for the story on /top-news/";
  let seenAt = null;
  const deadline = goLive.getTime() + 5000;
  let early = false;
  while (Date.now() < deadline + 2000) {
    const response = await context.request.get(url("/top-news/"), { failOnStatusCode: false });
    const body = await response.text();
    if (body.includes(headline)) {
      seenAt = Date.now();
      if (seenAt < goLive.getTime()) early = true;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  report("appeared", {
    seen_at: seenAt && seenAt / 1000,
    lateness: seenAt && (seenAt - goLive.getTime()) / 1000,
    early,
  });
  return { id };
}

let failed = false;
try {
  const result = mode === "review" ? await review() : await schedule();
  report("done", result);
} catch (error) {
  failed = true;
  const shot = join(artifacts, "failure.png");
  const html = join(artifacts, "failure.html");
  let shown = "";
  try {
    await page.screenshot({ path: shot, fullPage: true });
    writeFileSync(html, await page.content());
    shown = squash(await page.locator("body").innerText()).slice(0, 2000);
  } catch (inner) {
    shown = `(could not capture the page: ${inner})`;
  }
  console.error(`FAILED at step: ${current}\n${error.stack || error}`);
  console.error(`page: ${page.url()}\nscreenshot: ${shot}\nhtml: ${html}\nmessages: ${await messages().catch(() => "")}`);
  console.error(`the page showed: ${shown}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  if (!failed) rmSync(artifacts, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
