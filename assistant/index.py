"""Index: build and load the on-disk retrieval index (plain files, no pickles).

Layout of the index folder::

    CURRENT                 name of the generation in use (replaced atomically)
    gen-<id>/manifest.json  encoder, dimensions, corpus hash, chunker version, settings
    gen-<id>/chunks.jsonl   one chunk per line (verbatim text, section path, offsets)
    gen-<id>/units.jsonl    the sentences the dense encoder scores, with their chunk
    gen-<id>/lexical.json   BM25 tokens per chunk
    gen-<id>/dense.faiss    FAISS inner-product index of the sentence vectors
    cache/<encoder>/<hash>.npy  per-document vectors, so a rebuild re-embeds only what changed

A build writes a new generation and then swaps CURRENT, so a failed or killed build leaves
the previous index in place and usable.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .chunk import CHUNKER_VERSION, Chunk, chunk_document, split_sentences, title_end
from .embed import Encoder, make_encoder
from .errors import IndexCorruptError, IndexMissingError, IndexStaleError
from .ingest import Document, corpus_hash, load_documents
from .lexical import TOKENIZER_VERSION, add_words, named_terms, tokenize
from .script import to_simplified
from .settings import Settings

FORMAT_VERSION = 2  # 2: documents carry their kind (policy or related)
BUILD_HINT = "python -m assistant index build"


@dataclass(frozen=True)
class Unit:
    """A sentence (or heading outline) scored by the dense encoder on behalf of a chunk."""

    chunk: int  # position of the chunk in the index
    start: int
    end: int


@dataclass
class Index:
    """A loaded index: chunks, lexical tokens, dense vectors and the manifest."""

    path: Path
    manifest: dict
    chunks: list[Chunk]
    units: list[Unit]
    tokens: list[list[str]]
    vectors: np.ndarray | None  # (len(units), dim) float32, or None when lexical only
    faiss_index: object | None = None

    @property
    def encoder(self) -> str:
        return self.manifest["encoder"]


def chunk_title(c: Chunk) -> str:
    """The innermost heading of a chunk without its number, e.g. 情感有歸屬.

    An item numbered but untitled ("1" under "二、补贴标准具体是多少？") takes its parent's
    title, so its sentences carry what they are about.
    """
    for part in reversed(c.section_path):
        title = re.sub(r"^(第[^章条]+[章条]\s*|[一二三四五六七八九十]+、|[(（][^)）]+[)）]|\d+[.．、]|——)", "", part)
        if not re.fullmatch(r"[\s\d.．、()（）一二三四五六七八九十]*", title):
            return title
    return ""


def own_text(c: Chunk) -> str:
    """A chunk's own words: for headings and sections only their title line."""
    if c.kind in ("heading", "section"):
        return c.text[: title_end(c) - c.start]
    return c.text


def search_text(c: Chunk) -> str:
    """What the lexical index sees for a chunk: its section path, own text and sub-headings."""
    parts = list(c.section_path) + [own_text(c)] + list(c.outline)
    return to_simplified("\n".join(parts))


def chunk_units(c: Chunk, position: int) -> list[tuple[Unit, str]]:
    """Dense units of a chunk: each sentence prefixed by its heading (and the outline)."""
    title = chunk_title(c)
    out = []
    if c.kind in ("heading", "section"):
        text = own_text(c) + ("：" + "、".join(c.outline) if c.outline else "")
        out.append((Unit(position, c.start, title_end(c)), text))
    else:
        for s in split_sentences(c.text, c.start):
            sentence = c.text[s.start - c.start:s.end - c.start]
            prefix = f"{title}：" if title and not sentence.startswith(title[:4]) else ""
            out.append((Unit(position, s.start, s.end), prefix + sentence))
    return [(u, to_simplified(t)) for u, t in out]


def _manifest_settings(settings: Settings) -> dict:
    return {"encoder": settings.encoder}


def _encoder_slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name)[:80]


def _doc_cache_key(doc: Document) -> str:
    return hashlib.sha256(f"{doc.sha256}:{CHUNKER_VERSION}:{doc.id}".encode()).hexdigest()[:32]


def build_index(settings: Settings, docs: list[Document] | None = None,
                encoder: Encoder | None = None, progress: bool = True,
                log=None) -> dict:
    """Build the index for the corpus and make it current; returns build figures.

    Args:
        settings: where the corpus and index live, which encoder to use.
        docs: documents to index (default: the corpus catalog).
        encoder: an encoder object (default: the one settings name).
        progress: show a progress bar on stderr while embedding.
        log: callable taking one line of text for status messages (default: stderr).
    """
    log = log or (lambda m: print(m, file=sys.stderr))
    t0 = time.perf_counter()
    docs = load_documents(settings.corpus_dir) if docs is None else docs
    root = Path(settings.index_dir)
    encoder = encoder or make_encoder(settings.encoder, settings.threads, root / "cache")
    root.mkdir(parents=True, exist_ok=True)
    gen = root / f"gen-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}"
    tmp = root / (".tmp-" + gen.name)
    tmp.mkdir()

    chunks: list[Chunk] = []
    per_doc: list[tuple[Document, list[tuple[Unit, str]]]] = []
    for d in docs:
        doc_chunks = chunk_document(d)
        units: list[tuple[Unit, str]] = []
        for c in doc_chunks:
            units.extend(chunk_units(c, len(chunks)))
            chunks.append(c)
        per_doc.append((d, units))

    cache_dir = root / "cache" / _encoder_slug(encoder.name)
    reused = embedded = 0
    vectors = []
    todo = [(d, u) for d, u in per_doc
            if encoder.dim and not (cache_dir / f"{_doc_cache_key(d)}.npy").exists()]
    bar = None
    if progress and todo and sys.stderr.isatty() or (progress and todo and os.environ.get("ASSISTANT_PROGRESS")):
        from tqdm import tqdm

        bar = tqdm(total=sum(len(u) for _, u in todo), desc="embedding", unit="sent", file=sys.stderr)
    elif progress and todo:
        log(f"embedding {sum(len(u) for _, u in todo)} sentences of {len(todo)} document(s) "
            f"with {encoder.name} ...")
    if encoder.dim:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for d, units in per_doc:
            path = cache_dir / f"{_doc_cache_key(d)}.npy"
            if path.exists():
                v = np.load(path, allow_pickle=False)
                if v.shape == (len(units), encoder.dim):
                    vectors.append(v)
                    reused += 1
                    continue
            texts = [t for _, t in units]
            parts = []
            for i in range(0, len(texts), 64):
                parts.append(encoder.encode(texts[i:i + 64]))
                if bar:
                    bar.update(len(texts[i:i + 64]))
            v = np.vstack(parts) if parts else np.zeros((0, encoder.dim), np.float32)
            part = path.with_suffix(f".{os.getpid()}.tmp.npy")
            np.save(part, v.astype(np.float32), allow_pickle=False)
            os.replace(part, path)
            vectors.append(v)
            embedded += 1
    if bar:
        bar.close()

    all_units = [u for _, units in per_doc for u, _ in units]
    (tmp / "chunks.jsonl").write_text(
        "".join(json.dumps(c.to_json(), ensure_ascii=False) + "\n" for c in chunks), encoding="utf-8")
    (tmp / "units.jsonl").write_text(
        "".join(json.dumps([u.chunk, u.start, u.end]) + "\n" for u in all_units), encoding="utf-8")
    words = named_terms("\n".join(to_simplified(d.text) for d in docs))
    add_words(words)
    tokens = [tokenize(search_text(c)) for c in chunks]
    (tmp / "lexical.json").write_text(json.dumps({"words": words, "tokens": tokens}, ensure_ascii=False),
                                      encoding="utf-8")
    dim = encoder.dim
    if dim:
        import faiss

        mat = np.vstack(vectors).astype(np.float32) if vectors else np.zeros((0, dim), np.float32)
        fi = faiss.IndexFlatIP(dim)
        fi.add(mat)
        faiss.write_index(fi, str(tmp / "dense.faiss"))
    manifest = {
        "format_version": FORMAT_VERSION,
        "encoder": encoder.name,
        "dim": dim,
        "corpus_hash": corpus_hash(docs),
        "chunker_version": CHUNKER_VERSION,
        "tokenizer_version": TOKENIZER_VERSION,
        "settings": _manifest_settings(settings),
        "documents": [{"id": d.id, "source": d.source, "sha256": d.sha256, "title": d.title,
                       "kind": d.kind} for d in docs],
        "counts": {"documents": len(docs), "chunks": len(chunks), "units": len(all_units)},
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2),
                                       encoding="utf-8")
    os.replace(tmp, gen)
    current_tmp = root / f".CURRENT.{os.getpid()}"
    current_tmp.write_text(gen.name + "\n", encoding="utf-8")
    os.replace(current_tmp, root / "CURRENT")
    _remove_old_generations(root, keep=gen.name)
    seconds = time.perf_counter() - t0
    return {"path": str(gen), "documents": len(docs), "chunks": len(chunks),
            "units": len(all_units), "embedded_documents": embedded, "reused_documents": reused,
            "encoder": encoder.name, "seconds": round(seconds, 3)}


def _remove_old_generations(root: Path, keep: str, grace_seconds: float = 600.0) -> None:
    """Delete superseded generations and abandoned temp builds.

    Anything younger than the grace period stays: another process may still be reading an
    older generation or writing its own build.
    """
    now = time.time()
    for p in root.iterdir():
        if not p.is_dir() or p.name == keep:
            continue
        if not (p.name.startswith("gen-") or p.name.startswith(".tmp-gen-")):
            continue
        try:
            age = now - p.stat().st_mtime
        except FileNotFoundError:
            continue
        if age > grace_seconds:
            shutil.rmtree(p, ignore_errors=True)


def current_generation(index_dir: Path) -> Path:
    root = Path(index_dir)
    current = root / "CURRENT"
    if not current.exists():
        raise IndexMissingError(f"no index in {root}: run `{BUILD_HINT}`")
    name = current.read_text(encoding="utf-8").strip()
    gen = root / name
    if not name or not gen.is_dir():
        raise IndexCorruptError(f"{current} names {name!r}, which is missing: run `{BUILD_HINT}`")
    return gen


def read_manifest(index_dir: Path) -> dict:
    gen = current_generation(index_dir)
    try:
        return json.loads((gen / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise IndexCorruptError(f"{gen / 'manifest.json'} is unreadable ({e}): run `{BUILD_HINT}`") from e


def check_fresh(manifest: dict, settings: Settings, docs: list[Document],
                encoder_name: str | None = None) -> None:
    """Raise IndexStaleError when the index does not match the corpus or settings."""
    problems = []
    if manifest.get("format_version") != FORMAT_VERSION:
        problems.append(f"index format {manifest.get('format_version')}, this version reads {FORMAT_VERSION}")
    want = encoder_name or make_encoder_name(settings.encoder)
    if manifest.get("encoder") != want:
        problems.append(f"index built with encoder {manifest.get('encoder')}, settings ask for {want}")
    if manifest.get("tokenizer_version") != TOKENIZER_VERSION:
        problems.append(f"index built with tokenizer {manifest.get('tokenizer_version')}, "
                        f"this version uses {TOKENIZER_VERSION}")
    if manifest.get("chunker_version") != CHUNKER_VERSION:
        problems.append(f"index built with chunker {manifest.get('chunker_version')}, "
                        f"this version is {CHUNKER_VERSION}")
    if manifest.get("corpus_hash") != corpus_hash(docs):
        built = {d["id"]: d["sha256"] for d in manifest.get("documents", [])}
        now = {d.id: d.sha256 for d in docs}
        changed = sorted(k for k in now if k in built and built[k] != now[k])
        added = sorted(set(now) - set(built))
        removed = sorted(set(built) - set(now))
        what = "; ".join(f"{label}: {', '.join(ids)}" for label, ids in
                         (("changed", changed), ("added", added), ("removed", removed)) if ids)
        problems.append(f"the corpus changed since the index was built ({what or 'contents differ'})")
    if problems:
        raise IndexStaleError("; ".join(problems) + f": run `{BUILD_HINT}`")


def make_encoder_name(spec: str) -> str:
    spec = (spec or "").strip()
    if spec in ("use-multilingual", "use", "default", ""):
        return "use-multilingual"
    return spec


def load_index(index_dir: Path) -> Index:
    """Load the current index generation; raises typed errors naming the fix."""
    gen = current_generation(index_dir)
    manifest = read_manifest(index_dir)
    try:
        chunks = [Chunk.from_json(json.loads(line))
                  for line in (gen / "chunks.jsonl").read_text(encoding="utf-8").splitlines() if line]
        units = [Unit(*json.loads(line))
                 for line in (gen / "units.jsonl").read_text(encoding="utf-8").splitlines() if line]
        lexical = json.loads((gen / "lexical.json").read_text(encoding="utf-8"))
        tokens = lexical["tokens"]
        add_words(lexical.get("words", []))
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise IndexCorruptError(f"index files in {gen} are unreadable ({e}): run `{BUILD_HINT}`") from e
    counts = manifest.get("counts", {})
    if len(chunks) != counts.get("chunks") or len(units) != counts.get("units") or len(tokens) != len(chunks):
        raise IndexCorruptError(f"index in {gen} is incomplete (counts differ from its manifest): "
                                f"run `{BUILD_HINT}`")
    vectors = fi = None
    if manifest.get("dim"):
        import faiss

        path = gen / "dense.faiss"
        try:
            fi = faiss.read_index(str(path))
        except RuntimeError as e:
            raise IndexCorruptError(f"{path} is unreadable: run `{BUILD_HINT}`") from e
        if fi.ntotal != len(units) or fi.d != manifest["dim"]:
            raise IndexCorruptError(f"{path} holds {fi.ntotal}×{fi.d} vectors, manifest says "
                                    f"{len(units)}×{manifest['dim']}: run `{BUILD_HINT}`")
        vectors = fi.reconstruct_n(0, fi.ntotal) if fi.ntotal else np.zeros((0, fi.d), np.float32)
    return Index(path=gen, manifest=manifest, chunks=chunks, units=units, tokens=tokens,
                 vectors=vectors, faiss_index=fi)


def open_index(settings: Settings, docs: list[Document], encoder: Encoder | None = None,
               log=None) -> Index:
    """Load the index, rebuilding it first when missing, stale or broken and auto_build is on."""
    log = log or (lambda m: print(m, file=sys.stderr))
    try:
        manifest = read_manifest(settings.index_dir)
        check_fresh(manifest, settings, docs, encoder.name if encoder else None)
        return load_index(settings.index_dir)
    except (IndexMissingError, IndexStaleError, IndexCorruptError) as e:
        if not settings.auto_build:
            raise
        log(f"index: {e} — building it now")
        build_index(settings, docs, encoder=encoder, log=log)
        return load_index(settings.index_dir)
