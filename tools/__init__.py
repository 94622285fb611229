"""Developer tools run by hand or by the tests; the app never imports them."""
