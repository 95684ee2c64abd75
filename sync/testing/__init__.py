"""Tools for testing sync with real parts (a loopback TCP fault proxy)."""
