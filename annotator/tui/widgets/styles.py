"""How each kind of span is highlighted.

Theme variables, so dark and light themes both read; the `$text-*` colours are tinted
for contrast against the background of the theme in use.
"""

CLAIM = "bold on $primary 30%"
SOURCE = "bold underline $text-accent"
CUE = "italic underline $text-secondary"
RESOLVED = "underline $text-success"
RELAYED = "italic $text-warning"
EVIDENCE = "on $warning 35%"
EVIDENCE_BAR = "$text-warning"
DIM = "$text-muted"
EDITING = "reverse bold"
