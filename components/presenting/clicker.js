// The keys that move the slides, and the channel between a presenter's two
// windows (components/presenting/clicker.py). Static code: the slide, the
// deck and the channel's name arrive as data.
//
// A press names the slide it goes to and its number in this tab's count of
// moves sent (seq). The server hands back the last number it took, so a page
// drawn before it caught up with the presses never takes the deck back, and
// two quick presses move two slides even when Streamlit merges their requests
// (treatments/presenting/moves.py).
//
// In one browser, the presenter's window and its projector window share a
// BroadcastChannel: a press in either shows in the other at once, without
// waiting for the room's once-a-second look, and the projector window leads
// through the presenter's window, so its address holds no lead key: its press
// goes there as a step (on, back, first or last) taken from the slide the
// presenter's window is on, so presses in the two windows at once all count
// (on a busy machine one window can hear of the other's move only after its
// own next press). Their states are ordered by a stamp: the browser's clock, pushed on by one
// where two moves fall in the same millisecond. Both windows read one clock,
// and a window that reloads stamps its next move later than its last.
const STEP = { ArrowRight: 1, PageDown: 1, " ": 1, ArrowLeft: -1, PageUp: -1 };
// The leader says where it is this often; a partner that hears nothing for
// QUIET goes back to asking the room.
const BEAT = 1000;
const QUIET = 3500;
const EDITABLE = "input, textarea, select, [contenteditable=''], [contenteditable='true'], " +
  "[role='combobox'], [role='listbox'], [role='option'], [role='slider'], [role='radio'], " +
  "[role='tab'], [role='menu'], [role='menuitem']";
// Space presses a focused button (not a link); the slides must not move as well.
const PRESSABLE = "button, summary, [role='button'], [role='checkbox'], [role='switch']";

const s = (window.__hemifacialSpasmClicker ??= {
  data: null, set: null, setState: null, seq: 0, stamp: 0, slide: 1, options: [], cards: [],
  session: "", taken: 0, last: null, drawn: "", screen: "", screenLine: false,
  channel: null, name: "", heard: 0, paired: false, mounted: false, beat: null,
});

function deckNow() {
  return { slide: s.slide, stamp: s.stamp, options: s.options, cards: s.cards, screen: s.screen };
}

// Black or join on the room's screen (screens.js), from a key in this window
// (tell its partner) or in its partner. The projector view is the room's
// screen; so is a working view whose own key asked (it is projected as it
// is). The presenter view, or a window whose partner asked, keeps its page
// and says in a line what the room sees.
function showScreen(screen, tell) {
  const d = s.data;
  s.screen = screen;
  s.screenLine = !d.projector && (d.presenter || !tell);
  drawScreen(d.screen_id, screen, d.screens, s.screenLine);
  if (tell) post({ kind: "screen", screen, stamp: Date.now() });
}

// Only the presenter's windows take a screen from the channel: a tab that
// follows the room in the same browser is not the room's screen.
function takesScreens(d) {
  return d.leads || d.projector;
}

function same(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function post(message) {
  if (s.channel) s.channel.postMessage({ ...message, leads: !!(s.data && s.data.leads) });
}

function nextStamp() {
  s.stamp = Math.max(s.stamp + 1, Date.now());
  return s.stamp;
}

function move(slide, via, deck) {
  s.slide = slide;
  s.seq += 1;
  const go = { slide, seq: s.seq, via };
  if (deck) Object.assign(go, { options: deck.options, cards: deck.cards });
  s.last = go;
  s.set("go", go);
}

function onKey(event) {
  const d = s.data;
  if (!d || !s.mounted || event.defaultPrevented || event.repeat) return;
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const at = event.target instanceof Element ? event.target : null;
  if (at && at.closest(EDITABLE)) return;
  if (s.screen) {
    // Any key brings the slide back, and moves nothing.
    if (HALF_KEYS.has(event.key)) return;
    event.preventDefault();
    showScreen("", true);
    return;
  }
  const screen = screenKey(event.key);
  if (screen) {
    if (screen === "join" && !d.screens.qr) return;
    event.preventDefault();
    showScreen(screen, true);
    return;
  }
  if (event.key === "Escape" && d.projector) {
    // Esc asks nothing of the room: the slide stays, and the way out (a
    // button in the corner) takes the focus, so leaving is a second press.
    const out = document.querySelector(d.leave);
    if (out) { event.preventDefault(); out.focus(); }
    return;
  }
  let step = 0;
  let end = "";
  if (event.key in STEP) {
    if (event.key === " " && at && at.closest(PRESSABLE)) return;
    step = STEP[event.key];
  } else if (event.key === "Home" || event.key === "End") {
    end = event.key === "Home" ? "first" : "last";
  } else {
    return;
  }
  event.preventDefault();
  if (d.forwards && s.paired) {
    // The presenter's window leads: it takes the press from the slide it is
    // on, so a press made before this window heard of the last one still
    // moves one slide. This window moves when it hears back.
    post({ kind: "press", step, end, stamp: nextStamp() });
    return;
  }
  const target = aim(s.slide, step, end, d.count);
  if (target === s.slide) return;
  nextStamp();
  move(target, "key");
  if (d.leads) post({ kind: "state", ...deckNow() });
}

// Where a press takes a deck of ``count`` slides from ``slide``: a step on or
// back, or to the first or last slide.
function aim(slide, step, end, count) {
  if (end === "first") return 1;
  if (end === "last") return count;
  return Math.min(Math.max(1, slide + (step === 1 || step === -1 ? step : 0)), count);
}

function onMessage({ data: m }) {
  const d = s.data;
  if (!d || !s.mounted || !m || typeof m.stamp !== "number") return;
  if (m.kind === "hello") {
    if (d.leads) post({ kind: "state", ...deckNow() });
    return;
  }
  if (m.kind === "screen") {
    if (takesScreens(d) && typeof m.screen === "string") showScreen(m.screen, false);
    return;
  }
  if (m.kind === "state" && m.leads && !d.leads) {
    s.heard = Date.now();
    if (d.projector && typeof m.screen === "string" && m.screen !== s.screen) {
      showScreen(m.screen, false);
    }
    if (!s.paired) { s.paired = true; s.setState("paired", true); }
    const changed = m.slide !== s.slide || !same(m.options, s.options) || !same(m.cards, s.cards);
    if (m.stamp >= s.stamp && changed) {
      s.stamp = m.stamp;
      s.options = m.options; s.cards = m.cards;
      move(m.slide, "partner", m);
    } else if (m.stamp > s.stamp) {
      s.stamp = m.stamp;
    }
  } else if (m.kind === "press" && d.leads) {
    // Every press counts, from where this window is: its answer is newer
    // than the press and than anything this window said before.
    s.stamp = Math.max(s.stamp, m.stamp);
    nextStamp();
    const target = aim(s.slide, m.step, m.end, d.count);
    if (target !== s.slide) move(target, "partner");
    post({ kind: "state", ...deckNow() });
  }
}

// After a move, the top of what changed: a phone that was reading the bottom
// of the last slide (its Next button, say) would land in the middle of the new
// one, or miss the line saying it has stepped away from the room.
function showTop(selectors) {
  const target = selectors.map((one) => document.querySelector(one)).find(Boolean);
  if (!target) return;
  const top = target.getBoundingClientRect().top;
  if (top < 0 || top > window.innerHeight / 4) target.scrollIntoView({ block: "start" });
}

function tune(name) {
  if (name === s.name) return;
  if (s.channel) s.channel.close();
  s.channel = null; s.name = name; s.paired = false;
  if (name && "BroadcastChannel" in window) {
    s.channel = new BroadcastChannel(name);
    s.channel.onmessage = onMessage;
    post({ kind: "hello", stamp: 0 });
  }
}

function beat() {
  const d = s.data;
  if (!d || !s.mounted) return;
  if (d.leads) post({ kind: "state", ...deckNow() });
  else if (s.paired && Date.now() - s.heard > QUIET) {
    s.paired = false;
    s.setState("paired", false);
  }
}

export default function ({ data, setTriggerValue, setStateValue }) {
  s.data = data; s.set = setTriggerValue; s.setState = setStateValue; s.mounted = true;
  // A new session on the server (its replica died, or it restarted) has taken
  // none of this tab's moves, and Streamlit runs no callback in a session's
  // first run: a move the last session had not taken is sent again, once, to
  // the slide it was going to (the new session opened the deck from the
  // address, which may already be there).
  let missed = null;
  if (data.session !== s.session) {
    if (s.session && s.seq > s.taken && s.last) missed = s.last;
    s.session = data.session;
    s.seq = data.seq; s.taken = data.seq;
  } else {
    s.taken = Math.max(s.taken, data.seq);
  }
  // What the server drew catches up with the presses, never the other way.
  // Once it has, it is the deck: a leader whose server moved it (a button,
  // the jump list, the deck's settings, the room on opening) stamps the move
  // and tells its partner.
  if (data.seq >= s.seq) {
    s.seq = data.seq;
    const moved = data.slide !== s.slide || !same(data.options, s.options) ||
      !same(data.cards, s.cards);
    s.slide = data.slide; s.options = data.options; s.cards = data.cards;
    if (moved && data.leads) nextStamp();
  }
  if (missed) {
    const deck = missed.options ? { options: missed.options, cards: missed.cards } : null;
    const again = missed.slide !== data.slide ||
      (deck && (!same(deck.options, data.options) || !same(deck.cards, data.cards)));
    if (again) move(Math.min(missed.slide, data.count), missed.via, deck);
  }
  // The page draws this component last, so the new slide is in place by now;
  // the next frame has laid it out.
  const drawn = JSON.stringify([data.slide, data.options, data.cards]);
  if (s.drawn && drawn !== s.drawn) {
    requestAnimationFrame(() => requestAnimationFrame(() => showTop(data.top)));
  }
  s.drawn = drawn;
  // The words may have changed (a room started or ended): the screen is drawn again.
  if (s.screen) drawScreen(data.screen_id, s.screen, data.screens, s.screenLine);
  tune(data.channel);
  if (data.leads) post({ kind: "state", ...deckNow() });
  if (!s.beat) {
    window.addEventListener("keydown", onKey);
    s.beat = setInterval(beat, BEAT);
  }
  return () => {
    // Drawn again at once on the same page; gone for good on another page.
    s.mounted = false;
    setTimeout(() => {
      if (s.mounted) return;
      window.removeEventListener("keydown", onKey);
      clearInterval(s.beat); s.beat = null;
      tune("");
      s.screen = ""; drawScreen(data.screen_id, "", null, false);
    }, 500);
  };
}
