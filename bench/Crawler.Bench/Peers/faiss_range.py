"""Peer for `bench/run dedup-index`: faiss (Debian's python3-faiss) on the same vectors and queries.

Usage: faiss_range.py VECTORS QUERIES DIMS THRESHOLD
Vectors and queries are raw little-endian float32, one row after another. One thread, one query at a time,
as the dedup stage asks. Prints `flat_qps=`, `ivf_qps=`, `ivf_recall=` and `ivf_cells=` lines.
"""
import sys
import time

import faiss
import numpy as np


def timed_range_search(index, queries, threshold):
    """Queries per second over at least two seconds, after one untimed round (as ours is measured); and the hits."""
    answers = [index.range_search(queries[row:row + 1], threshold)[2] for row in range(queries.shape[0])]
    asked = 0
    start = time.perf_counter()
    while time.perf_counter() - start < 2:
        for row in range(queries.shape[0]):
            index.range_search(queries[row:row + 1], threshold)
        asked += queries.shape[0]
    return asked / (time.perf_counter() - start), [set(ids.tolist()) for ids in answers]


def main():
    vectors_path, queries_path, dims, threshold = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    faiss.omp_set_num_threads(1)
    vectors = np.fromfile(vectors_path, dtype=np.float32).reshape(-1, dims)
    queries = np.fromfile(queries_path, dtype=np.float32).reshape(-1, dims)

    flat = faiss.IndexFlatIP(dims)
    flat.add(vectors)
    flat_qps, exact = timed_range_search(flat, queries, threshold)
    print(f"flat_qps={flat_qps:.3f}")

    cells = max(16, int(round(len(vectors) ** 0.5)))
    ivf = faiss.IndexIVFFlat(faiss.IndexFlatIP(dims), dims, cells, faiss.METRIC_INNER_PRODUCT)
    ivf.train(vectors[np.random.default_rng(0).choice(len(vectors), min(len(vectors), cells * 40), replace=False)])
    ivf.add(vectors)
    ivf.nprobe = 8
    ivf_qps, approximate = timed_range_search(ivf, queries, threshold)
    found = sum(len(a & e) for a, e in zip(approximate, exact))
    total = sum(len(e) for e in exact)
    print(f"ivf_qps={ivf_qps:.3f}")
    print(f"ivf_recall={found / total if total else 1.0:.4f}")
    print(f"ivf_cells={cells}")


if __name__ == "__main__":
    main()
