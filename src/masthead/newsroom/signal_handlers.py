"""Wiring of the newsroom's signal handlers (notifications)."""


def connect() -> None:
    pass
