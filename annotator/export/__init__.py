"""Export the labelled corpus: one `annotator.corpus.v1` record per claim, four formats.

Headless: never imports Textual; pyarrow and spaCy load only for their formats.
"""

from annotator.export.records import CORPUS_FORMAT, ExportOptions, iter_records
from annotator.export.run import FORMATS, ExportResult, default_output, export_corpus

__all__ = [
    "CORPUS_FORMAT",
    "FORMATS",
    "ExportOptions",
    "ExportResult",
    "default_output",
    "export_corpus",
    "iter_records",
]
