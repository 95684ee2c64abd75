"""The station side of sync: transport, credentials, the engine and its CLI."""
