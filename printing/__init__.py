"""WindowDesk printing: the notices a service window hands over, on paper or as PDF.

- ``printing.documents`` builds a data-driven ``model.Document`` per kind from a case;
- ``printing.pdf`` lays it out (A4/A5/80 mm, embedded CJK TrueType font, QR and Code128),
  ``printing.thermal`` makes ESC/POS bytes for thermal printers;
- ``printing.service.PrintService`` runs print jobs (render → send → confirm) through the
  station's ``print_jobs`` store and the backends in ``printing.backends``;
- ``python -m printing`` is the command line (docs/printing.md).

Qt-free: the desktop's print preview is built on top of this package.
"""
