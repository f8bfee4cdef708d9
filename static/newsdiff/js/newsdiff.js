// Progressive enhancement only: the pages work without this file.
(() => {
  "use strict";

  const PANEL = "claim-panel";
  const STORY_VIEW = "story-view";
  // The narrow layout of newsdiff.css, where the panel comes below the columns.
  const NARROW = "(max-width: 60rem)";
  // What the n / p keys step through: the entries the story page marks data-conflict (the
  // contradictions tab's groups, the conflicting claims in the columns), or, on a page
  // that marks none, the statuses' own classes. Updates over time are no conflict.
  const CONFLICT_MARKED = "[data-conflict]";
  const CONFLICT_CLASSES =
    ".group--contradicted, .group--disputed, .claim--contradicted, .claim--disputed";
  const FOCUSABLE = "a[href], button:not([disabled]), input, select, textarea, summary, [tabindex]";
  // Letter keys by their place on the keyboard, so that they work with an Arabic layout.
  const KEY_CODES = { KeyJ: "j", KeyK: "k", KeyN: "n", KeyP: "p" };

  const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

  function scrollNearest(el) {
    el.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  function focusOn(el) {
    el.focus({ preventScroll: true });
    scrollNearest(el);
  }

  // --- Selected claim and its counterparts ---------------------------------------------

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
      if (el.closest("#" + PANEL) && el.classList.contains("claim-detail")) return;
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

  // A claim chosen with the keyboard (Enter on a claim link) takes the focus into the panel
  // once its detail arrives, so that Tab goes on to the detail's links and review buttons.
  let panelFocusWanted = false;

  document.addEventListener("click", (event) => {
    const trigger = event.target.closest("[hx-get], [hx-post]");
    // Pending at once, before the response arrives (a phone network takes its time).
    if (trigger && trigger.matches("a")) trigger.classList.add("is-pending");
    const claim = event.target.closest("[data-claim-id][data-linked]");
    if (!claim || claim.classList.contains("claim-detail")) return;
    highlight(claim.dataset.claimId, idsOf(claim));
    // A click the keyboard made (Enter) has no pointer position and detail 0.
    panelFocusWanted = event.detail === 0 && claim.getAttribute("hx-target") === "#" + PANEL;
  });

  // --- Request feedback ----------------------------------------------------------------

  // A thin bar at the top of the viewport shows while any htmx request is in flight
  // (newsdiff.css shows it while an element carries htmx's htmx-request class).
  const bar = document.createElement("div");
  bar.className = "request-bar";
  bar.setAttribute("aria-hidden", "true");
  document.body.prepend(bar);

  function busy(target, on) {
    if (!target || !target.setAttribute) return;
    if (on) target.setAttribute("aria-busy", "true");
    else target.removeAttribute("aria-busy");
  }

  // The review form being posted, and the button that posted it: after the panel comes
  // back, focus returns to the same button of the same link.
  let reviewing = null;

  document.addEventListener(
    "submit",
    (event) => {
      const form = event.target;
      if (!form.matches("#" + PANEL + " .review-form")) return;
      const entry = form.closest("[data-link-id]");
      const submitter = event.submitter;
      reviewing = entry && {
        linkId: entry.dataset.linkId,
        decision: submitter && submitter.name === "decision" ? submitter.value : "",
      };
    },
    true,
  );

  document.addEventListener("htmx:beforeRequest", (event) => {
    const elt = event.detail.elt;
    if (elt && elt.matches && elt.matches("a")) elt.classList.add("is-pending");
    busy(event.detail.target, true);
  });

  document.addEventListener("htmx:afterRequest", (event) => {
    const detail = event.detail;
    busy(detail.target, false);
    if (detail.elt && detail.elt.classList) detail.elt.classList.remove("is-pending");
    if (detail.failed || !detail.successful) {
      document.querySelectorAll(".is-pending").forEach((el) => el.classList.remove("is-pending"));
    }
  });

  // --- Keeping place across swaps ------------------------------------------------------

  // The story view reloads itself after a review (and on every tab): keep its sideways
  // scroll (the columns, the tab bar) and the focus where the editor left them.
  const SIDEWAYS = [".columns", ".tabs ul"];
  let kept = null;

  function focusKey(el) {
    if (!el || el === document.body) return null;
    if (el.id) return { id: el.id };
    const href = el.getAttribute && el.getAttribute("href");
    if (href) return { href, inTabs: !!el.closest(".tabs") };
    return null;
  }

  function findByKey(root, key) {
    if (!key) return null;
    if (key.id) return document.getElementById(key.id);
    const scope = key.inTabs ? root.querySelector(".tabs") : root;
    if (!scope) return null;
    return Array.from(scope.querySelectorAll("a[href]")).find(
      (a) => a.getAttribute("href") === key.href,
    );
  }

  // The panel's state before it is replaced: whether the weak matches were unfolded, and
  // whether the focus was inside it.
  let panelKept = null;

  document.addEventListener("htmx:beforeSwap", (event) => {
    const target = event.detail.target;
    if (!target) return;
    const active = document.activeElement;
    if (target.id === STORY_VIEW) {
      kept = {
        scroll: SIDEWAYS.map((selector) => {
          const el = target.querySelector(selector);
          return el ? el.scrollLeft : null;
        }),
        focus: target.contains(active) ? focusKey(active) : null,
      };
    } else if (target.id === PANEL) {
      const shown = target.querySelector(".claim-detail[data-claim-id]");
      const weak = target.querySelector(".weak-links");
      panelKept = {
        claimId: shown ? shown.dataset.claimId : null,
        weakOpen: !!(weak && weak.open),
        hadFocus: target.contains(active) && active !== target,
      };
    }
  });

  function restoreStoryView(view) {
    if (!kept) return;
    const state = kept;
    kept = null;
    SIDEWAYS.forEach((selector, i) => {
      const el = view.querySelector(selector);
      if (el && state.scroll[i] !== null) el.scrollLeft = state.scroll[i];
    });
    const active = document.activeElement;
    if (state.focus && (!active || active === document.body)) {
      const again = findByKey(view, state.focus);
      if (again) again.focus({ preventScroll: true });
    }
  }

  function panelHeading(panel) {
    const heading = panel.querySelector(".claim-detail h2, .article-text h2, h2");
    if (heading && !heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    return heading;
  }

  function restorePanel(panel) {
    const state = panelKept || {};
    panelKept = null;
    const shown = panel.querySelector(".claim-detail[data-claim-id]");
    const weak = panel.querySelector(".weak-links");
    if (weak && state.weakOpen && shown && shown.dataset.claimId === state.claimId) {
      weak.open = true;
    }
    const review = reviewing;
    reviewing = null;
    if (review) {
      // Back on the link just reviewed: its same button, else its entry.
      const entry = panel.querySelector(`[data-link-id="${CSS.escape(review.linkId)}"]`);
      if (entry) {
        const fold = entry.closest("details");
        if (fold) fold.open = true;
        const button =
          review.decision &&
          entry.querySelector(`button[name="decision"][value="${CSS.escape(review.decision)}"]`);
        const target = button || entry;
        if (!button) entry.setAttribute("tabindex", "-1");
        focusOn(target);
        return;
      }
    }
    const active = document.activeElement;
    const lost = !active || active === document.body || !document.body.contains(active);
    if (panelFocusWanted || (state.hadFocus && lost)) {
      const heading = panelHeading(panel);
      if (heading) heading.focus({ preventScroll: true });
    }
    panelFocusWanted = false;
  }

  // On narrow screens the panel is a sheet over the bottom of the page (newsdiff.css):
  // it gets a Close button, and closing it puts back the hint it held at first and returns
  // to the claim, where the editor was.
  const panelHint = (() => {
    const panel = document.getElementById(PANEL);
    const hint = panel && panel.querySelector(":scope > .hint");
    return hint ? hint.cloneNode(true) : null;
  })();

  function closePanel() {
    const panel = document.getElementById(PANEL);
    if (!panel || !panelHint) return false;
    const claim = document.querySelector(".claim[aria-current='true']");
    panel.replaceChildren(panelHint.cloneNode(true));
    highlight(null, []);
    if (claim) focusOn(claim);
    return true;
  }

  function addCloseButton(panel) {
    if (!panelHint || panel.querySelector(":scope > .panel-close")) return;
    const close = document.createElement("button");
    close.type = "button";
    close.className = "panel-close";
    close.textContent = panel.dataset.closeLabel || "×";
    close.setAttribute("aria-label", panel.dataset.closeLabel || "Close");
    close.addEventListener("click", closePanel);
    panel.prepend(close);
  }

  document.addEventListener("htmx:afterSwap", (event) => {
    const swapped = event.target;
    if (swapped.id === STORY_VIEW) restoreStoryView(swapped);
    else if (swapped.id === PANEL) {
      addCloseButton(swapped);
      restorePanel(swapped);
    }
  });

  // After any swap (a claim's detail in the panel, a tab, the story view reloading after
  // a review), follow the claim the panel shows: it may have been reached from a link
  // inside the panel itself.
  document.addEventListener("htmx:afterSettle", (event) => {
    const shown = document.querySelector("#" + PANEL + " .claim-detail[data-claim-id]");
    if (shown) highlight(shown.dataset.claimId, idsOf(shown));
    // Where the panel sits below the columns in the page's flow, bring it into view when
    // a claim outside it was chosen, so the choice visibly does something. Where the
    // panel is a layer of its own (position: fixed on narrow screens), it is in view
    // already and scrolling the page would only lose the editor's place.
    const panel = event.detail.target;
    if (!panel || panel.id !== PANEL) return;
    const source = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (source && panel.contains(source)) return;
    if (!window.matchMedia(NARROW).matches) return;
    if (getComputedStyle(panel).position === "fixed") return;
    panel.scrollIntoView({ block: "start", behavior: reduceMotion.matches ? "auto" : "smooth" });
  });

  // A claim or column reached with the keyboard scrolls into view, sideways too inside
  // the columns' own scroll box.
  document.addEventListener("focusin", (event) => {
    const el = event.target;
    if (!el.closest || !el.closest("#" + STORY_VIEW)) return;
    if (el.matches(".claim, .column, [data-conflict]") && el.matches(":focus-visible")) {
      scrollNearest(el);
    }
  });

  // --- Keyboard shortcuts --------------------------------------------------------------

  function storyView() {
    return document.getElementById(STORY_VIEW);
  }

  function visible(el) {
    return el.getClientRects().length > 0;
  }

  // The claim the keys step from: the focused one, else the one the panel shows.
  function currentIn(view) {
    const active = document.activeElement;
    if (active && active !== document.body && view.contains(active)) return active;
    return view.querySelector(".claim[aria-current='true']");
  }

  // Of items in document order, the next (or previous) one after the reference, wrapping.
  function step(items, reference, forward) {
    if (!items.length) return null;
    if (!reference) return forward ? items[0] : items[items.length - 1];
    const ordered = forward ? items : items.slice().reverse();
    const found = ordered.find((item) => {
      if (item === reference || item.contains(reference)) return false;
      const position = reference.compareDocumentPosition(item);
      return forward
        ? position & Node.DOCUMENT_POSITION_FOLLOWING
        : position & Node.DOCUMENT_POSITION_PRECEDING;
    });
    return found || ordered[0];
  }

  function moveClaim(forward) {
    const view = storyView();
    if (!view) return;
    const claims = Array.from(view.querySelectorAll("a.claim")).filter(visible);
    const next = step(claims, currentIn(view), forward);
    if (next) focusOn(next);
  }

  function conflictTargets(view) {
    let found = Array.from(view.querySelectorAll(CONFLICT_MARKED));
    if (!found.length) found = Array.from(view.querySelectorAll(CONFLICT_CLASSES));
    // Entries one can act on: a claim, an entry that takes the focus itself, or one that
    // holds claims (a summary row that only links to the tab is a pointer, not a conflict).
    found = found.filter(
      (el) => visible(el) && (el.matches(FOCUSABLE) || el.querySelector("a.claim")),
    );
    // A conflict group holds conflicting claims: step from group to group.
    return found.filter((el) => !found.some((other) => other !== el && other.contains(el)));
  }

  function moveConflict(forward) {
    const view = storyView();
    if (!view) return;
    const target = step(conflictTargets(view), currentIn(view), forward);
    if (!target) return;
    if (target.matches(FOCUSABLE)) {
      focusOn(target);
      return;
    }
    // A group: its heading-first claim link, else the group itself.
    const inside = target.querySelector("a.claim") || target.querySelector(FOCUSABLE);
    if (inside) {
      focusOn(inside);
      return;
    }
    target.setAttribute("tabindex", "-1");
    focusOn(target);
  }

  function toggleHelp() {
    const help = document.getElementById("keyboard-help");
    if (!help) return;
    help.hidden = false;
    help.open = !help.open;
    const summary = help.querySelector("summary");
    if (summary) focusOn(summary);
  }

  function backToClaim() {
    const panel = document.getElementById(PANEL);
    const view = storyView();
    if (!panel || !view || !panel.contains(document.activeElement)) return false;
    const claim = view.querySelector(".claim[aria-current='true']");
    if (!claim) return false;
    focusOn(claim);
    return true;
  }

  function typing(el) {
    if (!el || !el.closest || el === document.body) return false;
    return !!el.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']");
  }

  function keyOf(event) {
    if (event.key === "?" || event.key === "؟") return "?";
    if (event.key === "Escape") return "Escape";
    if (/^[a-z]$/.test(event.key)) return event.key;
    // Another script's letters (an Arabic layout): the key's place decides.
    if (!event.shiftKey && /^\p{L}$/u.test(event.key)) return KEY_CODES[event.code] || null;
    return null;
  }

  const ACTIONS = {
    j: () => moveClaim(true),
    k: () => moveClaim(false),
    n: () => moveConflict(true),
    p: () => moveConflict(false),
    "?": toggleHelp,
  };

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.isComposing) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) return;
    const key = keyOf(event);
    if (key === "Escape") {
      const panel = document.getElementById(PANEL);
      const sheet = panel && getComputedStyle(panel).position === "fixed";
      if (sheet ? closePanel() : backToClaim()) event.preventDefault();
      return;
    }
    const action = ACTIONS[key];
    if (!action || !storyView()) return;
    event.preventDefault();
    action();
  });

  // The shortcuts' help is there only where the keys work.
  document.querySelectorAll(".keyboard-help[hidden]").forEach((help) => {
    help.hidden = false;
  });
})();
