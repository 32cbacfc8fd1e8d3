"""A claiming worker for the tests, with a stand-in analyser (one PERSON
entity on each text's first word), so two processes need no spaCy.

    python -m tests.team.worker URL run     # print the ids it analysed
    python -m tests.team.worker URL stall   # claim one batch, save it, print
                                            # its ids, and wait before commit
"""
from __future__ import annotations

import sys

from desktop.core.model import Analysis, Entity
from desktop.services.claims import analyse_pending
from desktop.store.database import close_library, open_library


def stand_in(texts: list[str]) -> list[Analysis]:
    return [Analysis([Entity(0, len(t.split()[0]), "PERSON")], [], "stand-in", "1") for t in texts]


def stall(ids: list[int]) -> None:
    print("CLAIMED", *ids, flush=True)
    sys.stdin.readline()  # the test kills us here, mid-transaction


def main(url: str, mode: str) -> int:
    open_library(url)
    try:
        done = analyse_pending(stand_in, batch_size=3, before_commit=stall if mode == "stall" else None)
    finally:
        close_library()
    print("DONE", *done, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
