// The newsroom home and notifications clicked through in Debian's Chromium (playwright-core);
// run by tests/e2e/test_newsroom_home.py.
//   node tests/e2e/newsroom_home.mjs BASE_URL TOP_NEWS_ID HEADLINE [SCREENSHOT_DIR]
// The reporter starts a story with "New story in Top News" on the home page and sends it to copy
// edit; the copy editor sees "Notifications (1)", the notification, the story on the desk board
// in "Copy edit", opens it with one click, and filters the board by desk. With SCREENSHOT_DIR the
// newsroom home and the desk board are saved there as PNG.
// Prints one JSON object per step ({"step": ...}); on a failure, what the page showed, exit 1.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { launch, report, squash } from "./chromium.mjs";

const PASSWORD = "masthead-demo";
const [base, topNewsId, headline, shots] = process.argv.slice(2);
if (!base || !topNewsId || !headline) {
  console.error("usage: node tests/e2e/newsroom_home.mjs BASE_URL TOP_NEWS_ID HEADLINE [DIR]");
  process.exit(2);
}
const url = (path) => new URL(path, base).href;

const { profile, context, page } = await launch("masthead-home-");
let current = "start";

async function login(username) {
  current = `log in as ${username}`;
  await context.clearCookies();
  await page.goto(url("/admin/login/"));
  await page.locator("input[name=username]").fill(username);
  await page.locator("input[name=password]").fill(PASSWORD);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith("/admin/login/")),
    page.locator("form.login-form button[type=submit]").click(),
  ]);
  await page.locator("main, #main").first().waitFor();
}

async function addAgencyInChooser() {
  // The source credit's person chooser: a "Kind" column, and "Add" creates the agency in place.
  current = "add an agency from the source credit's chooser";
  const opener = page.locator("[id$='credit_organisation-chooser'] button").filter({ visible: true }).first();
  await opener.click();
  const modal = page.locator(".modal-dialog").last();
  await modal.locator("table").first().waitFor();
  const headers = (await modal.locator("table th").allInnerTexts()).map(squash);
  await modal.getByRole("tab", { name: "Add" }).click();
  const add = modal.getByRole("tabpanel", { name: "Add" });
  const name = `Harbour Wire ${Date.now()}`;
  await add.locator("input[name='name']").fill(name);
  await add.locator("select[name='kind']").selectOption("organisation");
  await add.locator("input[name='name']").press("Enter");
  await modal.waitFor({ state: "hidden" });
  const chosen = squash(await page.locator("[id$='credit_organisation-chooser'] [data-chooser-title]").first().innerText());
  return { headers, name, chosen };
}

async function reporterStartsAStory() {
  await login("reporter");
  current = "the reporter's home: New story in Top News";
  const button = page.locator(`[data-newsroom-new-story] a[data-desk="${topNewsId}"]`);
  const label = squash(await button.innerText());
  await Promise.all([page.waitForURL(/\/admin\/pages\/add\/articles\/articlepage\/\d+\//), button.click()]);
  const headlineLabel = await page.locator("#id_title-label").boundingBox();
  report("new-story", {
    label,
    url: new URL(page.url()).pathname,
    headline_label: squash(await page.locator("#id_title-label").innerText()),
    headline_label_width: headlineLabel ? Math.round(headlineLabel.width) : 0,
  });
  current = "Before you publish, live: an empty story is not ready";
  const checks = page.locator("[data-newsroom-checks]");
  await page.locator('[data-newsroom-checks][data-problems="3"]').waitFor();
  const empty = squash(await checks.innerText());
  current = "write the story";
  await page.locator("#id_title").fill(headline);
  await page.locator("#id_standfirst").fill(`What happened: ${headline}.`);
  current = "Before you publish, live: still no body text once headline and standfirst are typed";
  await page.locator('[data-newsroom-checks][data-problems="1"]').waitFor();
  const partial = squash(await checks.innerText());
  report("agency-added", await addAgencyInChooser());
  // A new story opens with an empty paragraph (the newsroom's form); else insert one.
  if (!(await page.locator("#body-root [contenteditable=true]").count())) {
    await page.locator("#body-root button.c-sf-add-button").last().click();
    await page.getByRole("option", { name: "Paragraph", exact: true }).first().click();
  }
  const editor = page.locator("#body-root [contenteditable=true]").first();
  await editor.waitFor();
  await editor.click();
  await page.keyboard.type("The council voted on Tuesday night.");
  current = "Before you publish, live: ready once the body has text";
  await page.locator('[data-newsroom-checks][data-problems="0"]').waitFor();
  report("live-checks", { empty, partial, typed: squash(await checks.innerText()) });
  await page.waitForTimeout(1500); // let Wagtail's autosave settle before submitting
  await page.waitForLoadState("networkidle").catch(() => {});
  current = "send it to copy edit";
  const toggle = page.locator("nav.actions--primary .w-dropdown-button button.w-dropdown__toggle").first();
  const submit = page.locator("button[name=action-submit]").first();
  if (!(await submit.isVisible())) {
    await toggle.click();
    await submit.waitFor({ state: "visible" });
  }
  await Promise.all([page.waitForNavigation(), submit.click()]);
  const message = squash(await page.locator(".messages").first().innerText());
  if (/could not be|validation errors/i.test(message)) throw new Error(`not submitted: ${message}`);
  report("submitted", { message });
}

// "Awaiting your review": the headline cell's width, and whether a row overflows its panel, on
// a desktop and on a phone (issue 13: headlines broken mid-word, rows clipped on a phone).
async function awaitingLayout() {
  const measure = () => page.locator("#awaiting-review-section").evaluate((panel) => {
    const cell = panel.querySelector("td.title");
    const row = panel.querySelector("tbody tr");
    const scroller = row.closest("[data-newsroom-scroll], .w-panel__content") || panel;
    const clipped = row.getBoundingClientRect().right > panel.getBoundingClientRect().right + 1
      && scroller.scrollWidth <= scroller.clientWidth;
    return { title_width: Math.round(cell.getBoundingClientRect().width), clipped };
  });
  const viewport = page.viewportSize();
  const desktop = await measure();
  await page.setViewportSize({ width: 390, height: 844 });
  const phone = await measure();
  await page.setViewportSize(viewport);
  return { desktop, phone };
}

async function copyEditorIsTold() {
  await login("copyeditor");
  current = "the copy editor's home";
  await page.goto(url("/admin/"));
  await page.locator("text=/Notifications \\(\\d+\\)/").first().waitFor();
  report("menu", { notifications: squash(await page.locator("text=/Notifications \\(\\d+\\)/").first().innerText()) });
  const board = page.locator("#newsroom-desk-board, [data-newsroom-pipeline]").first();
  await board.waitFor();
  const copyEdit = page.locator('section.newsroom-stage[data-stage="copy_edit"]');
  const row = copyEdit.locator("tr", { hasText: headline });
  await row.waitFor();
  const counts = await page.locator("[data-newsroom-pipeline] g[data-stage]").evaluateAll((groups) =>
    Object.fromEntries(groups.map((g) => [g.dataset.stage, Number(g.dataset.count)])));
  const awaiting = page.locator("section, .w-panel").filter({ hasText: /Awaiting your review/i })
    .filter({ hasText: headline }).last();
  report("home", {
    row: squash(await row.innerText()),
    pipeline: counts,
    awaiting_links_to_edit: (await awaiting.locator("a[href*='/edit/']").count()) > 0,
    generic_panels: await page.locator("text=Your most recent edits").count(),
    awaiting_layout: await awaitingLayout(),
  });
  if (shots) {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.screenshot({ path: join(shots, "newsroom-home.png") });
    await page.setViewportSize({ width: 1400, height: 2400 });
    const panel = page.locator(".w-panel", { has: page.locator("[data-newsroom-pipeline]") }).first();
    await panel.screenshot({ path: join(shots, "desk-board.png") });
    await page.setViewportSize({ width: 1400, height: 1000 });
  }
  current = "the notification list";
  await Promise.all([page.waitForURL(/\/admin\/newsroom\/notifications\//),
    page.locator("a", { hasText: /Notifications \(\d+\)/ }).first().click()]);
  const note = page.locator("[data-event=sent_to_copy_edit]", { hasText: headline }).first();
  report("notifications", { text: squash(await note.innerText()) });
  current = "one click from the board row to the edit form";
  await page.goto(url("/admin/"));
  await Promise.all([page.waitForURL(/\/admin\/pages\/\d+\/edit\//), row.locator("a").first().click()]);
  report("row-opens", { url: new URL(page.url()).pathname, title: await page.locator("#id_title").inputValue() });
  current = "filter the board by desk";
  await page.goto(url("/admin/"));
  await Promise.all([page.waitForURL(/desk=/),
    page.locator("[data-newsroom-desk-filter] a", { hasText: "World" }).click()]);
  report("filtered", {
    url: new URL(page.url()).search,
    shows_top_news_story: await page.locator('section.newsroom-stage tr', { hasText: headline }).count(),
  });
}

async function editorFindsPublishAt() {
  await login("editor");
  current = "the editor opens the story from the board";
  await page.goto(url("/admin/"));
  const row = page.locator('section.newsroom-stage tr', { hasText: headline }).first();
  await Promise.all([page.waitForURL(/\/admin\/pages\/\d+\/edit\//), row.locator("a").first().click()]);
  current = "Publish at… in the footer menu";
  const publishAt = page.locator("[data-newsroom-publish-at]").first();
  if (!(await publishAt.isVisible())) {
    await page.locator("nav.actions--primary .w-dropdown-button button.w-dropdown__toggle").first().click();
  }
  await publishAt.click();
  const dialog = page.locator("#schedule-publishing-dialog");
  await dialog.locator("#id_go_live_at").waitFor({ state: "visible" });
  report("publish-at", { label: squash(await publishAt.innerText()), dialog_open: await dialog.isVisible() });
}

let failed = false;
try {
  await reporterStartsAStory();
  await copyEditorIsTold();
  await editorFindsPublishAt();
  report("done");
} catch (error) {
  failed = true;
  let shown = "";
  try {
    shown = squash(await page.locator("body").innerText()).slice(0, 1500);
  } catch { /* the page is gone */ }
  console.error(`FAILED at step: ${current}\n${error.stack || error}\npage: ${page.url()}\n${shown}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
