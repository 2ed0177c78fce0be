"""Reading articles from files (one reader per format) and ingesting them into a store.

Readers never import spaCy, a UI or SQL; `ingest_paths` loads the model only when
there is something new to extract.
"""

from annotator.ingest.run import IngestReport, IngestStep, ingest_paths
from annotator.ingest.size import DEFAULT_MAX_BYTES, format_size, parse_size
from annotator.ingest.walk import count_inputs, input_files, read_paths

__all__ = [
    "DEFAULT_MAX_BYTES",
    "IngestReport",
    "IngestStep",
    "count_inputs",
    "format_size",
    "ingest_paths",
    "input_files",
    "parse_size",
    "read_paths",
]
