"""Analyses: documents (and config) in, findings out; no I/O."""
