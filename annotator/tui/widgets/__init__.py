"""Widgets of the review screens, one per module."""

from annotator.tui.widgets.claim_context import ClaimContext
from annotator.tui.widgets.key_bar import KeyBar
from annotator.tui.widgets.position_bar import PositionBar
from annotator.tui.widgets.questions_panel import QuestionsPanel
from annotator.tui.widgets.suggestion_panel import SuggestionPanel

__all__ = ["ClaimContext", "KeyBar", "PositionBar", "QuestionsPanel", "SuggestionPanel"]
