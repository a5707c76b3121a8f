"""migcli: a command-line reference on migration management in Mexico and Central America."""

__version__ = "0.1.0"
