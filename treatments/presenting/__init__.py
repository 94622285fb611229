"""Presenting to a group: the slides, the room that phones follow, and what the
room takes home (the address and its QR code, the handout, the PowerPoint file).

Pure, like the rest of :mod:`treatments`: no Streamlit. The Present page draws
these with :mod:`components.presenting`.
"""
