"""One module per page; each reads like a description of the page."""
