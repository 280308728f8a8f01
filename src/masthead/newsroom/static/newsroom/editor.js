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
