// The desk's two other roles, from login to their step done, counting every action a person
// takes (each click, fill, key press and file pick), as write_story.mjs does for the reporter:
//   node tests/e2e/desk_flows.mjs copyedit BASE_URL HEADLINE
//     the copy editor: log in, open the story waiting in "Awaiting your review", make one
//     correction (the standfirst), pass it: "Passed to the editor".
//   node tests/e2e/desk_flows.mjs schedule BASE_URL HEADLINE
//     the editor: log in, open the story waiting at "Publish", set its go-live time with
//     "Publish at…", approve: "Scheduled for …".
// Each action is a VALUE (it carries something the story needs: the correction, the time) or
// FURTHER (everything else). It takes the longer way where a shortcut is missing (the step's
// button in the footer's menu rather than its main button), so it measures any version.
// Prints JSON lines; the last is {"step": "counted", "values": N, "further": M, "actions": [...]}.
import { rmSync } from "node:fs";
import { launch, report, squash } from "./chromium.mjs";

const [mode, base, headline] = process.argv.slice(2);
if (!["copyedit", "schedule"].includes(mode) || !base || !headline) {
  console.error("usage: node tests/e2e/desk_flows.mjs copyedit|schedule BASE_URL HEADLINE");
  process.exit(2);
}
const url = (path) => new URL(path, base).href;
const { profile, context, page } = await launch(`masthead-${mode}-`);
const actions = [];
let current = "start";

async function act(kind, what, run) {
  current = what;
  actions.push(`${kind}: ${what}`);
  return run();
}
const value = (what, run) => act("value", what, run);
const further = (what, run) => act("further", what, run);

async function login(username) {
  await page.goto(url("/admin/login/"));
  await further("fill the user name", () => page.locator("input[name=username]").fill(username));
  await further("fill the password", () => page.locator("input[name=password]").fill("masthead-demo"));
  await further("click Sign in", () => Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith("/admin/login/")),
    page.locator("form.login-form button[type=submit]").click(),
  ]));
}

// The story, from the home page's "Awaiting your review" (one click to its edit form).
async function openWaitingStory() {
  const link = page.locator("#awaiting-review-section a[href*='/edit/']", { hasText: headline }).first();
  await link.waitFor();
  await further("open the story from Awaiting your review", () => Promise.all([
    page.waitForURL(/\/admin\/pages\/\d+\/edit\//), link.click(),
  ]));
  await page.locator("#id_title").waitFor();
}

// A footer action: its main button, or the menu beside it and then the item.
async function footer(selector, what, { navigates = true } = {}) {
  const target = page.locator(selector).first();
  if (!(await target.isVisible())) {
    await further("open the footer's menu", () => page.locator("nav.actions--primary .w-dropdown-button button.w-dropdown__toggle").first().click());
    await target.waitFor({ state: "visible" });
  }
  if (!navigates) return further(`click ${what}`, () => target.click());
  await page.waitForTimeout(1500); // Wagtail's autosave: let a save in flight finish
  return further(`click ${what}`, () => Promise.all([page.waitForNavigation(), target.click()]));
}

const messages = async () => squash(await page.locator(".messages").first().innerText().catch(() => ""));

async function copyEdit() {
  await login("copyeditor");
  await openWaitingStory();
  await value("correct the standfirst", () => page.locator("#id_standfirst").fill("The council voted on Tuesday to run buses all night from May."));
  await footer("button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])", "Approve (Copy edit)");
  report("passed", { message: await messages() });
}

function inTwoDays() {
  const day = new Date(Date.now() + 2 * 86_400_000);
  const pad = (n) => String(n).padStart(2, "0");
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())} 14:35`;
}

async function schedule() {
  await login("editor");
  await openWaitingStory();
  await footer("[data-newsroom-publish-at], [data-a11y-dialog-show='schedule-publishing-dialog']:visible", "Publish at…", { navigates: false });
  const dialog = page.locator("#schedule-publishing-dialog");
  const input = dialog.locator("#id_go_live_at");
  await input.waitFor({ state: "visible" });
  const goLive = inTwoDays();
  await value("fill the go-live time", () => input.fill(goLive));
  await page.waitForTimeout(1500);
  await further("click Save schedule", () => Promise.all([
    page.waitForNavigation(), dialog.locator("button[type=submit]").first().click(),
  ]));
  report("schedule-saved", { go_live: goLive, message: await messages() });
  await footer("button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])", "Approve and Publish");
  report("scheduled", { message: await messages() });
}

let failed = false;
try {
  if (mode === "copyedit") await copyEdit();
  else await schedule();
  const values = actions.filter((a) => a.startsWith("value")).length;
  report("counted", { values, further: actions.length - values, total: actions.length, actions });
} catch (error) {
  failed = true;
  let shown = "";
  try { shown = squash(await page.locator("body").innerText()).slice(0, 1500); } catch { /* gone */ }
  console.error(`FAILED at: ${current}\n${error.stack || error}\npage: ${page.url()}\n${shown}`);
  console.error(`actions so far: ${JSON.stringify(actions)}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
