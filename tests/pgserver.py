"""A throwaway PostgreSQL server for the team-library tests.

    python tests/pgserver.py start DIR   # initdb into DIR, start, print the URL
    python tests/pgserver.py stop DIR    # stop it and remove DIR

The server listens on a unix socket in DIR and on a free loopback port.
Local (socket) logins are trusted, so the tests can log in as any coder
role; TCP logins need a password (the superuser's is ``byline``), to test
``PGPASSWORD``.  PostgreSQL refuses to run as root: as root, the server runs
as the ``postgres`` system user.  When ``initdb`` is missing (a fresh CI
machine), the Debian ``postgresql`` package is installed first.
"""
from __future__ import annotations

import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

SUPERUSER = "postgres"
PASSWORD = "byline"
INFO = "server.json"


def bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_major)
    if not found and os.geteuid() == 0:
        subprocess.run(["apt-get", "update", "-q"], check=True, stdout=subprocess.DEVNULL)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "install", "-y", "-q", "postgresql"], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_major)
    if not found:
        on_path = shutil.which("initdb")
        if on_path:
            return Path(on_path).parent
        sys.exit("pgserver: initdb is missing; install PostgreSQL (apt-get install postgresql).")
    return Path(found[-1]).parent


def _major(path: str) -> int:
    part = Path(path).parent.parent.name
    return int(part) if part.isdigit() else 0


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    # Run with cwd="/": the server user cannot enter a private clone's folder.
    return ["runuser", "-u", "postgres", "--", *command]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(folder: Path) -> dict:
    tools = bin_dir()
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / "data"
    pwfile = folder / "pw"
    pwfile.write_text(PASSWORD + "\n")
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
        shutil.chown(pwfile, "postgres", "postgres")
    subprocess.run(_as_server_user([
        str(tools / "initdb"), "-D", str(data), "-U", SUPERUSER, "--pwfile", str(pwfile),
        "--auth-local=trust", "--auth-host=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8",
        "--no-sync",
    ]), check=True, stdout=subprocess.DEVNULL, cwd="/")
    port = _free_port()
    options = (f"-k {folder} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c full_page_writes=off -c max_connections=100")
    subprocess.run(_as_server_user([
        str(tools / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start",
    ]), check=True, stdout=subprocess.DEVNULL, cwd="/")
    info = {"host": str(folder), "port": port, "user": SUPERUSER, "password": PASSWORD,
            "bin": str(tools)}
    (folder / INFO).write_text(json.dumps(info))
    return info


def stop(folder: Path, remove: bool = True) -> None:
    """Stop the server (at once when it is to be removed; else cleanly)."""
    info = json.loads((folder / INFO).read_text())
    mode = "immediate" if remove else "fast"
    subprocess.run(_as_server_user([
        str(Path(info["bin"]) / "pg_ctl"), "-D", str(folder / "data"), "-m", mode, "-w", "stop",
    ]), check=False, stdout=subprocess.DEVNULL, cwd="/")
    if remove:
        shutil.rmtree(folder, ignore_errors=True)


def restart(folder: Path) -> None:
    """Start a server that ``stop(folder, remove=False)`` stopped, on its port."""
    info = json.loads((folder / INFO).read_text())
    options = (f"-k {folder} -p {info['port']} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c full_page_writes=off")
    subprocess.run(_as_server_user([
        str(Path(info["bin"]) / "pg_ctl"), "-D", str(folder / "data"), "-o", options, "-l", str(folder / "log"),
        "-w", "start",
    ]), check=True, stdout=subprocess.DEVNULL, cwd="/")


def url(info: dict, dbname: str = "postgres", user: str | None = None) -> str:
    """A URL on the server's socket (trusted: no password needed)."""
    return f"postgresql://{user or info['user']}@/{dbname}?host={info['host']}&port={info['port']}"


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("start", "stop"):
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[1])
    if argv[0] == "start":
        print(url(start(folder)))
    else:
        stop(folder)
    return 0


def start_temporary() -> tuple[Path, dict]:
    folder = Path(tempfile.mkdtemp(prefix="byline-pg-"))
    return folder, start(folder)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
