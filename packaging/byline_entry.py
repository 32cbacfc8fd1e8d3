"""The frozen program's entry point: the same ``main`` as the ``byline`` command."""
import multiprocessing
import sys

from desktop.cli import main

if __name__ == "__main__":
    # spaCy's nlp.pipe(n_process>1) starts worker processes; frozen, they
    # must be told apart from a fresh start of the program.
    multiprocessing.freeze_support()
    sys.exit(main())
