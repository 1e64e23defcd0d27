"""Tiny randomly initialised translation models, built in-process for tests and benches.

The weights are random, so the output is gibberish: what these models exercise is the
real loading, tokenising, batching and decoding code. Building one takes well under a
second and a few hundred kB:

1. train a SentencePiece model on a small bilingual corpus;
2. write a Marian-style ``.npz`` (weights + ``special:model.yml``), ``vocab.yml`` and
   ``decoder.yml``, as an OPUS-MT release ships them;
3. convert with ``ctranslate2.converters.OpusMTConverter`` and keep ``source.spm`` /
   ``target.spm`` beside the converted model, as the converter does not copy them.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import numpy as np
import sentencepiece as spm
import yaml

CORPUS = """\
Pemimpin Hamas dan Hizbullah bertemu di Lebanon untuk membicarakan rencana baru.
Ismail Haniyeh bertemu dengan Sayyid Hassan Nasrallah pada hari Selasa.
Presiden Prabowo Subianto menerima perdana menteri Palestina di Jakarta.
Kedua belah pihak membicarakan perkembangan terbaru di kawasan.
Lebih dari empat ribu roket ditembakkan ke wilayah pendudukan Israel.
Relawan Indonesia mengirim bantuan kemanusiaan ke Gaza melalui Rafah.
Kementerian Luar Negeri menyatakan dukungan bagi rakyat Lebanon.
The leaders of Hamas and Hezbollah met in Lebanon to discuss a new plan.
Ismail Haniyeh met Sayyid Hassan Nasrallah on Tuesday.
President Prabowo Subianto received the Palestinian prime minister in Jakarta.
Both sides discussed the latest developments in the region.
More than four thousand rockets were fired into the occupied territories.
Indonesian volunteers sent humanitarian aid to Gaza through Rafah.
The foreign ministry expressed support for the people of Lebanon.
Quick brown foxes jump over lazy dogs, 0123456789, "quotes" (and) commas; ok? yes!
"""

# Marian options the CTranslate2 converter checks: a post-norm Transformer.
MARIAN_CONFIG = {
    "type": "transformer",
    "enc-depth": 1,
    "dec-depth": 1,
    "transformer-heads": 2,
    "transformer-decoder-autoreg": "self-attention",
    "transformer-no-projection": False,
    "transformer-ffn-activation": "swish",
    "transformer-preprocess": "",
    "transformer-postprocess": "dan",
    "transformer-postprocess-emb": "d",
    "transformer-guided-alignment-layer": "last",
}
DIM = 16
FFN = 32


def train_spm(vocab_size: int = 160) -> bytes:
    """A SentencePiece model trained in memory on ``CORPUS``."""
    out = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(CORPUS.splitlines()), model_writer=out,
        vocab_size=vocab_size, model_type="unigram", character_coverage=1.0,
        hard_vocab_limit=False, minloglevel=2, num_threads=1,
    )
    return out.getvalue()


def marian_vocab(spm_bytes: bytes) -> list[str]:
    """Marian's vocabulary order: ``</s>``, ``<unk>``, the pieces, then ``<pad>``."""
    sp = spm.SentencePieceProcessor(model_proto=spm_bytes)
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    return ["</s>", "<unk>", *[p for p in pieces if p not in ("<unk>", "<s>", "</s>")],
            "<pad>"]


def _weights(vocab: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    def mat(rows: int, cols: int) -> np.ndarray:
        return (rng.standard_normal((rows, cols)) * 0.3).astype(np.float32)

    def vec(n: int, value: float = 0.0) -> np.ndarray:
        return np.full((1, n), value, dtype=np.float32)

    w: dict[str, np.ndarray] = {"Wemb": mat(vocab, DIM)}

    def attention(scope: str) -> None:
        for part in ("q", "k", "v", "o"):
            w[f"{scope}_W{part}"] = mat(DIM, DIM)
            w[f"{scope}_b{part}"] = vec(DIM)
        w[f"{scope}_Wo_ln_scale"] = vec(DIM, 1.0)
        w[f"{scope}_Wo_ln_bias"] = vec(DIM)

    def ffn(scope: str) -> None:
        w[f"{scope}_W1"], w[f"{scope}_b1"] = mat(DIM, FFN), vec(FFN)
        w[f"{scope}_W2"], w[f"{scope}_b2"] = mat(FFN, DIM), vec(DIM)
        w[f"{scope}_ffn_ln_scale"] = vec(DIM, 1.0)
        w[f"{scope}_ffn_ln_bias"] = vec(DIM)

    attention("encoder_l1_self")
    ffn("encoder_l1_ffn")
    attention("decoder_l1_self")
    attention("decoder_l1_context")
    ffn("decoder_l1_ffn")
    bias = vec(vocab)
    bias[0, 0] = 1.5  # favour </s> a little so random decoding stops on its own
    w["decoder_ff_logit_out_b"] = bias
    return w


def write_marian(folder: Path, spm_bytes: bytes, seed: int = 0) -> Path:
    """An OPUS-MT style release folder (what ``ct2-opus-mt-converter`` reads)."""
    folder.mkdir(parents=True, exist_ok=True)
    vocab = marian_vocab(spm_bytes)
    with (folder / "opus.spm.vocab.yml").open("w", encoding="utf-8") as fh:
        for i, piece in enumerate(vocab):
            fh.write(f"{json.dumps(piece, ensure_ascii=False)}: {i}\n")
    weights = _weights(len(vocab), np.random.default_rng(seed))
    config = yaml.safe_dump(MARIAN_CONFIG).encode("utf-8") + b"\0"
    weights["special:model.yml"] = np.frombuffer(config, dtype=np.int8)
    np.savez(folder / "opus.npz", **weights)
    (folder / "decoder.yml").write_text(yaml.safe_dump({
        "models": ["opus.npz"], "vocabs": ["opus.spm.vocab.yml", "opus.spm.vocab.yml"],
    }), encoding="utf-8")
    (folder / "source.spm").write_bytes(spm_bytes)
    (folder / "target.spm").write_bytes(spm_bytes)
    return folder


def build_opus_mt(dest: Path, spm_bytes: bytes | None = None, seed: int = 0) -> Path:
    """A converted OPUS-MT model directory: ``model.bin``, vocabulary, ``*.spm`` beside."""
    from ctranslate2.converters import OpusMTConverter

    spm_bytes = spm_bytes or train_spm()
    release = write_marian(dest.parent / f".{dest.name}.release", spm_bytes, seed)
    OpusMTConverter(str(release)).convert(str(dest), force=True)
    for name in ("source.spm", "target.spm"):
        shutil.copy(release / name, dest / name)
    shutil.rmtree(release)
    return dest


def build_argos(dest: Path, source: str = "id", target: str = "en",
                opus_mt: Path | None = None) -> Path:
    """An installed Argos Translate package directory built around a tiny model."""
    dest.mkdir(parents=True, exist_ok=True)
    model = dest / "model"
    if opus_mt is None:
        build_opus_mt(model)
    else:
        shutil.copytree(opus_mt, model, dirs_exist_ok=True)
    shutil.move(model / "source.spm", dest / "sentencepiece.model")
    (model / "target.spm").unlink()
    (dest / "metadata.json").write_text(json.dumps({
        "package_version": "1.0", "argos_version": "1.0", "from_code": source,
        "to_code": target, "from_name": source, "to_name": target,
    }), encoding="utf-8")
    return dest
