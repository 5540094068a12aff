"""Entry points: what a user runs.

- ``cli``: the command line (``python -m analysis COMMAND``).
- ``commands_textometry``: the textometry commands (``specificities``, ``ca``, ``reinert``, ``progression``,
  ``similarity``, ``query``, ``export``), registered by ``cli``.
- ``arguments``: argument types shared by the command line's modules (whole numbers with a minimum, …).
- ``commands_people``: the ``claims`` and ``audit`` commands, registered by ``cli``.
- ``commands_cache``: the ``cache`` command (what the on-disk cache holds; ``--prune``, ``--clear``).
- ``notebooks``: runs the numbered notebooks headless into ``figures/`` (``python -m analysis figures``).
- ``report``: every notebook executed, as one self-contained HTML report.
- ``explore``: interactive explorers for JupyterLab (ipywidgets).
- ``process``: signals, standard output and its encoding, warnings as lines: what ``cli`` sets up
  around a command.
- ``output``: tables written to a stream as JSON, CSV or text, in chunks of rows.

Nothing is imported here, so that ``python -m analysis`` loads only the command line.
"""

__all__ = [
    "arguments",
    "cli",
    "commands_cache",
    "commands_people",
    "commands_textometry",
    "explore",
    "notebooks",
    "output",
    "process",
    "report",
]
