"""suivi: a sourced, structured record of intergovernmental cooperation commitments."""

__version__ = "0.1.0"
