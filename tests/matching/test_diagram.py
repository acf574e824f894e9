"""The integration diagram is valid, escaped SVG with a text alternative."""

from xml.etree import ElementTree

from itkoop.matching.diagram import Edge, Node, integration_svg


def test_diagram_has_nodes_edges_and_escapes_names():
    nodes = [
        Node("a", "Shop <script>", "Firma & Co", "c1"),
        Node("b", "ERP", "Nord", "c2"),
        Node("c", "FiBu", "K", "c3"),
    ]
    svg = integration_svg(
        nodes, [Edge("a", "b", "BMEcat"), Edge("b", "c", "DATEV")], title="T", description="D"
    )
    root = ElementTree.fromstring(svg)  # noqa: S314 - our own markup
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img"
    assert root.find(f"{ns}title").text == "T" and root.find(f"{ns}desc").text == "D"
    assert len(root.findall(f"{ns}line")) == 2
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert "BMEcat" in texts and "DATEV" in texts and "Shop <script>" in texts
    assert "<script>" not in svg


def test_edges_to_unknown_nodes_are_skipped():
    svg = integration_svg([Node("a", "A", "", "c")], [Edge("a", "zz", "X")], title="T", description="D")
    assert "<line" not in svg


def test_an_existing_system_is_grey_and_dashed_and_takes_no_provider_colour():
    nodes = [Node("a", "Shop", "Firma", "c1"), Node("x", "ERP", "vorhanden", "x", existing=True)]
    svg = integration_svg(nodes, [Edge("a", "x", "BMEcat")], title="T", description="D")
    root = ElementTree.fromstring(svg)  # noqa: S314 - our own markup
    ns = "{http://www.w3.org/2000/svg}"
    fills = [r.get("fill") for r in root.iter(f"{ns}rect") if r.get("rx") == "8" and r.get("height") == "58"]
    assert fills == ["#0b4f8a", "#4a5360"]
    assert sum(1 for r in root.iter(f"{ns}rect") if r.get("stroke-dasharray")) == 1
