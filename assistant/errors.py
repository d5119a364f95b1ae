"""Typed errors raised by the library; the CLI and UI translate them for people.

Every message says what went wrong and what to run to fix it.
"""


class AssistantError(Exception):
    """Base class of every error the library raises on purpose."""

    exit_code = 1


class BadQuestionError(AssistantError):
    """The question cannot be answered as given (empty, only whitespace...)."""

    exit_code = 2


class IndexMissingError(AssistantError):
    """No index has been built yet in the configured index directory."""


class IndexStaleError(AssistantError):
    """The index was built from other documents, encoder or chunker than the settings ask for."""


class IndexCorruptError(AssistantError):
    """An index file is unreadable, truncated or inconsistent with the manifest."""


class EncoderUnavailableError(AssistantError):
    """The configured dense encoder cannot be loaded on this machine."""


class CorpusError(AssistantError):
    """The corpus catalog or a document in it is unusable."""


class IngestError(CorpusError):
    """One input file cannot be added to the corpus (the rest of a batch proceeds)."""

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
