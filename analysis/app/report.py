"""A shareable report: every notebook executed, as one self-contained HTML file.

The notebooks are executed headless exactly as for the figures (papermill,
``parameters`` injected); their figures are written to a throw-away folder so
the committed ``figures/`` are not touched. The executed notebooks are then
merged, in reading order, into one notebook with a contents list, and
exported by nbconvert's ``lab`` template with images embedded as data URIs:
the HTML file needs nothing beside it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .notebooks import run_figures
from ..paths import ARTICLE, ROOT

__all__ = ["build_report"]


def build_report(
    *, out_dir: str | Path = ROOT / "reports", article: str | Path = ARTICLE, name: str = "report.html"
) -> Path:
    """Execute the notebooks and write them as one self-contained HTML report.

    Args:
        out_dir: Folder for the report (created if needed; not committed).
        article: The article the notebooks analyse.
        name: File name of the report.

    Returns:
        pathlib.Path: The HTML file written.

    Raises:
        analysis.figures.FigureRunError: A notebook failed.
    """
    import nbformat
    from nbconvert import HTMLExporter

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="report-") as tmp:
        runs = run_figures(out_dir=Path(tmp) / "figures", article=article, executed_dir=Path(tmp) / "executed")
        merged = nbformat.v4.new_notebook()
        merged.metadata = {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        }
        contents = [
            "# Report: reading a French news article closely",
            "",
            f"Article: `{Path(article).name}`. Every notebook below was executed top to bottom; figures are embedded.",
            "",
        ]
        cells = []
        for run in runs:
            nb = nbformat.read(run.executed, as_version=4)
            title = next(
                (
                    c.source.splitlines()[0].lstrip("# ").strip()
                    for c in nb.cells
                    if c.cell_type == "markdown" and c.source.strip()
                ),
                run.notebook.stem,
            )
            contents.append(f"- {title} (`{run.notebook.name}`)")
            cells.append(nbformat.v4.new_markdown_cell(f"---\n*Notebook `{run.notebook.name}`*"))
            cells.extend(nb.cells)
        merged.cells = [nbformat.v4.new_markdown_cell("\n".join(contents)), *cells]
        for i, cell in enumerate(merged.cells):
            cell["id"] = f"r{i:04d}"
        exporter = HTMLExporter(template_name="lab", embed_images=True)
        exporter.exclude_input_prompt = True
        exporter.exclude_output_prompt = True
        html, _ = exporter.from_notebook_node(merged, resources={"metadata": {"name": "Report"}})
    target = out_dir / name
    fd, tmp_path = tempfile.mkstemp(prefix=f".{name}.", dir=out_dir)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(html)
    os.chmod(tmp_path, 0o644)
    os.replace(tmp_path, target)
    return target
