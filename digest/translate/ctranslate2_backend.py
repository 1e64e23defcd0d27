"""Offline translation with a CTranslate2 model directory (OPUS-MT or Argos package)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import ctranslate2
import sentencepiece

from ..errors import DigestError
from ..text.lang import base_language
from .model_dir import ModelDir, inspect

# Tokens a SentencePiece model cannot turn back into text.
_SPECIAL = frozenset(("<unk>", "<s>", "</s>", "<pad>"))


class Ctranslate2Backend:
    """One language pair; inputs are sentences (``sentence_level``), batched by length."""

    name = "ctranslate2"
    sentence_level = True

    def __init__(self, model_dir: str | Path, threads: int = 0, beam_size: int = 2,
                 max_batch_size: int = 32):
        self.model = inspect(model_dir)
        self.model_name = self.model.name
        self.beam_size = beam_size
        self.max_batch_size = max_batch_size
        try:
            self._source_sp = sentencepiece.SentencePieceProcessor(
                model_file=str(self.model.source_spm))
            self._target_sp = (self._source_sp if self.model.target_spm ==
                               self.model.source_spm else sentencepiece.SentencePieceProcessor(
                                   model_file=str(self.model.target_spm)))
        except (OSError, RuntimeError) as exc:
            raise DigestError(f"model directory: unreadable SentencePiece model: {exc}",
                              self.model.path) from None
        try:
            # inter_threads=1: batches go one at a time; intra_threads parallelise each.
            self._translator = ctranslate2.Translator(
                str(self.model.model), device="cpu", inter_threads=1, intra_threads=threads)
        except (RuntimeError, ValueError) as exc:
            raise DigestError(f"model directory: CTranslate2 cannot load it: {exc}",
                              self.model.path) from None

    def supports(self, source: str, target: str) -> bool:
        return (base_language(source) == self.model.source
                and base_language(target) == self.model.target)

    def targets(self) -> set[str] | None:
        return {self.model.target}

    def check(self, source: str, target: str) -> None:
        if not self.supports(source, target):
            raise DigestError(f"model directory translates {_pair(self.model)}, "
                              f"not {source}→{target}", self.model.path)

    def translate(self, texts: list[str], source: str, target: str,
                  glossary: Mapping[str, str] | None = None) -> list[str]:
        """Translate each text as one unit (callers split sentences first)."""
        self.check(source, target)
        out = [""] * len(texts)
        todo = [i for i, t in enumerate(texts) if t.strip()]
        if not todo:
            return out
        prefix = self.model.source_prefix.split() if self.model.source_prefix else []
        tokens = self._source_sp.encode([texts[i] for i in todo], out_type=str)
        tokens = [prefix + t for t in tokens]
        # Sort by length so each call decodes similar lengths, and cap decoding relative
        # to the input so a degenerate model cannot loop to the global maximum.
        order = sorted(range(len(todo)), key=lambda k: len(tokens[k]))
        for start in range(0, len(order), self.max_batch_size):
            chunk = order[start:start + self.max_batch_size]
            batch = [tokens[k] for k in chunk]
            longest = max(len(t) for t in batch)
            target_prefix = ([[self.model.target_prefix]] * len(batch)
                             if self.model.target_prefix else None)
            try:
                results = self._translator.translate_batch(
                    batch, target_prefix=target_prefix, beam_size=self.beam_size,
                    max_batch_size=self.max_batch_size, max_input_length=1024,
                    max_decoding_length=2 * longest + 16, disable_unk=True)
            except (RuntimeError, ValueError) as exc:
                raise DigestError(f"model directory: translation failed: {exc}",
                                  self.model.path) from None
            for k, result in zip(chunk, results, strict=True):
                pieces = result.hypotheses[0]
                if self.model.target_prefix and pieces[:1] == [self.model.target_prefix]:
                    pieces = pieces[1:]
                pieces = [p for p in pieces if p not in _SPECIAL]
                out[todo[k]] = self._target_sp.decode_pieces(pieces).strip()
        return out


def _pair(model: ModelDir) -> str:
    return f"{model.source}→{model.target}"
