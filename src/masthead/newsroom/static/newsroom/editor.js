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
      if (event.target instanceof Element && event.target.matches(INPUTS)) event.stopImmediatePropagation();
    },
    true,
  );
  const dock = (input) => {
    const picker = window.jQuery?.(input).data("xdsoft_datetimepicker")?.get(0);
    if (!picker || picker.dataset.newsroomDocked) return;
    picker.dataset.newsroomDocked = "";
    (input.closest(".w-field__wrapper") || input).insertAdjacentElement("afterend", picker);
  };
  document.addEventListener(
    "focusin",
    (event) => {
      if (event.target instanceof Element && event.target.matches(INPUTS)) dock(event.target);
    },
    true,
  );
  document.addEventListener("mousedown", (event) => {
    if (event.target instanceof Element && event.target.matches(INPUTS)) dock(event.target);
  }, true);
})();
