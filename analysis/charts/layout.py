"""Network layout in pure Python arithmetic: the same coordinates, to the last bit, on every CPU.

networkx's layouts go through numpy and scipy (BLAS matrix products, SIMD
``exp``/``log``/``sqrt`` paths, L-BFGS), whose last bits depend on the CPU and
the OpenBLAS kernel: a figure drawn from them changed in its sixth decimal
from one machine to another. :func:`stress_layout` uses only ``+ - * /`` and
``math.sqrt`` on Python floats, which IEEE 754 rounds exactly and which CPython
never fuses or vectorises, iterates a fixed number of times in a fixed order,
and rounds what it returns, so the coordinates that reach a figure are the
same everywhere.

The method is stress majorization (Gansner, Koren & North 2004): nodes are
placed so that their distances match their graph distances (Kamada-Kawai's
goal), from a deterministic start, followed by a few passes that push apart
nodes closer than ``min_distance`` so that labels stay legible.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Hashable, Iterable, Sequence

__all__ = ["stress_layout"]

#: The golden ratio's fractional part, for a start without symmetries (no trigonometry needed).
_GOLDEN = 0.6180339887498949


def _distances(nodes: Sequence[Hashable], edges: Iterable[tuple[Hashable, Hashable]]) -> list[list[float]]:
    """All-pairs shortest path lengths (breadth first); pairs in different components get max + 1."""
    index = {n: i for i, n in enumerate(nodes)}
    adj: list[list[int]] = [[] for _ in nodes]
    for a, b in edges:
        i, j = index[a], index[b]
        if i != j:
            adj[i].append(j)
            adj[j].append(i)
    n = len(nodes)
    dist = [[-1.0] * n for _ in range(n)]
    for s in range(n):
        dist[s][s] = 0.0
        queue = deque([s])
        while queue:
            u = queue.popleft()
            for v in adj[u]:
                if dist[s][v] < 0:
                    dist[s][v] = dist[s][u] + 1.0
                    queue.append(v)
    far = max((d for row in dist for d in row), default=0.0) + 1.0
    return [[d if d >= 0 else far for d in row] for row in dist]


def stress_layout(
    nodes: Sequence[Hashable],
    edges: Iterable[tuple[Hashable, Hashable]],
    *,
    iterations: int = 300,
    min_distance: float = 0.3,
    separation_passes: int = 60,
    decimals: int = 4,
) -> dict[Hashable, tuple[float, float]]:
    """Positions in [-1, 1]² whose distances follow the graph distances, computed the same on every machine.

    Args:
        nodes: The nodes, in the order that fixes the start (e.g. most mentioned first, then by name).
        edges: Pairs of nodes (weights are not used: distance is the number of links).
        iterations: Majorization steps.
        min_distance: After majorization, nodes closer than this (in the final [-1, 1] scale) are
            pushed apart, ``separation_passes`` times at most.
        separation_passes: Passes of the push-apart step.
        decimals: Coordinates are rounded to this many decimals.

    Returns:
        dict: ``{node: (x, y)}``.
    """
    nodes = list(nodes)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    d = _distances(nodes, list(edges))
    # deterministic, asymmetric start: a golden-ratio sequence on the unit square, scaled to the graph
    scale = max(max(row) for row in d)
    xs = [((k * _GOLDEN) % 1.0 - 0.5) * scale for k in range(n)]
    ys = [((k + 0.5) / n - 0.5) * scale for k in range(n)]
    w = [[0.0 if i == j else 1.0 / (d[i][j] * d[i][j]) for j in range(n)] for i in range(n)]
    wsum = [sum(row) for row in w]
    for _ in range(iterations):
        for i in range(n):  # Gauss-Seidel order: node by node, using the latest positions
            xi, yi = xs[i], ys[i]
            sx = sy = 0.0
            for j in range(n):
                if j == i:
                    continue
                dx, dy = xi - xs[j], yi - ys[j]
                norm = math.sqrt(dx * dx + dy * dy)
                if norm == 0.0:
                    dx, dy, norm = 1e-6 * (i - j), 1e-6, 1e-6 * math.sqrt((i - j) * (i - j) + 1.0)
                sx += w[i][j] * (xs[j] + d[i][j] * dx / norm)
                sy += w[i][j] * (ys[j] + d[i][j] * dy / norm)
            xs[i], ys[i] = sx / wsum[i], sy / wsum[i]
    xs, ys = _normalise(xs, ys)
    for _ in range(separation_passes):
        moved = False
        for i in range(n):
            for j in range(i + 1, n):
                dx, dy = xs[j] - xs[i], ys[j] - ys[i]
                norm = math.sqrt(dx * dx + dy * dy)
                if norm >= min_distance:
                    continue
                if norm == 0.0:
                    dx, dy, norm = 1.0, 0.0, 1.0
                push = (min_distance - norm) / 2 / norm
                xs[i], ys[i] = xs[i] - dx * push, ys[i] - dy * push
                xs[j], ys[j] = xs[j] + dx * push, ys[j] + dy * push
                moved = True
        if not moved:
            break
    xs, ys = _normalise(xs, ys)
    return {node: (round(x, decimals) + 0.0, round(y, decimals) + 0.0) for node, x, y in zip(nodes, xs, ys)}


def _normalise(xs: list[float], ys: list[float]) -> tuple[list[float], list[float]]:
    """Centre on the bounding box and scale so the larger side spans [-1, 1]."""
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return [(x - cx) / half for x in xs], [(y - cy) / half for y in ys]
