"""policy-assistant: grounded answers with verifiable citations over Chinese policy text."""

__version__ = "0.1.0"
