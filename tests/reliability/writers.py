"""Writer processes for the reliability tests, run as
``python -m tests.reliability.writers MODE DB …``.

``highlights DB N NAME``: waits for a line on stdin, then adds N highlights
to article 1, each in its own transaction, and rewrites each one's note
(a read, then a write); prints "wrote N".

``actions DB``: a launcher that imports Byline once, then for each line
"run SEED" on stdin forks a writer, and on the next line ("kill") kills it
with SIGKILL and prints "ended" (or "ended by itself, status …" when it
stopped before).  Forking saves the interpreter's start-up
on each of the many restarts of the crash test.  The writer opens the
library, prints "ready", then performs random annotation work (add a
highlight, change its note or tags, delete it and undo the deletion,
import an article), printing "done {json}" after each action is
committed, until it is killed (or after MAX_ACTIONS, or when the launcher
is gone: nothing outlives a failed test).
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import sys
import traceback
from pathlib import Path

MAX_ACTIONS = 3000


def say(line: str) -> None:
    """One line in one write(): a writer killed while saying it leaves the
    whole line or nothing (print() may write a line and its newline apart)."""
    os.write(sys.stdout.fileno(), (line + "\n").encode())


def highlights(db: str, count: int, name: str) -> None:
    from desktop.core.model import Annotation
    from desktop.store.annotations import add_annotation, set_note
    from desktop.store.database import open_library

    open_library(Path(db))
    say("ready")
    sys.stdin.readline()
    for i in range(count):
        hid = add_annotation(1, Annotation(i % 40, i % 40 + 5, ["Claim"], f"{name}-{i}", name))
        if i % 4 == 0:  # a read, then a write: the case a deferred BEGIN gets wrong
            set_note(hid, f"{name}-{i} checked")
    say(f"wrote {count}")


TAGS = ["Claim", "Evidence", "Opinion", "Question", "Check"]


def actions(db: str, seed: int) -> None:
    from peewee import fn

    from desktop.core.model import Annotation
    from desktop.services.importing import import_files
    from desktop.store import annotations
    from desktop.store.articles import get_article
    from desktop.store.database import open_library
    from desktop.store.models import AnnotationRow, ArticleRow

    rng = random.Random(seed)
    launcher = os.getppid()
    open_library(Path(db))
    articles = dict(
        ArticleRow.select(ArticleRow.id, fn.length(ArticleRow.text).coerce(False)).tuples()
    )
    ids = [i for (i,) in AnnotationRow.select(AnnotationRow.id).tuples()]
    # The deletion undo can take back: the last action, as on Qt's undo stack
    # (another highlight added since may have taken the deleted one's id).
    undoable: tuple[int, Annotation] | None = None
    folder = Path(db).parent / "imports"
    folder.mkdir(exist_ok=True)
    say("ready")
    for n in range(1, MAX_ACTIONS + 1):
        if os.getppid() != launcher:
            return
        kind = rng.choices(["add", "note", "tags", "delete", "import"], [4, 2, 2, 2, 1])[0]
        if undoable is not None and rng.random() < 0.5:
            kind = "undo"
        if kind == "import" or not articles:
            path = folder / f"{seed}-{n}.txt"
            path.write_text(
                f"Article {seed}-{n}. Somebody said something on day {n}.\n" * 3, encoding="utf-8"
            )
            (imported,) = import_files([path])
            articles[imported.article_id] = len(get_article(imported.article_id).text)
            done = {
                "op": "import",
                "article": imported.article_id,
                "sha256": get_article(imported.article_id).sha256,
            }
        elif kind in ("note", "tags", "delete") and ids:
            hid = rng.choice(ids)
            if kind == "note":
                annotations.set_note(hid, f"note {seed}-{n}")
            elif kind == "tags":
                annotations.set_tags(hid, rng.sample(TAGS, rng.randint(0, 3)))
            else:
                article_id = annotations.article_id_of(hid)
                gone = annotations.delete_annotation(hid)
                ids.remove(hid)
            done = {"op": kind, "id": hid}
        elif kind == "undo" and undoable is not None:
            article_id, gone = undoable
            hid = annotations.add_annotation(article_id, gone)
            ids.append(hid)
            done = {"op": "undo", "id": hid}
        else:
            article_id = rng.choice(list(articles))
            start = rng.randrange(articles[article_id] - 1)
            end = rng.randint(start + 1, articles[article_id])
            hid = annotations.add_annotation(
                article_id,
                Annotation(start, end, rng.sample(TAGS, rng.randint(0, 2)), f"new {seed}-{n}"),
            )
            ids.append(hid)
            done = {"op": "add", "id": hid}
        if done["op"] in ("add", "note", "tags", "undo"):
            stored = annotations.get_annotation(done["id"])
            done["state"] = [
                annotations.article_id_of(done["id"]),
                stored.start,
                stored.end,
                stored.note,
                sorted(stored.tags),
            ]
        undoable = (article_id, gone) if done["op"] == "delete" else None
        say("done " + json.dumps(done))


def launcher(db: str) -> None:
    # Everything the writer needs, imported before the first fork.
    import desktop.formats.text  # noqa: F401
    import desktop.services.importing  # noqa: F401
    import desktop.store.annotations  # noqa: F401
    import desktop.store.database  # noqa: F401

    commands = _lines(sys.stdin.fileno())
    for command in commands:
        if not command.startswith("run "):
            continue  # a "kill" for a writer that had already ended
        pid = os.fork()
        if pid == 0:
            try:
                actions(db, int(command.split()[1]))
            except BaseException:  # reported to the test, which fails with it
                say("error " + traceback.format_exc().replace("\n", " | ")[:3000])
            finally:
                os._exit(0)
        # The writer is killed here, by its parent, before it is reaped: its
        # pid cannot belong to another process by then.
        while True:
            ended, status = os.waitpid(pid, os.WNOHANG)
            if ended:
                say(f"ended by itself, status {status}")
                break
            if select.select([sys.stdin.fileno()], [], [], 0.005)[0]:
                if next(commands, "kill") == "kill":  # or the test is gone
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                    say("ended")
                    break


def _lines(fd: int):  # noqa: ANN202 (a generator of str)
    """Lines read straight from a file descriptor, without read-ahead, so
    that select() on it tells the truth."""
    pending = b""
    while chunk := os.read(fd, 1):
        if chunk == b"\n":
            yield pending.decode()
            pending = b""
        else:
            pending += chunk


if __name__ == "__main__":
    mode, db, *rest = sys.argv[1:]
    if mode == "highlights":
        highlights(db, int(rest[0]), rest[1])
    else:
        launcher(db)
