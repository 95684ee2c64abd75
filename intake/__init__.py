"""The Qt-free core of WindowDesk: identities, the catalog, cases and the local store."""

__version__ = "0.1.0"
