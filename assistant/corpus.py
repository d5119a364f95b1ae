"""Knowledge-base management: add, list and remove documents of the corpus catalog.

Added documents are stored as UTF-8 text, `corpus/<id>.txt`, which is what citations index
into; a PDF, DOCX or HTML original is kept beside it as `corpus/originals/<id>.<ext>`.
Each file of a batch is added on its own: a file that cannot be read is reported and the
others go on, and a file is either fully added (text, original and catalog entry) or not
at all.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CorpusError, IngestError
from .ingest import Catalog
from .readers import SUPPORTED, Extracted, read_file
from .settings import Settings

ORIGINALS = "originals"


@dataclass
class AddReport:
    """What one `add_documents` call did."""

    added: list[dict] = field(default_factory=list)  # the new catalog entries
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        lines = [f"added {len(self.added)} document(s), {len(self.failed)} failed"]
        lines += [f"  + {e['id']}: {e['title']} ({e['path']})" for e in self.added]
        lines += [f"  ! {p}: {reason}" for p, reason in self.failed]
        return "\n".join(lines)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _rel(path: Path, home: Path) -> str:
    return path.relative_to(home).as_posix()


def _load_catalog(settings: Settings, create: bool = False) -> Catalog:
    corpus_dir = Path(settings.corpus_dir)
    if create and not corpus_dir.exists() and corpus_dir.parent.is_dir():
        corpus_dir.mkdir()
    return Catalog.load(corpus_dir)


def _stored_text(catalog: Catalog, entry: dict) -> str | None:
    """The text of a catalog entry as `Catalog.documents` reads it, or None if unreadable."""
    try:
        return (catalog.corpus_dir.parent / entry["path"]).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, KeyError):
        return None


def make_id(path: Path, text_sha: str, taken: set[str]) -> str:
    """A slug of the file name (ASCII names), else doc-<hash of the text>; unique in `taken`."""
    stem = Path(path).stem
    slug = ""
    if stem.isascii():
        slug = re.sub(r"[^a-z0-9-]", "-", stem.lower())
        slug = re.sub(r"-{2,}", "-", slug).strip("-")
    if not slug:
        slug = "doc-" + text_sha[:10]
    doc_id, n = slug, 2
    while doc_id in taken:
        doc_id, n = f"{slug}-{n}", n + 1
    return doc_id


def _expand(paths) -> list[Path]:
    """The files to add: folders stand for the supported files inside them."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED
                              and not any(part.startswith(".") for part in f.relative_to(p).parts)))
        else:
            out.append(p)
    return out


def _taken_ids(catalog: Catalog) -> set[str]:
    taken = {e["id"] for e in catalog.entries if "id" in e}
    corpus_dir = catalog.corpus_dir
    taken |= {f.stem for f in corpus_dir.glob("*.txt")}
    if (corpus_dir / ORIGINALS).is_dir():
        taken |= {f.stem for f in (corpus_dir / ORIGINALS).iterdir()}
    return taken


def add_documents(settings: Settings, paths, *, title: str | None = None, issuer: str | None = None,
                  doc_number: str | None = None, date: str | None = None, kind: str = "policy",
                  provenance: str = "", verified: bool = True, progress: bool = True) -> AddReport:
    """Add files to the corpus; each file succeeds or fails on its own.

    `title`, `issuer`, `doc_number` and `date`, when given, override what was found in the
    text (for every file of the batch). A folder in `paths` stands for the supported files
    in it. Files already in the corpus (same extracted text) fail with the id they have.
    """
    catalog = _load_catalog(settings, create=True)
    corpus_dir = catalog.corpus_dir
    home = corpus_dir.parent
    known: dict[str, str] = {}
    for e in catalog.entries:
        text = _stored_text(catalog, e)
        if text is not None:
            known.setdefault(_sha256(text), e["id"])
    taken = _taken_ids(catalog)
    overrides = {"title": title, "issuer": issuer, "doc_number": doc_number, "date": date}

    files = _expand([paths] if isinstance(paths, (str, os.PathLike)) else paths)
    report = AddReport()
    iterator = files
    if progress and len(files) > 1:
        from tqdm import tqdm

        iterator = tqdm(files, desc="adding", unit="file", file=sys.stderr, leave=False)
    for path in iterator:
        try:
            extracted = read_file(path)
        except IngestError as e:
            report.failed.append((str(path), e.reason))
            continue
        except Exception as e:  # a reader bug must not stop the batch
            report.failed.append((str(path), f"unexpected error while reading: {type(e).__name__}: {e}"))
            continue
        sha = _sha256(extracted.text)
        if sha in known:
            report.failed.append((str(path), f"already in the corpus as {known[sha]}"))
            continue
        doc_id = make_id(path, sha, taken)
        meta = {"title": Path(path).stem, **extracted.meta}
        meta.update({k: v for k, v in overrides.items() if v is not None})
        try:
            entry = _store(catalog, Path(path), extracted, doc_id, meta, kind=kind,
                           provenance=provenance, verified=verified, home=home)
        except OSError as e:
            report.failed.append((str(path), f"could not write to {corpus_dir}: {e.strerror or e}"))
            continue
        known[sha] = doc_id
        taken.add(doc_id)
        report.added.append(entry)
    return report


def _store(catalog: Catalog, src: Path, ex: Extracted, doc_id: str, meta: dict, *, kind: str,
           provenance: str, verified: bool, home: Path) -> dict:
    """Write the text (and original), then the catalog entry; undo everything on failure."""
    corpus_dir = catalog.corpus_dir
    tag = f"{os.getpid()}.tmp"
    text_path = corpus_dir / f"{doc_id}.txt"
    moves = [(corpus_dir / f".{doc_id}.txt.{tag}", text_path)]
    original = ""
    if ex.fmt in ("pdf", "docx", "html"):
        ext = src.suffix.lower()
        orig_path = corpus_dir / ORIGINALS / f"{doc_id}{ext}"
        moves.append((orig_path.parent / f".{doc_id}{ext}.{tag}", orig_path))
        original = _rel(orig_path, home)
    entry = {
        "id": doc_id, "path": _rel(text_path, home), "title": meta.get("title") or doc_id,
        "issuer": meta.get("issuer", ""), "doc_number": meta.get("doc_number", ""),
        "date": meta.get("date", ""), "kind": kind, "provenance": provenance,
        "verified": bool(verified),
    }
    if original:
        entry["original"] = original
    if ex.pages:
        entry["pages"] = list(ex.pages)

    done: list[Path] = []
    try:
        moves[0][0].write_bytes(ex.text.encode("utf-8"))
        if original:
            moves[1][0].parent.mkdir(exist_ok=True)
            shutil.copyfile(src, moves[1][0])
        for tmp, final in moves:
            os.replace(tmp, final)
            done.append(final)
        # what citations will be checked against must be exactly the extracted text
        if text_path.read_text(encoding="utf-8") != ex.text:
            raise OSError(f"stored text of {doc_id} does not read back equal")
        catalog.entries.append(entry)
        catalog.save()
    except BaseException:
        if catalog.entries and catalog.entries[-1] is entry:
            catalog.entries.pop()
        for tmp, final in moves:
            tmp.unlink(missing_ok=True)
        for final in done:
            final.unlink(missing_ok=True)
        raise
    return entry


def list_documents(settings: Settings) -> list[dict]:
    """One row per catalog entry; a missing or non-UTF-8 file shows in `status` (chars 0)."""
    catalog = _load_catalog(settings)
    rows = []
    for e in catalog.entries:
        text = _stored_text(catalog, e)
        if text is None:
            exists = (catalog.corpus_dir.parent / e.get("path", "")).is_file()
            status = "not UTF-8" if exists else "missing"
        else:
            status = "ok"
        rows.append({
            "id": e["id"], "title": e.get("title") or e["id"], "kind": e.get("kind", "policy"),
            "path": e.get("path", ""), "chars": len(text) if text is not None else 0,
            "sha256": _sha256(text)[:12] if text is not None else "",
            "verified": bool(e.get("verified", True)), "provenance": e.get("provenance", ""),
            "original": e.get("original", ""), "pages": len(e.get("pages", ())),
            "status": status,
        })
    return rows


def remove_document(settings: Settings, doc_id: str) -> dict:
    """Remove a document's catalog entry, then its stored text and original.

    Returns the removed entry with `removed_files` (paths relative to the project home).
    Files outside the corpus folder, or still listed by another entry, are left alone.
    """
    catalog = _load_catalog(settings)
    matches = [e for e in catalog.entries if e.get("id") == doc_id]
    if not matches:
        known = ", ".join(e.get("id", "?") for e in catalog.entries) or "(none)"
        raise CorpusError(f"no document {doc_id!r} in {catalog.path}; known ids: {known} "
                          "(see `python -m assistant corpus list`)")
    entry = matches[0]
    catalog.entries.remove(entry)
    home = catalog.corpus_dir.parent
    catalog.save()  # the catalog first: it never lists a file that is gone
    still_used = {e.get(k) for e in catalog.entries for k in ("path", "original") if e.get(k)}
    corpus_root = catalog.corpus_dir.resolve()
    removed = []
    for key in ("path", "original"):
        rel = entry.get(key)
        if not rel or rel in still_used:
            continue
        file = (home / rel).resolve()
        if corpus_root not in file.parents or not file.is_file():
            continue
        file.unlink()
        removed.append(rel)
    return {**entry, "removed_files": removed}
