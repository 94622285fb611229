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
// through the presenter's window, so its address holds no lead key. Their
// messages are ordered by a stamp: the browser's clock, pushed on by one
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
  session: "", taken: 0, last: null,
  channel: null, name: "", heard: 0, paired: false, mounted: false, beat: null,
});

function deckNow() {
  return { slide: s.slide, stamp: s.stamp, options: s.options, cards: s.cards };
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
  if (event.key === "Escape" && d.projector) {
    // Esc asks nothing of the room: the slide stays, and the way out (a
    // button in the corner) takes the focus, so leaving is a second press.
    const out = document.querySelector(d.leave);
    if (out) { event.preventDefault(); out.focus(); }
    return;
  }
  let target;
  if (event.key in STEP) {
    if (event.key === " " && at && at.closest(PRESSABLE)) return;
    target = Math.min(Math.max(1, s.slide + STEP[event.key]), d.count);
  } else if (event.key === "Home") {
    target = 1;
  } else if (event.key === "End") {
    target = d.count;
  } else {
    return;
  }
  event.preventDefault();
  if (target === s.slide) return;
  nextStamp();
  move(target, "key");
  if (d.leads) post({ kind: "state", ...deckNow() });
  else if (d.forwards && s.paired) post({ kind: "press", slide: target, stamp: s.stamp });
}

function onMessage({ data: m }) {
  const d = s.data;
  if (!d || !s.mounted || !m || typeof m.stamp !== "number") return;
  if (m.kind === "hello") {
    if (d.leads) post({ kind: "state", ...deckNow() });
    return;
  }
  if (m.kind === "state" && m.leads && !d.leads) {
    s.heard = Date.now();
    if (!s.paired) { s.paired = true; s.setState("paired", true); }
    const changed = m.slide !== s.slide || !same(m.options, s.options) || !same(m.cards, s.cards);
    if (m.stamp >= s.stamp && changed) {
      s.stamp = m.stamp;
      s.options = m.options; s.cards = m.cards;
      move(m.slide, "partner", m);
    } else if (m.stamp > s.stamp) {
      s.stamp = m.stamp;
    }
  } else if (m.kind === "press" && d.leads && m.stamp > s.stamp) {
    s.stamp = m.stamp;
    move(Math.min(Math.max(1, m.slide), d.count), "partner");
    post({ kind: "state", ...deckNow() });
  }
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
    }, 500);
  };
}
