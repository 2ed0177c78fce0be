"""The footer of the claim screen: the keys that apply now, on two lines.

Textual's Footer is one widget per key and rebuilds itself whenever bindings may have
changed; with a schema's thirty keys that costs more than the whole rating round trip.
This bar is one widget that is redrawn only when the keys that apply change.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import ActiveBinding
from textual.content import Content
from textual.widgets import Static

KEY_DISPLAY = {"enter": "⏎", "ctrl+z": "^z", "ctrl+t": "^t", "space": "␣"}


class KeyBar(Static):
    """`show(active_bindings)`: shown keys, grouped keys of one question side by side."""

    def show(self, active: Iterable[ActiveBinding]) -> None:
        parts: list[tuple[object, list[str], str]] = []  # group, keys, description
        for item in active:
            binding = item.binding
            if not binding.show:
                continue
            key = binding.key_display or KEY_DISPLAY.get(binding.key, binding.key)
            if binding.group is not None and parts and parts[-1][0] == binding.group:
                parts[-1][1].append(key)
            else:
                description = binding.group.description if binding.group else binding.description
                parts.append((binding.group, [key], description))
        self.update(
            Content("  ").join(
                Content.assemble(("".join(keys), "bold $accent"), " " + description)
                for _, keys, description in parts
            ),
            layout=False,  # fixed height
        )
