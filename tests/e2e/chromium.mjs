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

// The count of a person's actions (every click, fill, key press and file pick is one): a VALUE
// carries something the story needs (a paste may carry several), everything else is FURTHER.
// `state.current` names the action under way, for the failure message.
export function actionCounter() {
  const actions = [];
  const state = { current: "start", carried: 0 };
  const act = async (kind, what, run, carries = 1) => {
    state.current = what;
    actions.push(`${kind}: ${what}`);
    if (kind === "value") state.carried += carries;
    return run();
  };
  return {
    actions,
    state,
    value: (what, run, carries = 1) => act("value", what, run, carries),
    further: (what, run) => act("further", what, run),
    counted() {
      const valueActions = actions.filter((a) => a.startsWith("value")).length;
      return {
        values: state.carried, value_actions: valueActions, further: actions.length - valueActions,
        total: actions.length, actions,
      };
    },
  };
}

// Signs in to the admin as one of the demo's logins: three further actions.
export async function login(page, base, username, further, password = "masthead-demo") {
  await page.goto(new URL("/admin/login/", base).href);
  await further("fill the user name", () => page.locator("input[name=username]").fill(username));
  await further("fill the password", () => page.locator("input[name=password]").fill(password));
  await further("click Sign in", () => Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith("/admin/login/")),
    page.locator("form.login-form button[type=submit]").click(),
  ]));
}

// Prints what the page showed and the actions so far, for a script that failed.
export async function reportFailure(page, state, actions, error) {
  let shown = "";
  try { shown = squash(await page.locator("body").innerText()).slice(0, 1500); } catch { /* gone */ }
  console.error(`FAILED at: ${state.current}\n${error.stack || error}\npage: ${page.url()}\n${shown}`);
  console.error(`actions so far: ${JSON.stringify(actions)}`);
}

// Wagtail 8 autosaves the story form (a new story is created in the background and the form
// moves to its edit address): let a save in flight land before pressing a button that sends the
// form, or the press posts to the old address ("The slug … is already in use").
export async function settleAutosave(page) {
  await page.waitForTimeout(1500);
  await page.waitForLoadState("networkidle").catch(() => {});
  await page.waitForFunction(
    () => !document.querySelector("[data-w-autosave-state-value='saving'], .w-autosave--saving"),
    null,
    { timeout: 10_000 },
  ).catch(() => {});
  await page.waitForTimeout(500);
}
