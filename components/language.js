// The page says its language (components/language.py). Streamlit writes
// <html lang="en"> on every page (streamlit#15726), so a screen reader would
// read Spanish with an English voice and a browser would offer to translate.
// Static code: the code and direction arrive as data, from the language files'
// own checked headers, and are set as attributes, never as HTML.
export default function ({ data }) {
  const root = document.documentElement;
  if (root.lang !== data.lang) root.lang = data.lang;
  if (root.dir !== data.dir) root.dir = data.dir;
}
