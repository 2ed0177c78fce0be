"""`annotator serve`: the review app in browsers through textual-serve, one app process
per connected reviewer, all on one database."""
