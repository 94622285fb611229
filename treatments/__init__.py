"""Hemifacial spasm treatment catalogue: data, checks and views.

Pure Python with no Streamlit import, so it can be tested and used from the
command line (``python -m treatments validate``).
"""
