"""Frozen data types shared by every stage: documents, findings, the brief."""
