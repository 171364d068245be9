"""Renderers: Brief -> bytes. html.py (screen page / print HTML), pdf.py (WeasyPrint), docx.py (pandoc)."""
