// What the room's screen shows instead of the slide, for a moment: nothing
// (a black screen, B or "."), or how to join the room (J), while the slide,
// and every phone, stays where it is. Any key brings the slide back and moves
// nothing. Nothing of it reaches the server.
//
// components/presenting/clicker.py puts this file before clicker.js, in one
// module: a component's code is one module. Static code: the words and the
// join code's picture arrive as data, and are set as text and as an image's
// address, never as HTML.
const SCREEN_KEYS = { b: "black", B: "black", ".": "black", j: "join", J: "join" };
// Keys that are only half of a press: they bring nothing back.
const HALF_KEYS = new Set(["Shift", "Control", "Alt", "Meta", "CapsLock", "Fn"]);
// The projector view's unit (projector.css): a hundredth of a 16:9 picture's width.
const UNIT = "min(1vw, 1.7778vh)";

function element(tag, style, text) {
  const made = document.createElement(tag);
  made.style.cssText = style;
  if (text !== undefined) made.textContent = text;
  return made;
}

// The room's screen (a projector view, or a working view that is projected):
// the whole window. The presenter's own window: a line at its top saying
// what the room sees, so her notes stay in sight.
function drawScreen(id, screen, words, ownWindow) {
  let layer = document.getElementById(id);
  if (!screen || !words) {
    if (layer) layer.remove();
    return;
  }
  if (!layer) {
    layer = document.createElement("div");
    layer.id = id;
    document.body.appendChild(layer);
  }
  layer.dataset.screen = screen;
  layer.replaceChildren();
  if (ownWindow) {
    layer.setAttribute("role", "status");
    layer.style.cssText = "position:fixed;top:0;left:0;right:0;z-index:1000001;" +
      "padding:0.6rem 1rem;background:#1f2933;color:#ffffff;font-size:20px;text-align:center;";
    layer.textContent = screen === "black" ? words.black_said : words.join_said;
    return;
  }
  layer.removeAttribute("role");
  const whole = "position:fixed;inset:0;z-index:1000001;display:flex;flex-direction:column;" +
    `align-items:center;justify-content:center;gap:calc(1.5 * ${UNIT});text-align:center;`;
  if (screen === "black") {
    layer.style.cssText = whole + "background:#000000;cursor:none;";
    layer.setAttribute("aria-label", words.black);
    return;
  }
  layer.style.cssText = whole + "background:#ffffff;color:#111111;";
  layer.append(
    element("h1", `font-size:calc(4 * ${UNIT});margin:0;`, words.title),
    Object.assign(element("img", `width:calc(28 * ${UNIT});image-rendering:pixelated;`), {
      src: words.qr, alt: words.qr_alt,
    }),
    element("p", `font-size:calc(5 * ${UNIT});font-weight:700;margin:0;`, words.code),
    element("p", `font-size:calc(2.6 * ${UNIT});margin:0;`, words.address),
  );
}

// The screen a key asks for, or null for a key that is not one of them.
function screenKey(key) {
  return SCREEN_KEYS[key] || null;
}
