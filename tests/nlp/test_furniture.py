"""Page furniture: credits, share lines, header lines and the like are claims of their own
kind, with no source, while news that merely looks similar stays news."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.errors import AnnotatorError
from annotator.nlp.furniture import bare_line, load_furniture, mark_furniture
from annotator.nlp.pipeline import load_extractor
from annotator.records import FURNITURE_KINDS, Article, ExtractedClaim

# Every shipped pattern: lines it must match, and near misses no pattern may match.
EXAMPLES: dict[str, tuple[list[str], list[str]]] = {
    "credit": (
        ["Justin Sullivan/Getty Images", "(AP Photo/Evan Vucci)", "REUTERS/Kevin Lamarque"],
        ["Input/output rose 3 percent.", "NEW HAMPSHIRE PRIMARY // GAME ON;"],
    ),
    "credit_via": (
        ["Bloomberg via Getty Images", "Scott Olson via Getty Images."],
        ["Aid Arrives via Turkey"],
    ),
    "agency": (
        ["Getty.", "ASSOCIATED PRESS.", "Reuters", "The Associated Press"],
        [
            "The Associated Press reported that the bridge had been inspected twice.",
            "Reuters reported the deal on Monday.",
        ],
    ),
    "photo_label": (
        [
            "Photo: Jane Doe/Reuters",
            "Photograph by Jane Doe for The Times",
            "(Photo courtesy of the Alden Valley Fire Department)",
        ],
        ["Photo: Firefighters battle the blaze on Monday.", "Photos by the dozen flooded in."],
    ),
    "credit_label": (
        ["Credit: Jane Doe/Reuters", "Photo credit: Harbour Authority of Port Alden"],
        ["Credit: the bank extended the loan to 2025."],
    ),
    "source_label": (["Source: Census Bureau"], ["Source: officials said the plan was dead."]),
    "gallery": (["1 of 12", "Image 3 of 9"], ["1 of 12 jurors dissented."]),
    "advertisement": (
        [
            "Advertisement",
            "Story continues below advertisement",
            "Continue reading the main story",
            "Paid Notice: Deaths SMITH, JOHN.",
        ],
        ["Advertisement revenue fell 4 percent."],
    ),
    "share": (
        ["Share on Facebook | Share on Twitter | Email", "Share this article", "TWITTER."],
        ["Share prices fell on Monday."],
    ),
    "subscribe": (
        ["Order Reprints | Today's Paper | Subscribe", "Skip to content", "Home | News | Sign in"],
        ["Subscriptions rose 12 percent last year."],
    ),
    "newsletter": (
        [
            "Sign up for our daily newsletter.",
            "For more, sign up for the Morning Briefing newsletter.",
            "Enter your email address:",
        ],
        ["The newsletter said the council would vote."],
    ),
    "read_more": (
        [
            "Read more",
            "Read more: Ferry fares to rise",
            "Related: Mayor outlines budget",
            "MORE: X",
            "\ufeffAlso on HuffPost:",
            "Online:",
        ],
        ["More than 300 people attended the rally.", "Related charges were dropped."],
    ),
    "click_here": (
        ["Click here to read the full report.", "Read it all here.", "Read the rest at Mediaite."],
        ["Readers can click through the report online, the council said."],
    ),
    "cookies": (
        ["We use cookies to improve your experience. You agree to our Cookie Policy."],
        ["The company said it would stop using tracking cookies next year."],
    ),
    "byline": (
        ["By Maria Lopez", "By MARIA LOPEZ and TOM REYES, Staff Writers"],
        ["By Tuesday, the floodwaters had receded."],
    ),
    "dateline": (["WASHINGTON —", "LONDON (Reuters) -"], ["WASHINGTON — The Senate voted."]),
    "timestamp": (
        ["11:20 p.m.", "4:40 p.m.:", "Updated March 4, 2024 at 9:05 a.m. ET", "Noon."],
        ["11:20 p.m. Police said the road had reopened.", "March 4, 2024, was the wettest day."],
    ),
    "copyright": (
        ["© 2024 Example Gazette", "Copyright 2016 The Associated Press. All rights reserved."],
        ["Copyright lawyers said the ruling was wrong."],
    ),
    "follow": (
        ["Follow us on Twitter", "Follow Maria Lopez on X: @mlopez", "Like us on Facebook"],
        ["Follow the money, investigators said."],
    ),
    "contact": (
        ["Contact the author at jane@example.org", "Email: jane@example.org"],
        ["Email records show the mayor met the developer."],
    ),
    "export_label": (
        ["FULL TEXT.", "ABSTRACT", "CORRECTION APPENDED", "LETTERS."],
        ["Abstract art sold well.", "Letters from voters poured in."],
    ),
    "contributors": (
        ["Amanda Terkel contributed reporting.", "Translated by Karim Haddad."],
        ["Three donors contributed $1 million to the campaign."],
    ),
    "hat_tip": (["(h/t Mediaite)", "Hat tip: The Hill"], ["The hat tipped over in the wind."]),
    "media": (
        [
            "Watch the video above.",
            "See photos from the debate below:",
            "Listen to both interviews below:",
            "(BEGIN VIDEO CLIP)",
        ],
        ["Voters watch the ad closely, pollsters say."],
    ),
    "url": (["https://example.org/report", "www.example.org"], ["Visit www.example.org today."]),
    "print_note": (
        [
            "A version of this article appears in print on March 4, 2024, on page A1.",
            "This piece first appeared on Global Risk Insights.",
            "As published in the International New York Times.",
        ],
        [
            "A version of the plan appeared in the mayor's budget.",
            "As published in the city's budget, the figure was higher.",
        ],
    ),
    "fragment": (["X.", "17"], ["1,200", "Yes."]),
    "signature": (
        ["- Amber Phillips.", "— White House Correspondent Julie Pace."],
        ["-Hillary Clinton leads Bernie Sanders in Indiana.", "— and then the vote began."],
    ),
}


def test_every_shipped_pattern_has_examples_here() -> None:
    assert [name for name, _ in load_furniture(None).patterns] == list(EXAMPLES)


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_pattern_matches_its_lines_and_no_pattern_matches_the_near_misses(name: str) -> None:
    lexicon = load_furniture(None)
    pattern = dict(lexicon.patterns)[name]
    hits, misses = EXAMPLES[name]
    for line in hits:
        assert pattern.fullmatch(bare_line(line)), line
    for line in misses:
        assert lexicon.boilerplate(line) is None, line


ARTICLE = """Council Approves Harbour Bridge Repairs
=======================================

Date: March 4, 2024
URL: https://example.org/news/harbour-bridge

Advertisement

The city council voted on Tuesday to spend $4.2 million repairing the bridge, the mayor said.

Lena Ortiz/Getty Images

Firefighters battle the blaze on Monday. (AP Photo/Jane Doe)

Share on Facebook | Share on Twitter | Email

The Associated Press reported that the bridge had been inspected twice.
"""


@pytest.fixture(scope="module")
def article_claims(claims_of: Callable[[str], list[ExtractedClaim]]) -> list[ExtractedClaim]:
    return claims_of(ARTICLE)


def kind_of(claims: list[ExtractedClaim], words: str) -> str:
    [claim] = [c for c in claims if words in c.text]
    return claim.kind


def test_header_lines_are_metadata_and_page_furniture_boilerplate(
    article_claims: list[ExtractedClaim],
) -> None:
    assert kind_of(article_claims, "Date: March 4") == "metadata"
    assert kind_of(article_claims, "URL: https") == "metadata"
    assert kind_of(article_claims, "Advertisement") == "boilerplate"
    assert kind_of(article_claims, "Lena Ortiz") == "boilerplate"
    assert kind_of(article_claims, "AP Photo") == "boilerplate"
    share = [c for c in article_claims if c.text.startswith(("Share", "Email"))]
    assert share and {c.kind for c in share} == {"boilerplate"}  # one line, two claims


def test_furniture_claims_have_no_source_and_say_why(
    article_claims: list[ExtractedClaim],
) -> None:
    furniture = [c for c in article_claims if c.kind in FURNITURE_KINDS]
    assert len(furniture) >= 6
    for claim in furniture:
        assert claim.source_type == "unattributed" and not claim.anonymous_flag
        assert claim.source is None and claim.cue is None
        [evidence] = claim.evidence
        assert evidence.rule.startswith(("metadata.", "furniture."))


def test_news_that_names_an_agency_and_a_real_caption_stay_news(
    article_claims: list[ExtractedClaim],
) -> None:
    [ap] = [c for c in article_claims if "Associated Press reported" in c.text]
    assert (ap.kind, ap.source_type) == ("statement", "named_organization")
    assert kind_of(article_claims, "Firefighters battle") == "caption"
    assert kind_of(article_claims, "Council Approves") == "headline"


def test_users_add_patterns_in_their_lexicon_folder(
    tmp_path: Path, claims_of: Callable[[str], list[ExtractedClaim]]
) -> None:
    text = "Talks resume\n\nThe minister said talks would resume.\n\nListen to our podcast.\n"
    claims = claims_of(text)
    assert kind_of(claims, "Listen to") != "boilerplate"
    (tmp_path / "furniture.txt").write_text("podcast\t(?i:listen\\s+to\\s+our\\s+podcast)\n")
    marked = mark_furniture(claims, text, load_furniture(str(tmp_path)))
    [listen] = [c for c in marked if "Listen to" in c.text]
    assert (listen.kind, listen.evidence[0].rule) == ("boilerplate", "furniture.podcast")
    assert kind_of(marked, "talks would resume") == "statement"


def test_annotators_commands_take_the_furniture_patterns_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "furniture.txt").write_text("podcast\t(?i:listen\\s+to\\s+our\\s+podcast)\n")
    monkeypatch.setenv("ANNOTATOR_LEXICON", str(tmp_path))
    text = "Talks resume\n\nThe minister said talks would resume.\n\nListen to our podcast.\n"
    ((_, claims),) = list(load_extractor().extract([Article(text=text)]))
    assert kind_of(claims, "Listen to") == "boilerplate"


def test_a_bad_user_pattern_is_a_one_line_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "furniture.txt").write_text("broken\t(unclosed\n")
    with pytest.raises(AnnotatorError, match=r"furniture pattern 'broken' is not a regular"):
        load_furniture(str(tmp_path))


def test_no_piece_of_the_title_is_furniture(
    claims_of: Callable[[str], list[ExtractedClaim]],
) -> None:
    text = "Paid Notice: Deaths SMITH, JOHN.\n\nSMITH--John, 98, of Mamaroneck, died on Friday.\n"
    assert kind_of(claims_of(text), "Paid Notice") != "boilerplate"
