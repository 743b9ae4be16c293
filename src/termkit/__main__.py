"""``python -m termkit`` runs the same CLI as the ``termkit`` command."""

from .cli import main

main()
