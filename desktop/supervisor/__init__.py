"""The supervisor's pages: operators, the audit log, station settings, sync and devices."""
