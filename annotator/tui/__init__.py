"""The review app (Textual). Never imports spaCy.

`annotator.tui.app.make_app` builds the app; `annotator.tui.session` (no Textual) holds
what a review does to the dataset. Nothing is imported here, so the CLI can read the
filter names without loading Textual.
"""

__all__: list[str] = []
