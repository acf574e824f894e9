"""The integration diagram is valid, escaped SVG with a text alternative."""

from xml.etree import ElementTree

from itkoop.matching.diagram import NODE_H, Edge, Node, integration_svg

NS = "{http://www.w3.org/2000/svg}"


def _texts(svg: str) -> list[str]:
    """Every shown line of text: a text's own, or each of its tspans'."""
    root = ElementTree.fromstring(svg)  # noqa: S314 - our own markup
    return [t.text for t in root.iter() if t.tag in (f"{NS}text", f"{NS}tspan") and t.text]


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
    texts = _texts(svg)
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
    nodes = [r for r in root.iter(f"{ns}rect") if r.get("rx") == "8" and r.get("height") == str(NODE_H)]
    fills = [r.get("fill") for r in nodes]
    assert fills == ["#0b4f8a", "#4a5360"]
    assert sum(1 for r in root.iter(f"{ns}rect") if r.get("stroke-dasharray")) == 1


def test_a_long_name_is_wrapped_not_cut_and_a_longer_one_keeps_its_full_text_as_tooltip():
    long_name = "Warenwirtschaft Professional Cloud"  # cut at 22 characters before
    longer = "Integrationsplattform für Handel, Handwerk und öffentliche Verwaltung mit Schnittstellen"
    nodes = [Node("a", long_name, "Nordlicht Software GmbH", "c1"), Node("b", longer, "Süd", "c2")]
    edges = [Edge("a", "b", "OpenAPI / REST mit OAuth 2.0")]
    svg = integration_svg(nodes, edges, title="T", description="D")
    texts = _texts(svg)
    first = next(i for i, line in enumerate(texts) if line.startswith("Warenwirtschaft"))
    assert f"{texts[first]} {texts[first + 1]}" == long_name  # two lines, nothing cut
    other = next(i for i, line in enumerate(texts) if line.startswith("Integrations"))
    assert len(texts[other + 1]) <= 24 and texts[other + 1].endswith("…")  # shortened on the second line
    assert texts[other + 2] == "Süd"
    tooltips = [t.text for t in ElementTree.fromstring(svg).iter(f"{NS}title")]  # noqa: S314
    assert f"{longer} – Süd" in tooltips and "OpenAPI / REST mit OAuth 2.0" in tooltips
