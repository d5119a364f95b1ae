"""The dense encoder is a setting: sentence-transformers models plug in without code changes."""

import pytest

from assistant.embed import EncoderUnavailableError, make_encoder
from assistant.pipeline import Assistant


@pytest.mark.slow
def test_sentence_transformers_backend_with_the_packaged_minilm(home):
    from assistant.settings import Settings

    settings = Settings(home=home, encoder="st:packaged-minilm")
    encoder = make_encoder(settings.encoder)
    vectors = encoder.encode(["talent apartment discount", "free stay at the youth station"])
    assert vectors.shape == (2, 384)
    assert abs(float((vectors[0] ** 2).sum()) - 1.0) < 1e-4
    assistant = Assistant(settings, encoder=encoder, log=lambda m: None)
    assert assistant.index.manifest["encoder"] == "st:packaged-minilm"
    assert assistant.index.manifest["dim"] == 384
    ans = assistant.ask("人才公寓打几折")
    assert ans.answered and ans.answer.startswith("8.5折")


def test_default_path_does_not_import_torch():
    import subprocess
    import sys

    code = ("import sys; from assistant.pipeline import Assistant; "
            "print('torch' in sys.modules, 'sentence_transformers' in sys.modules, 'gradio' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"]


def test_unknown_encoder_names_the_choices():
    with pytest.raises(EncoderUnavailableError, match="st:<model path or name>"):
        make_encoder("word2vec")


def test_missing_local_model_is_a_clear_error(tmp_path):
    encoder = make_encoder(f"st:{tmp_path / 'no-such-model'}")
    with pytest.raises(EncoderUnavailableError, match="ASSISTANT_ENCODER=st:/path/to/model"):
        encoder.encode(["x"])


def test_langchain_retriever_returns_documents_with_offsets(settings, fake_encoder):
    from assistant.lc_retriever import PolicyRetriever

    retriever = PolicyRetriever(assistant=Assistant(settings, encoder=fake_encoder, log=lambda m: None), k=5)
    docs = retriever.invoke("人才公寓打几折")
    assert len(docs) == 5
    top = docs[0]
    assert top.metadata["chunk_id"] == "chengdu-ten-projects#二(八)4"
    text = (settings.home / top.metadata["source"]).read_text(encoding="utf-8")
    assert text[top.metadata["start"]:top.metadata["end"]] == top.page_content
    assert top.metadata["section"].endswith("4.情感有歸屬")
