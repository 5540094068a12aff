"""analysis: close, honest reading of French news text."""
