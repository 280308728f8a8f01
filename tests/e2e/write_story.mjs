// The reporter's full story, from login to "sent to copy edit", counting every action a person
// takes (each click, fill, key press and file pick) in Debian's Chromium (playwright-core).
//   node tests/e2e/write_story.mjs BASE_URL TOP_NEWS_ID IMAGE_1 IMAGE_2 HEADLINE
// The story (issue 13): headline, standfirst, source credit, byline, dateline, lead image with
// alt text, caption and credit, two paragraphs, a quote with its speaker, a body image with alt
// text, caption and credit, tags. Each action is either a VALUE (a fill or pick that carries
// one of the story's values) or FURTHER (everything else: log in, start the story, open
// dialogs, submit). It runs against any version of the admin: where the newsroom's shortcuts
// (the "New story" button, the writer's byline) are missing it takes the longer way.
// A paste carries several values in one action (the body's paragraphs, quote and speaker): it
// counts as one action, as a fill does (a fill focuses its field, a paste is Ctrl+V in it).
// After the count (not counted): the body's blocks as saved, and a second story in which the
// body image, chosen again, brings its alt text, caption and credit.
// Prints JSON lines; {"step": "counted", "values": N, "value_actions": V, "further": M, ...}.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  actionCounter, launch, login as signIn, report, reportFailure, settleAutosave, squash,
} from "./chromium.mjs";

const [base, topNewsId, image1, image2, headline] = process.argv.slice(2);
if (!base || !topNewsId || !image1 || !image2 || !headline) {
  console.error("usage: node tests/e2e/write_story.mjs BASE TOP_NEWS_ID IMAGE_1 IMAGE_2 HEADLINE");
  process.exit(2);
}
const url = (path) => new URL(path, base).href;

const { profile, context, page } = await launch("masthead-write-");
await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(base).origin });
const { actions, state, value, further, counted } = actionCounter();

const BLOCKS = "#body-root > [data-streamfield-stream-container] > [data-streamfield-child]";

const login = () => signIn(page, base, "reporter", further);

async function startStory() {
  const newStory = page.locator(`[data-newsroom-new-story] a[data-desk="${topNewsId}"]`);
  if (await newStory.count()) {
    await further("click New story in Top News", () => Promise.all([
      page.waitForURL(/\/pages\/add\//), newStory.click(),
    ]));
  } else {
    await further("click Pages", () => page.goto(url("/admin/pages/")));
    const topNews = page.locator(`a[href="/admin/pages/${topNewsId}/"]`).first();
    await further("click Top News", () => Promise.all([
      page.waitForURL(`**/admin/pages/${topNewsId}/`), topNews.click(),
    ]));
    await further("click Add child page", () => page.locator("a[aria-label='Add child page']").first().click());
    await page.waitForURL(/\/add_subpage\/|\/pages\/add\//);
    if (/add_subpage/.test(page.url())) {
      await further("choose Story", () => Promise.all([
        page.waitForURL(/\/pages\/add\/articles\/articlepage\//),
        page.locator("a[href*='/admin/pages/add/articles/articlepage/']").first().click(),
      ]));
    }
  }
  await page.locator("#id_title").waitFor();
}

async function chooseInModal(opener, linkText, what) {
  await further(`open the ${what} chooser`, () => opener.click());
  const modal = page.locator(".modal-dialog, [role=dialog]:visible").last();
  await modal.waitFor();
  const link = modal.locator("a", { hasText: linkText }).first();
  await value(`pick ${linkText} as ${what}`, () => link.click());
  await modal.waitFor({ state: "hidden" });
}

async function uploadInChooser(opener, file, what) {
  await further(`open the ${what} chooser`, () => opener.click());
  const modal = page.locator(".modal-dialog, [role=dialog]:visible").last();
  await modal.waitFor();
  const uploadTab = modal.getByRole("tab", { name: /upload/i }).first();
  await uploadTab.waitFor();
  await further(`open the Upload tab (${what})`, () => uploadTab.click());
  const input = modal.locator("input[type=file]").first();
  await input.waitFor({ state: "attached" });
  await value(`pick the ${what} file`, () => input.setInputFiles(file));
  const title = modal.locator("input[name$='title']").first();
  // Wagtail fills the title in from the file's name: give it a moment before typing one.
  await page.waitForFunction((el) => !el || el.value !== "", await title.elementHandle(), { timeout: 1500 }).catch(() => {});
  if ((await title.count()) && !(await title.inputValue())) {
    await further(`fill the ${what}'s title`, () => title.fill(`Photo ${Date.now()}`));
  }
  const submit = modal.locator("form button[type=submit], form input[type=submit]").filter({ visible: true }).first();
  await further(`click Upload (${what})`, () => submit.click());
  const useNew = modal.locator("a.use-new-image");
  await Promise.race([modal.waitFor({ state: "hidden" }), useNew.waitFor({ state: "visible" })]);
  if (await useNew.isVisible()) await further("keep the new image", () => useNew.click());
  await modal.waitFor({ state: "hidden" });
}

// "Upload an image" beside the chooser (the newsroom's in-place upload): one file pick, no dialog.
async function uploadInPlace(scope, file, what, fallbackOpener) {
  const input = scope.locator("input[type=file][data-newsroom-upload]").first();
  if (!(await input.count())) return uploadInChooser(fallbackOpener, file, what);
  const chooser = scope.locator(".chooser.image-chooser").first();
  await value(`pick the ${what} file`, () => input.setInputFiles(file));
  await page.waitForFunction((el) => !el.classList.contains("blank"), await chooser.elementHandle(), { timeout: 20_000 });
  // Not counted: which image the chooser holds now, and whether the page says anything of it.
  report(`${what.replace(/ /g, "-")}-chosen`, {
    id: await scope.locator("input[type=hidden][name$='image']").first().inputValue(),
    said: squash(await page.locator(".messages").first().innerText().catch(() => "")),
  });
}

async function insertBlock(label) {
  const before = await page.locator(BLOCKS).count();
  await further(`click Insert a block (${label})`, () => page.locator("#body-root button.c-sf-add-button").last().click());
  const option = page.getByRole("option", { name: label, exact: true }).first();
  await further(`choose ${label}`, () => option.click());
  await page.waitForFunction(([s, n]) => document.querySelectorAll(s).length > n, [BLOCKS, before]);
  return page.locator(BLOCKS).last();
}

async function writeStory() {
  await value("fill the headline", () => page.locator("#id_title").fill(headline));
  await value("fill the standfirst", () => page.locator("#id_standfirst").fill("The council voted to run buses all night from May."));
  const credit = page.locator("#id_credit_organisation-chooser button, [id$='credit_organisation-chooser'] button").filter({ visible: true }).first();
  await chooseInModal(credit, "Asian Lite News", "source credit");

  const bylinePerson = page.locator("input[name='bylines-0-person']");
  const bylined = (await bylinePerson.count()) && (await bylinePerson.inputValue());
  if (!bylined) {
    await further("click Add Byline", () => page.locator("#id_bylines-ADD").click());
    const chooser = page.locator("[id^='id_bylines-0-person-chooser'] button").filter({ visible: true }).first();
    // The reporter has no person of their own here: the nearest is a colleague's name.
    await chooseInModal(chooser, "Amara Okafor", "byline");
  }
  report("byline", { by_default: Boolean(bylined) });
  await value("fill the dateline", () => page.locator("#id_dateline").fill("LONDON"));

  const lead = page.locator("#id_lead_image-chooser button").filter({ visible: true }).first();
  await uploadInPlace(page.locator("#id_lead_image-chooser").locator("xpath=.."), image1, "lead image", lead);
  await value("fill the lead image's alt text", () => page.locator("#id_lead_image_alt").fill("A night bus at the depot"));
  await value("fill the lead image's caption", () => page.locator("#id_lead_image_caption").fill("The first night bus leaves the depot."));
  await value("fill the lead image's credit", () => page.locator("#id_lead_image_credit").fill("Photo: Sam Lee"));

  // A new story may open with an empty paragraph; else one is inserted.
  const opening = page.locator(BLOCKS);
  const ready = (await opening.count()) === 1
    && (await opening.first().locator("[contenteditable=true]").count()) === 1
    && !squash(await opening.first().locator("[contenteditable=true]").innerText());
  const paragraph = ready ? opening.first() : await insertBlock("Paragraph");
  const editor = paragraph.locator("[contenteditable=true]").first();
  await editor.waitFor();
  // The body as written elsewhere and copied: two paragraphs and a quote with its speaker.
  await page.evaluate((text) => navigator.clipboard.writeText(text), [
    "The council voted on Tuesday night to run buses all night.",
    "The first routes start in May.",
    "“Night workers need a way home,” said Tahir Khan.",
  ].join("\n"));
  await value("paste the body (two paragraphs, a quote and its speaker)", async () => {
    await editor.focus();
    await page.keyboard.press("Control+V");
  }, 4);
  await page.waitForFunction((el) => el.innerText.includes("Tahir Khan"), await editor.elementHandle());

  const figure = await insertBlock("Image");
  await uploadInPlace(figure, image2, "body image", figure.locator("button[data-chooser-action-choose]").first());
  await value("fill the body image's alt text", () => figure.locator("input[name$='-value-alt_text']").fill("Passengers board at midnight"));
  await value("fill the body image's caption", () => figure.locator("input[name$='-value-caption']").fill("Passengers board at midnight."));
  await value("fill the body image's credit", () => figure.locator("input[name$='-value-credit']").fill("Photo: Sam Lee"));

  const tags = page.locator("#id_tags").locator("xpath=..").locator("input:visible, [contenteditable]:visible, .tagify__input").first();
  await value("type the tags", () => tags.fill("Transport"));
  // The newsroom keeps a typed tag when the field is left (Submit is the next click).
  const keptOnLeaving = await page.evaluate(() => Boolean(document.querySelector("[data-newsroom-upload]")));
  if (!keptOnLeaving) await further("press Enter (tag)", () => tags.press("Enter"));
}

let storyId = null;
const bodyImageTitle = image2.split("/").pop().replace(/\.[^.]+$/, "").replace(/[-_]+/g, " ").trim();

async function submit() {
  const editing = /\/admin\/pages\/(\d+)\//.exec(page.url());
  await settleAutosave(page);
  const button = page.locator("button[name=action-submit]").first();
  if (!(await button.isVisible())) {
    await further("open the action menu", () => page.locator("nav.actions--primary .w-dropdown-button button.w-dropdown__toggle").first().click());
    await button.waitFor({ state: "visible" });
  }
  await further("click Submit", () => Promise.all([page.waitForNavigation(), button.click()]));
  const message = squash(await page.locator(".messages").first().innerText());
  if (/could not be|validation errors/i.test(message)) {
    const errors = await page.locator("[data-field-errors], .error-message").allInnerTexts();
    throw new Error(`${message}: ${squash(errors.join(" / "))}`);
  }
  const story = page.locator(".messages a[href*='/edit/']").first();
  const href = (await story.count()) ? await story.getAttribute("href") : page.url();
  storyId = (/\/pages\/(\d+)\/edit\//.exec(href) || /\/pages\/(\d+)\//.exec(editing ? editing[0] : ""))?.[1] || null;
  report("submitted", { message, id: storyId });
}

// Not counted: what was saved, and the body image's defaults offered in a second story.
async function afterTheCount() {
  state.current = "the body's blocks as saved";
  const id = storyId;
  if (!id) return;
  await page.goto(url(`/admin/pages/${id}/edit/`));
  await page.locator("#id_title").waitFor();
  const types = await page.locator(`${BLOCKS} input[name$='-type']`).evaluateAll((inputs) => inputs.map((i) => i.value));
  const quote = page.locator(BLOCKS).filter({ has: page.locator("input[name$='-value-speaker']") }).first();
  report("body-blocks", {
    types,
    speaker: (await quote.count()) ? await quote.locator("input[name$='-value-speaker']").inputValue() : null,
    quote: (await quote.count()) ? await quote.locator("textarea[name$='-value-text']").inputValue() : null,
  });

  state.current = "a second story: the body image chosen again brings its description";
  await page.goto(url(`/admin/pages/add/articles/articlepage/${topNewsId}/`));
  await page.locator("#id_title").waitFor();
  await page.locator("#id_lead_image-chooser button[data-chooser-action-choose]").filter({ visible: true }).first().click();
  const modal = page.locator(".modal-dialog").last();
  await modal.waitFor();
  await modal.locator("a[data-chooser-modal-choice]", { hasText: bodyImageTitle }).first().click();
  await modal.waitFor({ state: "hidden" });
  await page.waitForFunction(() => document.querySelector("#id_lead_image_alt")?.value, null, { timeout: 10_000 }).catch(() => {});
  report("defaults-offered", {
    alt: await page.locator("#id_lead_image_alt").inputValue(),
    caption: await page.locator("#id_lead_image_caption").inputValue(),
    credit: await page.locator("#id_lead_image_credit").inputValue(),
  });

  state.current = "a file that is no picture, uploaded in place, is refused under its chooser";
  const bogus = join(profile, "not-a-picture.png");
  writeFileSync(bogus, "This is a text file, not a PNG.");
  await page.locator("#id_lead_image-chooser input[data-newsroom-upload]").setInputFiles(bogus);
  const note = page.locator("[data-newsroom-upload-note]").first();
  await page.waitForFunction((el) => /could not be uploaded/.test(el.textContent), await note.elementHandle(), { timeout: 20_000 });
  report("upload-refused", {
    said: squash(await note.innerText()),
    kept: await page.locator("#id_lead_image").inputValue(),
  });
}

let failed = false;
try {
  await login();
  await startStory();
  await writeStory();
  await submit();
  report("counted", counted());
  await afterTheCount();
} catch (error) {
  failed = true;
  await reportFailure(page, state, actions, error);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
