"""One module per page; ``api`` mirrors them as JSON."""
