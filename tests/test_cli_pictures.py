"""The drawing commands say what they wrote, in any format."""

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from aiecosys import co_investment_graph, load
from aiecosys._cli import cli


def test_graph_reports_nodes_and_edges_in_every_format(tmp_path: Path):
    """graph prints one row, nodes and edges of the graph written, as text, JSON or CSV."""
    built = co_investment_graph(load())
    target = str(tmp_path / "g.graphml")
    result = CliRunner().invoke(cli, ["graph", "-o", target, "--format", "csv"])
    row = next(csv.DictReader(io.StringIO(result.stdout)))
    assert (int(row["nodes"]), int(row["edges"])) == (
        built.number_of_nodes(),
        built.number_of_edges(),
    )
    result = CliRunner().invoke(cli, ["graph", "-o", target, "--format", "nl"])
    assert json.loads(result.stdout)["kind"] == "co-investment"
