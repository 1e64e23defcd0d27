"""Recognise an offline translation model directory and its language pair.

Two layouts, both read with CTranslate2 + SentencePiece only:

- an OPUS-MT model converted by ``ct2-opus-mt-converter``: ``model.bin``, its vocabulary
  (``shared_vocabulary.*`` or ``source_vocabulary.*`` + ``target_vocabulary.*``), and the
  release's ``source.spm`` / ``target.spm`` copied beside it. The pair comes from a
  ``digest-model.json`` (``{"source": "id", "target": "en"}``, optionally
  ``"source_prefix": ">>ind<<"`` for multi-target models) or else from the folder name,
  ``opus-mt-<source>-<target>`` (``opus-mt-id-en``, ``opus-mt-tc-big-en-id``);
- an installed Argos Translate package: ``metadata.json`` (``from_code``, ``to_code``),
  ``model/`` (a CTranslate2 model) and ``sentencepiece.model``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DigestError
from ..text.lang import base_language

PAIR_FILE = "digest-model.json"
_OPUS_NAME = re.compile(r"opus-mt-(?:tc-(?:big|base)-)?([a-z]{2,3})-([a-z]{2,3})$")
_VOCABS = (("shared_vocabulary",), ("source_vocabulary", "target_vocabulary"))


@dataclass(frozen=True)
class ModelDir:
    path: Path  # the folder the user named
    model: Path  # the CTranslate2 model folder (``path`` or ``path/model``)
    source_spm: Path
    target_spm: Path
    source: str
    target: str
    kind: str  # "opus-mt" or "argos"
    source_prefix: str | None = None  # token(s) put before each sentence
    target_prefix: str | None = None  # token(s) the decoder starts with, then dropped

    @property
    def name(self) -> str:
        return self.path.name


def _json(path: Path, model: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DigestError(f"model directory: cannot read {path.name}: {exc}", model) from None
    if not isinstance(data, dict):
        raise DigestError(f"model directory: {path.name} is not a JSON object", model)
    return data


def _need(path: Path, what: str, model: Path) -> Path:
    if not path.is_file():
        raise DigestError(f"model directory: {what} is missing ({path.name})", model)
    return path


def _check_ct2(model: Path, where: Path) -> None:
    _need(model / "model.bin", "the CTranslate2 model", where)
    for names in _VOCABS:
        if all(any((model / f"{n}{ext}").is_file() for ext in (".json", ".txt"))
               for n in names):
            return
    raise DigestError("model directory: no vocabulary (shared_vocabulary.json or "
                      "source_vocabulary.json + target_vocabulary.json)", where)


def _code(value: object, key: str, path: Path) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]+)*",
                                                      value):
        raise DigestError(f"model directory: {key} {value!r} is not a language code", path)
    return base_language(value)


def _argos(path: Path) -> ModelDir:
    meta = _json(path / "metadata.json", path)
    model = path / "model"
    _check_ct2(model, path)
    spm = _need(path / "sentencepiece.model", "the SentencePiece model", path)
    prefix = meta.get("target_prefix") or None
    return ModelDir(path=path, model=model, source_spm=spm, target_spm=spm,
                    source=_code(meta.get("from_code"), "from_code", path),
                    target=_code(meta.get("to_code"), "to_code", path),
                    kind="argos", target_prefix=prefix if isinstance(prefix, str) else None)


def _opus_mt(path: Path) -> ModelDir:
    _check_ct2(path, path)
    hint = "copy it from the OPUS-MT release beside model.bin: the converter does not"
    for name in ("source.spm", "target.spm"):
        if not (path / name).is_file():
            raise DigestError(f"model directory: {name} is missing ({hint})", path)
    prefix = None
    if (path / PAIR_FILE).is_file():
        pair = _json(path / PAIR_FILE, path)
        source = _code(pair.get("source"), "source", path)
        target = _code(pair.get("target"), "target", path)
        prefix = pair.get("source_prefix") if isinstance(pair.get("source_prefix"), str) \
            else None
    else:
        match = _OPUS_NAME.search(path.name.lower())
        if not match:
            raise DigestError(
                "model directory: cannot tell its language pair: name the folder "
                f"opus-mt-<source>-<target> (e.g. opus-mt-id-en) or add {PAIR_FILE} "
                '({"source": "id", "target": "en"})', path)
        source, target = match.groups()
    return ModelDir(path=path, model=path, source_spm=path / "source.spm",
                    target_spm=path / "target.spm", source=source, target=target,
                    kind="opus-mt", source_prefix=prefix)


def inspect(path: str | Path) -> ModelDir:
    """What the folder holds; DigestError naming it if it is missing or incomplete."""
    folder = Path(path).expanduser().resolve()
    if not folder.is_dir():
        raise DigestError("model directory not found", folder)
    if (folder / "metadata.json").is_file():
        return _argos(folder)
    if (folder / "model.bin").is_file():
        return _opus_mt(folder)
    raise DigestError("not a translation model directory: expected model.bin (a converted "
                      "OPUS-MT model) or metadata.json (an Argos Translate package)", folder)
