"""Comparative policy-analysis report generator: sources in, cited brief out."""

__version__ = "0.1.0"
