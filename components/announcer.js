// A polite live region (components/announcer.py). Static code: the message
// arrives as data and is set as text, never as HTML. The region lives in the
// document's body, outside Streamlit's tree, so it stays the same element
// however often Streamlit draws this component again.
function region(id) {
  let found = document.getElementById(id);
  if (!found) {
    found = document.createElement("div");
    found.id = id;
    found.setAttribute("role", "status");
    found.setAttribute("aria-live", "polite");
    found.setAttribute("aria-atomic", "true");
    // Visually hidden, but read: the page shows the same words.
    found.style.cssText =
      "position:absolute;width:1px;height:1px;margin:-1px;padding:0;" +
      "overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0;";
    document.body.appendChild(found);
  }
  return found;
}

export default function ({ data }) {
  const live = region(data.region);
  const before = live.dataset.message;
  live.dataset.message = data.message;
  // On the first draw the page says it already; a change is said once, as it
  // happens. Emptied first, so the same words said again are heard again.
  if (before !== undefined && before !== data.message) {
    live.textContent = "";
    setTimeout(() => { live.textContent = data.message; }, 150);
  }
  // A control that took the focus with it (a button that is gone after its
  // click) hands it to the place asked for, once per new token.
  const token = String(data.token);
  const seen = live.dataset.token;
  live.dataset.token = token;
  if (seen !== undefined && seen !== token && data.focus) {
    setTimeout(() => {
      const target = document.querySelector(data.focus);
      if (target) target.focus();
    }, 150);
  }
}
