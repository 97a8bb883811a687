from __future__ import annotations

import pickle

from hypothesis import given, strategies as st

from kg.offsets import OffsetMap


@given(st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=200), st.data())
def test_runs_map_like_the_positions_they_compress(steps, data):
    positions, pos = [], 0
    for step in steps:
        positions.append(pos)
        pos += step
    m = OffsetMap.from_positions(positions)
    assert [m.to_source(i) for i in range(len(positions))] == positions
    start = data.draw(st.integers(0, len(positions) - 1))
    end = data.draw(st.integers(start + 1, len(positions)))
    sliced = m.slice(start, end)
    assert [sliced.to_source(i) for i in range(end - start)] == positions[start:end]
    assert m.source_span(start, end) == (positions[start], positions[end - 1] + 1)
    assert pickle.loads(pickle.dumps(sliced)) == sliced


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(1, 20)), min_size=1, max_size=8))
def test_concat_maps_each_piece_like_its_own_map(pieces):
    maps = [OffsetMap([0], [src], length) for src, length in pieces]
    joined = OffsetMap.concat(maps)
    expected = [src + i for src, length in pieces for i in range(length)]
    assert len(joined) == len(expected)
    assert [joined.to_source(i) for i in range(len(expected))] == expected
