"""Streamlit UI pieces. Each takes domain objects and draws; each owns its widget keys."""
