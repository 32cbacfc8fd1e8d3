"""``python -m desktop``: the same entry as the ``byline`` command."""
from desktop.cli import main

raise SystemExit(main())
