"""The footer menu's groups: consecutive links under one heading form a column. Headings that
differ only in case or spacing are one heading ("About us", "about  us")."""

from __future__ import annotations

from collections.abc import Iterable


def heading_key(heading: str) -> str:
    return " ".join(heading.split()).casefold()


def runs(headings: Iterable[str]) -> list[tuple[str, list[int]]]:
    """The groups as (heading, positions of their links, from 1), in order."""
    groups: list[tuple[str, list[int]]] = []
    for position, heading in enumerate(headings, start=1):
        if groups and heading_key(groups[-1][0]) == heading_key(heading):
            groups[-1][1].append(position)
        else:
            groups.append((" ".join(heading.split()), [position]))
    return groups


def _positions(positions: list[int]) -> str:
    numbers = [str(n) for n in positions]
    if len(numbers) == 1:
        return f"link {numbers[0]}"
    return f"links {', '.join(numbers[:-1])} and {numbers[-1]}"


def repeated_headings(headings: Iterable[str]) -> list[tuple[str, list[int], str]]:
    """Each heading that names a second group, apart from the first group with it: (heading,
    positions of the later group's links, what to tell the editor)."""
    first: dict[str, tuple[str, list[int]]] = {}
    repeated = []
    for heading, positions in runs(headings):
        key = heading_key(heading)
        if not key:  # links under no heading
            continue
        if key not in first:
            first[key] = heading, positions
            continue
        heading, earlier = first[key]
        message = (
            f"The footer menu has two groups headed “{heading}” "
            f"({_positions(sorted([*earlier, *positions]))}): a group is the links one after "
            "another under one heading. Move these links next to the others, or give them "
            "another heading."
        )
        repeated.append((heading, positions, message))
    return repeated
