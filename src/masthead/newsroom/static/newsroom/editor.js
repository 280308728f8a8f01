// The story editor: a live length counter under the headline (data-newsroom-counter = advised).
(() => {
  const attach = (field) => {
    if (field.dataset.newsroomCounted) return;
    field.dataset.newsroomCounted = "1";
    const advised = Number(field.dataset.newsroomCounter);
    const counter = document.createElement("p");
    counter.className = "newsroom-counter help";
    counter.setAttribute("aria-live", "polite");
    counter.id = `${field.id}-counter`;
    field.setAttribute("aria-describedby", `${field.getAttribute("aria-describedby") || ""} ${counter.id}`.trim());
    const update = () => {
      const length = field.value.replace(/\s+/g, " ").trim().length;
      counter.textContent = `${length} characters${length > advised ? ` (over ${advised}: cut short in search results)` : ` of ${advised} advised`}`;
      counter.dataset.over = length > advised ? "true" : "false";
    };
    field.addEventListener("input", update);
    field.addEventListener("keydown", (event) => {
      if (event.key === "Enter") event.preventDefault(); // one line: it wraps, it does not break
    });
    field.insertAdjacentElement("afterend", counter);
    update();
  };
  const scan = () => document.querySelectorAll("textarea[data-newsroom-counter]").forEach(attach);
  document.addEventListener("DOMContentLoaded", scan);
  scan();
})();

// "Before you publish", live: a moment after each change the form is checked on the server
// (/admin/newsroom/checks/) and the panel shows the answer. The lead image's alt text is marked
// required while there is a lead image.
(() => {
  const CHECKS_URL = "/admin/newsroom/checks/";
  let timer = null;
  let running = null;
  const panel = () => document.querySelector("#panel-child-content-before_you_publish-content");
  const form = () => document.querySelector("form[data-edit-form], #page-edit-form");

  const markAltRequired = () => {
    const image = document.querySelector("input[name='lead_image']");
    const label = document.querySelector("#id_lead_image_alt-label, label[for='id_lead_image_alt']");
    if (!image || !label) return;
    let mark = label.querySelector("[data-newsroom-required]");
    if (!mark) {
      mark = document.createElement("span");
      mark.className = "w-required-mark";
      mark.dataset.newsroomRequired = "";
      mark.textContent = "*";
      mark.title = "Required to publish a story with a lead image";
      label.appendChild(mark);
    }
    mark.hidden = !image.value;
  };

  const check = async () => {
    const target = panel();
    const editForm = form();
    if (!target || !editForm) return;
    if (running) running.abort();
    running = new AbortController();
    const data = new FormData(editForm);
    try {
      const editing = /\/admin\/pages\/(\d+)\/edit\//.exec(window.location.pathname);
      const response = await fetch(CHECKS_URL + (editing ? `?page=${editing[1]}` : ""), {
        method: "POST",
        body: data,
        signal: running.signal,
        headers: { "X-CSRFToken": data.get("csrfmiddlewaretoken") || "" },
      });
      if (response.ok) target.innerHTML = await response.text();
    } catch (error) {
      if (error.name !== "AbortError") console.warn("Before you publish: could not check", error);
    }
  };

  const schedule = () => {
    markAltRequired();
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  };

  const start = () => {
    const editForm = form();
    if (!editForm || !panel()) return;
    editForm.addEventListener("input", schedule);
    editForm.addEventListener("change", schedule);
    // Choosers set hidden inputs without an input event: look again when a chooser closes.
    document.addEventListener("w-chooser:chosen", schedule);
    new MutationObserver(schedule).observe(editForm.querySelector("#id_lead_image-chooser") || editForm, {
      attributes: true, subtree: true, attributeFilter: ["class", "value"],
    });
    schedule();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

// Uploading an image in a chooser: its title is the file's name until someone types a better one.
document.addEventListener("change", (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== "file" || !input.files?.length) return;
  const form = input.closest("form");
  const title = form?.querySelector("input[name$='title']");
  if (!title || title.value.trim()) return;
  title.value = input.files[0].name.replace(/\.[^.]+$/, "").replace(/[-_]+/g, " ").trim();
  title.dispatchEvent(new Event("input", { bubbles: true }));
});

// The publishing schedule dialog keeps what was typed when it is closed (Escape, ×, a click
// outside): Wagtail resets its inputs on close. Its date pickers open in the dialog's flow, under
// their input, pushing "Save schedule" down instead of covering it.
(() => {
  const DIALOG = "#schedule-publishing-dialog";
  const INPUTS = `${DIALOG} input[name='go_live_at'], ${DIALOG} input[name='expire_at']`;
  document.addEventListener(
    "w-dialog:hidden",
    (event) => {
      if (!(event.target instanceof Element) || !event.target.matches(INPUTS)) return;
      event.stopImmediatePropagation();
      window.jQuery?.(event.target).data("xdsoft_datetimepicker")?.trigger("close.xdsoft");
    },
    true,
  );
  // Wagtail creates an input's picker lazily (on its first focus, after this script's
  // listeners may have run), so docking is tried on every way in (pointer, focus, key) and
  // whenever a picker is added to the page.
  const dock = (input) => {
    const picker = window.jQuery?.(input).data("xdsoft_datetimepicker")?.get(0);
    if (!picker) return false;
    const anchor = input.closest(".w-field__wrapper") || input;
    if (picker.previousElementSibling !== anchor) anchor.insertAdjacentElement("afterend", picker);
    picker.dataset.newsroomDocked = "";
    return true;
  };
  const dockAll = () => document.querySelectorAll(INPUTS).forEach(dock);
  const soon = (event) => {
    if (!(event.target instanceof Element) || !event.target.matches(INPUTS)) return;
    dock(event.target);
    requestAnimationFrame(() => dock(event.target));
    setTimeout(() => dock(event.target), 50);
  };
  for (const type of ["focusin", "mousedown", "keydown"]) document.addEventListener(type, soon, true);
  // The picker closes when its input loses focus or on a press outside it; docked in the flow,
  // its closing would move the dialog's buttons ("Save schedule", ×) between the press and the
  // release, and the click would be lost. A press on a button of the dialog moves no focus and
  // leaves the picker open: the click lands (and the picker goes with the dialog). The dialog is
  // teleported into the form after this script runs: listen on the document.
  const keepOpenForSave = (event) => {
    if (!(event.target instanceof Element) || !event.target.closest(`${DIALOG} button`)) return;
    if (event.target.closest(".xdsoft_datetimepicker")) return; // the picker's own buttons
    event.preventDefault();
    event.stopPropagation();
  };
  document.addEventListener("mousedown", keepOpenForSave, true);
  const start = () => {
    dockAll();
    new MutationObserver((changes) => {
      const added = changes.some((change) => [...change.addedNodes].some(
        (node) => node instanceof Element && node.classList.contains("xdsoft_datetimepicker") && !("newsroomDocked" in node.dataset),
      ));
      if (added) dockAll();
    }).observe(document.body, { childList: true, subtree: true });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

// Images in place: every image chooser of the story form (the lead image, each image block) gets
// an "Upload an image" file input beside "Choose an image". The picked file goes through
// Wagtail's own chooser upload (/admin/newsroom/images/upload/: its form, checks and duplicate
// finder; a duplicate is answered with the library's image) and becomes the chosen image at once,
// without a dialog. Whenever an image is chosen or uploaded, the alt text, caption and credit it was last described with (/admin/newsroom/image-defaults/)
// fill those of the story's fields that are still empty.
(() => {
  const UPLOAD_URL = "/admin/newsroom/images/upload/";
  const DEFAULTS_URL = "/admin/newsroom/image-defaults/";
  const csrf = () => document.querySelector("input[name=csrfmiddlewaretoken]")?.value || "";

  // The story's fields that describe the image chosen in `input`: the lead image's or the block's.
  const describing = (input) => {
    const id = input.id;
    if (id === "id_lead_image") {
      return { alt_text: "id_lead_image_alt", caption: "id_lead_image_caption", credit: "id_lead_image_credit" };
    }
    const base = id.replace(/image$/, "");
    return { alt_text: `${base}alt_text`, caption: `${base}caption`, credit: `${base}credit` };
  };

  const offerDefaults = async (input, imageId) => {
    if (!imageId) return;
    const response = await fetch(`${DEFAULTS_URL}${imageId}/`, { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const defaults = await response.json();
    for (const [key, fieldId] of Object.entries(describing(input))) {
      const field = document.getElementById(fieldId);
      if (!field || field.value.trim() || !defaults[key]) continue;
      field.value = defaults[key];
      field.dispatchEvent(new Event("input", { bubbles: true }));
    }
  };

  const say = (chooser, text) => {
    let note = chooser.parentElement.querySelector(":scope > [data-newsroom-upload-note]");
    if (!note) {
      note = document.createElement("p");
      note.className = "help";
      note.dataset.newsroomUploadNote = "";
      note.setAttribute("role", "status");
      chooser.insertAdjacentElement("afterend", note);
    }
    note.textContent = text;
    note.hidden = !text;
  };

  const answerOf = async (response) => {
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      return { step: "error", text };
    }
  };

  const upload = async (chooser, file) => {
    const widget = chooser.widget;
    const data = new FormData();
    data.append("csrfmiddlewaretoken", csrf());
    data.append("image-chooser-upload-title", file.name.replace(/\.[^.]+$/, "").replace(/[-_]+/g, " ").trim());
    data.append("image-chooser-upload-file", file);
    say(chooser, `Uploading ${file.name}…`);
    chooser.dataset.newsroomUploading = "true";
    try {
      // The newsroom's copy of Wagtail's chooser upload answers a duplicate with the library's
      // image (the same file), dropping the new copy quietly: no dialog, no "deleted" banner.
      const answer = await answerOf(await fetch(UPLOAD_URL, { method: "POST", body: data, headers: { "X-CSRFToken": csrf() } }));
      if (answer.step === "chosen" && answer.result) {
        widget.setStateFromModalData(answer.result);
        say(chooser, "");
        return;
      }
      const fragment = answer.htmlFragment ? new DOMParser().parseFromString(answer.htmlFragment, "text/html") : null;
      const errors = fragment ? [...fragment.querySelectorAll(".error-message, .help-critical, [data-field-errors] p")].map((e) => e.textContent.trim()).filter(Boolean) : [];
      const why = errors.join(" ").replace(/\.$/, "") || "the server refused it";
      say(chooser, `${file.name} could not be uploaded: ${why}. Choose it again, or another file.`);
    } catch (error) {
      say(chooser, `${file.name} could not be uploaded (${error.message}). Try again.`);
    } finally {
      delete chooser.dataset.newsroomUploading;
    }
  };

  const enhance = (chooser) => {
    if (chooser.dataset.newsroomInPlace === "1" || !chooser.widget) return;
    chooser.dataset.newsroomInPlace = "1";
    const input = document.getElementById(chooser.id.replace(/-chooser$/, ""));
    chooser.widget.addEventListener("chosen", (event) => offerDefaults(input, event.detail?.id));
    const label = document.createElement("label");
    label.className = "button button-small button-secondary newsroom-upload";
    label.textContent = "Upload an image";
    const file = document.createElement("input");
    file.type = "file";
    file.accept = "image/*";
    file.className = "newsroom-upload__file";
    file.dataset.newsroomUpload = "";
    file.addEventListener("change", (event) => {
      event.stopPropagation(); // not a field of the story: no live check, no autosave for it
      if (file.files.length) upload(chooser, file.files[0]).finally(() => { file.value = ""; });
    });
    label.appendChild(file);
    chooser.querySelector(".unchosen")?.appendChild(label);
  };

  const scan = (root = document) => {
    if (!document.querySelector("form[data-edit-form], #page-edit-form")) return;
    root.querySelectorAll?.(".chooser.image-chooser").forEach(enhance);
  };
  const start = () => {
    scan();
    new MutationObserver(() => scan()).observe(document.body, { childList: true, subtree: true });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

// Tags: a tag typed and left (a click or Tab elsewhere, Submit) is kept, as if Enter had been
// pressed, even when the suggestions list is open (tag-it keeps it only when it is closed).
document.addEventListener(
  "focusout",
  (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.closest("ul.tagit")) return;
    const typed = input.value.trim();
    const field = input.closest("ul.tagit").parentElement?.querySelector("[data-controller~='w-tag']");
    if (!typed || !field || !window.jQuery) return;
    window.jQuery(field).tagit("createTag", typed);
    input.value = "";
  },
  true,
);

// The buttons that publish say what they will do with the form as it is now: a go-live time
// (or an embargo) to come, typed in the schedule dialog and kept there even when the dialog is
// closed without "Save schedule", makes "Publish" read "Schedule for 14:35 GMT, Wed 9 Dec" (and
// "Approve and Publish" read "Approve and schedule for …") the moment it is typed; clearing it
// gives "Publish" back. The times are typed in the newsroom's zone (data-newsroom-zone).
(() => {
  const FIELDS = "input[name='go_live_at'], input[name='embargo_until']";
  const PUBLISH = "button[name='action-publish'] [data-w-progress-target='label']";
  const APPROVE = "button[data-workflow-action-name='approve']";
  const originals = new WeakMap();
  const original = (element) => {
    if (!originals.has(element)) originals.set(element, element.textContent.trim());
    return originals.get(element);
  };
  const zone = () => document.querySelector("[data-newsroom-zone]")?.dataset.newsroomZone || "UTC";

  // "2026-12-09 03:02" typed in the newsroom's zone → the instant, or null.
  const instant = (typed) => {
    const parts = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})/.exec(typed.trim());
    if (!parts) return null;
    const [y, mo, d, h, mi] = parts.slice(1).map(Number);
    const asUtc = Date.UTC(y, mo - 1, d, h, mi);
    const offsetAt = (ms) => {
      const shown = new Intl.DateTimeFormat("en-GB", {
        timeZone: zone(), hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
      }).formatToParts(new Date(ms)).reduce((all, part) => ({ ...all, [part.type]: Number(part.value) }), {});
      return Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute) - ms;
    };
    const guess = asUtc - offsetAt(asUtc);
    return new Date(asUtc - offsetAt(guess));
  };

  // "14:35 GMT, Wed 9 Dec", as masthead.newsroom.scheduling.at says it.
  const at = (date) => {
    const parts = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone(), hourCycle: "h23", hour: "2-digit", minute: "2-digit", weekday: "short", day: "numeric", month: "short", timeZoneName: "short",
    }).formatToParts(date).reduce((all, part) => ({ ...all, [part.type]: part.value }), {});
    return `${parts.hour}:${parts.minute} ${parts.timeZoneName}, ${parts.weekday} ${parts.day} ${parts.month}`;
  };

  const release = () => {
    const now = Date.now();
    const times = [...document.querySelectorAll(FIELDS)].map((field) => instant(field.value)).filter((date) => date && date.getTime() > now);
    return times.length ? new Date(Math.max(...times.map((date) => date.getTime()))) : null;
  };

  // The page was rendered for the values its fields were rendered with (defaultValue): while the
  // fields hold those, the server's labels stand.
  const changed = () => [...document.querySelectorAll(FIELDS)].some((field) => field.value.trim() !== field.defaultValue.trim());

  const update = () => {
    if (!changed()) {
      document.querySelectorAll(PUBLISH).forEach((label) => { label.textContent = original(label); });
      document.querySelectorAll(APPROVE).forEach((button) => {
        const text = [...button.childNodes].reverse().find((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
        if (text) text.textContent = original(button);
      });
      return;
    }
    const when = release();
    document.querySelectorAll(PUBLISH).forEach((label) => {
      const was = original(label);
      const plain = was.startsWith("Schedule for ") || was === "Schedule to publish" ? "Publish" : was;
      label.textContent = when ? `Schedule for ${at(when)}` : plain;
      const button = label.closest("button");
      button.dataset.wProgressActiveValue = when ? "Scheduling…" : "Publishing…";
    });
    document.querySelectorAll(APPROVE).forEach((button) => {
      const was = original(button);
      const step = /^(.*) and (Publish|schedule for .*)$/.exec(was);
      if (!step) return;
      const text = [...button.childNodes].reverse().find((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
      if (text) text.textContent = when ? `${step[1]} and schedule for ${at(when)}` : `${step[1]} and Publish`;
    });
  };

  const watch = (event) => {
    if (event.target instanceof Element && event.target.matches(FIELDS)) update();
  };
  document.addEventListener("input", watch, true);
  document.addEventListener("change", watch, true);
  // Wagtail's reset on close and the date picker set values without an event: look again then.
  document.addEventListener("w-dialog:hidden", () => setTimeout(update, 0));
  const start = () => {
    if (document.querySelector(FIELDS)) update();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
