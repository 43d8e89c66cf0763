"""The engine's folded → original offsets as a plain list, for the tests that check every index."""

from claims.extraction.normalize import fold_with_offset_map


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each folded index and the end, the original index it came from."""
    folded, offsets = fold_with_offset_map(text)
    return folded, [offsets[index] for index in range(len(folded) + 1)]
