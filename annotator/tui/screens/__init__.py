"""Screens and dialogs of the review app, one per module."""

from annotator.tui.screens.articles import ArticleListScreen
from annotator.tui.screens.claim import ClaimScreen
from annotator.tui.screens.filter import FilterDialog
from annotator.tui.screens.help import HelpScreen
from annotator.tui.screens.prompt import PromptDialog
from annotator.tui.screens.summary import SummaryScreen

__all__ = [
    "ArticleListScreen",
    "ClaimScreen",
    "FilterDialog",
    "HelpScreen",
    "PromptDialog",
    "SummaryScreen",
]
