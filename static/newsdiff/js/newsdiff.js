// Progressive enhancement only: the pages work without this file.
(() => {
  "use strict";

  // Selecting a claim marks it and highlights its counterparts (the claims of other
  // articles it is linked to, listed in its data-linked ids) wherever they are shown:
  // in the columns, the tab groups, the article text and the detail panel.
  function highlight(claimId, linkedIds) {
    document.querySelectorAll(".is-selected, .is-counterpart").forEach((el) => {
      el.classList.remove("is-selected", "is-counterpart");
    });
    document.querySelectorAll(".claim[aria-current], .claim-inline[aria-current]").forEach((el) => {
      el.removeAttribute("aria-current");
    });
    if (!claimId) return;
    const linked = new Set(linkedIds);
    document.querySelectorAll("[data-claim-id]").forEach((el) => {
      if (el.closest("#claim-panel") && el.classList.contains("claim-detail")) return;
      if (el.dataset.claimId === claimId) {
        el.classList.add("is-selected");
        el.setAttribute("aria-current", "true");
      } else if (linked.has(el.dataset.claimId)) {
        el.classList.add("is-counterpart");
      }
    });
  }

  function idsOf(el) {
    return (el.dataset.linked || "").split(/\s+/).filter(Boolean);
  }

  document.addEventListener("click", (event) => {
    const claim = event.target.closest("[data-claim-id][data-linked]");
    if (!claim || claim.classList.contains("claim-detail")) return;
    highlight(claim.dataset.claimId, idsOf(claim));
  });

  // After any swap (a claim's detail in the panel, a tab, the story view reloading after
  // a review), follow the claim the panel shows: it may have been reached from a link
  // inside the panel itself.
  document.addEventListener("htmx:afterSettle", (event) => {
    const shown = document.querySelector("#claim-panel .claim-detail[data-claim-id]");
    if (shown) highlight(shown.dataset.claimId, idsOf(shown));
    // On narrow screens the panel sits below the columns: bring it into view when a
    // claim outside it was chosen, so the tap visibly does something.
    const panel = event.detail.target;
    if (!panel || panel.id !== "claim-panel") return;
    const source = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (source && panel.contains(source)) return;
    if (window.matchMedia("(max-width: 60rem)").matches) {
      panel.scrollIntoView({ block: "start", behavior: "smooth" });
    }
  });
})();
