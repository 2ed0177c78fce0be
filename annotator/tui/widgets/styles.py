"""How each kind of span is highlighted; theme variables, so dark and light themes both read."""

CLAIM = "bold on $primary 30%"
SOURCE = "bold underline $accent"
CUE = "italic underline $secondary"
RESOLVED = "underline $success"
RELAYED = "italic $warning"
EVIDENCE = "on $warning 35%"
DIM = "$text-muted"
