"""The Present page's Streamlit pieces: the slide, its controls and windows, the
room, and the downloads. What they draw comes from :mod:`treatments.presenting`."""
