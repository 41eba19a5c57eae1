"""One thin module per page: read the state, call pure functions, render."""
