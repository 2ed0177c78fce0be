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
}
LOW_CONFIDENCE = 0.6
# Which claims a session holds at all (`annotator review --queue`): the reviewer's
# assigned articles, or every claim.
QUEUES: tuple[str, ...] = ("mine", "all")


def view_keys(
    store: Store, order: list[int], rated: set[int], name: str, search: str | None = None
) -> list[int]:
    """The keys of `order` in the filter `name`, or matching the words of `search`."""
    if search is not None:
        wanted = store.search_claim_keys(search)
    elif name == "all":
        return order
    else:
        wanted = {
            "unrated": lambda: set(order) - rated,
            "anonymous": store.anonymous_claim_keys,
            "low_confidence": lambda: store.low_confidence_claim_keys(LOW_CONFIDENCE),
            "disputed": store.disputed_claim_keys,
        }[name]()
    return [key for key in order if key in wanted]
