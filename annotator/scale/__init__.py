"""Extraction at corpus scale: into Parquet shards, in this process (spaCy's worker
processes) or on a Dask cluster (the optional `annotator[dask]` extra)."""
