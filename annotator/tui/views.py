"""The views `f` and `/` offer: which claims, in reading order, a reviewer steps through,
and the queues a session is drawn from."""

from __future__ import annotations

from annotator.store import Store

# Filter names (also `annotator review --filter`) and their menu labels, in menu order.
FILTERS: dict[str, str] = {
    "all": "All claims",
    "unrated": "Not yet rated by me",
    "anonymous": "Flagged anonymous",
    "low_confidence": "Low machine confidence",
    "disputed": "Reviewers disagree",
    "furniture": "Page furniture (never asked about)",
}
LOW_CONFIDENCE = 0.6
# Which claims a session holds at all (`annotator review --queue`): the reviewer's
# assigned articles, or every claim.
QUEUES: tuple[str, ...] = ("mine", "all")


def view_keys(
    store: Store,
    asked: list[int],
    every: list[int],
    rated: set[int],
    name: str,
    search: str | None = None,
) -> list[int]:
    """The keys in the filter `name`, or matching the words of `search`, in reading order.

    Filters narrow the claims a reviewer is asked about (`asked`); page furniture is not
    among them, and only the `furniture` filter and a search reach it (`every` is every
    claim of the session).
    """
    if search is not None:
        wanted, among = store.search_claim_keys(search), every
    elif name == "all":
        return asked
    elif name == "furniture":
        wanted, among = store.furniture_claim_keys(), every
    else:
        wanted = {
            "unrated": lambda: set(asked) - rated,
            "anonymous": store.anonymous_claim_keys,
            "low_confidence": lambda: store.low_confidence_claim_keys(LOW_CONFIDENCE),
            "disputed": store.disputed_claim_keys,
        }[name]()
        among = asked
    return [key for key in among if key in wanted]
