"""Claim and source detection: paragraphs, the spaCy component, source typing, evaluation."""
