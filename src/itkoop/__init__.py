"""itkoop — the cooperation platform of the Mittelstand 4.0 competence center IT-Wirtschaft."""

__version__ = "0.1.0"
