"""The index is plain files that describe themselves; stale or broken ones say how to fix."""

import json

import pytest

from assistant.errors import IndexCorruptError, IndexMissingError, IndexStaleError
from assistant.index import build_index, check_fresh, current_generation, load_index, open_index, read_manifest
from assistant.ingest import load_documents

FIX = "python -m assistant index build"


def test_build_writes_plain_files_and_a_manifest(settings, fake_encoder):
    figures = build_index(settings, encoder=fake_encoder, progress=False, log=lambda m: None)
    gen = current_generation(settings.index_dir)
    names = sorted(p.name for p in gen.iterdir())
    assert names == ["chunks.jsonl", "dense.faiss", "lexical.json", "manifest.json", "units.jsonl"]
    assert not list(settings.index_dir.rglob("*.pkl")) and not list(settings.index_dir.rglob("*.pickle"))
    manifest = json.loads((gen / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["encoder"] == "fake-bigram-64" and manifest["dim"] == 64
    assert manifest["counts"]["chunks"] == figures["chunks"] > 100
    assert {d["id"] for d in manifest["documents"]} == {
        "chengdu-ten-projects", "chengdu-talent-rent-subsidy", "chengdu-urgent-talent"}
    index = load_index(settings.index_dir)
    assert len(index.chunks) == figures["chunks"] and index.vectors.shape == (figures["units"], 64)


def test_missing_index_names_the_fix(settings):
    with pytest.raises(IndexMissingError, match=FIX):
        load_index(settings.index_dir)


def test_changed_corpus_is_stale_and_says_which_document(settings, fake_encoder):
    build_index(settings, encoder=fake_encoder, progress=False, log=lambda m: None)
    path = settings.home / "corpus" / "related" / "chengdu-urgent-talent.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n第二十六条  新增一条。\n", encoding="utf-8")
    docs = load_documents(settings.corpus_dir)
    with pytest.raises(IndexStaleError, match="changed: chengdu-urgent-talent.*" + FIX):
        check_fresh(read_manifest(settings.index_dir), settings, docs, fake_encoder.name)
    strict = settings.with_(auto_build=False)
    with pytest.raises(IndexStaleError):
        open_index(strict, docs, encoder=fake_encoder, log=lambda m: None)
    rebuilt = []
    index = open_index(settings, docs, encoder=fake_encoder, log=rebuilt.append)
    assert rebuilt and "building it now" in rebuilt[0]
    assert any("新增一条" in c.text for c in index.chunks)


def test_other_encoder_is_stale(settings, fake_encoder):
    build_index(settings, encoder=fake_encoder, progress=False, log=lambda m: None)
    docs = load_documents(settings.corpus_dir)
    with pytest.raises(IndexStaleError, match="encoder fake-bigram-64, settings ask for use-multilingual"):
        check_fresh(read_manifest(settings.index_dir), settings.with_(encoder="use-multilingual"), docs)


@pytest.mark.parametrize("victim,damage", [
    ("dense.faiss", b"not a faiss index"),
    ("chunks.jsonl", b'{"id": "broken'),
    ("manifest.json", b"{"),
])
def test_corrupt_files_are_reported_with_the_fix(settings, fake_encoder, victim, damage):
    build_index(settings, encoder=fake_encoder, progress=False, log=lambda m: None)
    (current_generation(settings.index_dir) / victim).write_bytes(damage)
    with pytest.raises(IndexCorruptError, match=FIX):
        read_manifest(settings.index_dir)
        load_index(settings.index_dir)


def test_truncated_chunk_file_is_detected(settings, fake_encoder):
    build_index(settings, encoder=fake_encoder, progress=False, log=lambda m: None)
    path = current_generation(settings.index_dir) / "chunks.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-5]), encoding="utf-8")
    with pytest.raises(IndexCorruptError, match="incomplete"):
        load_index(settings.index_dir)


def test_rebuild_embeds_only_changed_documents(settings, fake_encoder):
    first = build_index(settings, encoder=fake_encoder, progress=False, log=lambda m: None)
    assert (first["embedded_documents"], first["reused_documents"]) == (3, 0)
    again = build_index(settings, encoder=fake_encoder, progress=False, log=lambda m: None)
    assert (again["embedded_documents"], again["reused_documents"]) == (0, 3)
    path = settings.home / "corpus" / "related" / "chengdu-talent-rent-subsidy.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n十六、新问题？\n新回答。\n", encoding="utf-8")
    third = build_index(settings, encoder=fake_encoder, progress=False, log=lambda m: None)
    assert (third["embedded_documents"], third["reused_documents"]) == (1, 2)


def test_failed_build_leaves_the_previous_index_in_place(settings, fake_encoder):
    build_index(settings, encoder=fake_encoder, progress=False, log=lambda m: None)
    before = current_generation(settings.index_dir)

    class Broken(type(fake_encoder)):
        name = "broken"

        def encode(self, texts):
            raise RuntimeError("encoder crashed")

    with pytest.raises(RuntimeError):
        build_index(settings, encoder=Broken(), progress=False, log=lambda m: None)
    assert current_generation(settings.index_dir) == before
    assert len(load_index(settings.index_dir).chunks) > 100
