"""Evaluation sets for policy-assistant and the tools that check them (``python -m evals``)."""
