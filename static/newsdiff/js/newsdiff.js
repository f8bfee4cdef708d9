// Progressive enhancement only: the pages work without this file.
// Marks the claim whose detail is shown in the panel, so keyboard and screen-reader
// users know which one they picked.
document.addEventListener("htmx:afterSwap", (event) => {
  if (event.detail.target.id !== "claim-panel") return;
  const source = event.detail.requestConfig && event.detail.requestConfig.elt;
  if (!source || !source.classList.contains("claim")) return;
  document.querySelectorAll(".claim[aria-current]").forEach((el) => el.removeAttribute("aria-current"));
  source.setAttribute("aria-current", "true");
});
