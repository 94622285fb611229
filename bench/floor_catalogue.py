"""The catalogue the floors with the app's filters read: once per server process."""

from __future__ import annotations

import streamlit as st

from treatments.loader import default_path, load_catalogue
from treatments.schema import Catalogue


@st.cache_resource
def catalogue() -> Catalogue:
    return load_catalogue(default_path())
