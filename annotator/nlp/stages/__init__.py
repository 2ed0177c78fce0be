"""The detection stages, in the order the component runs them (see attribution.py)."""
