"""The case list and the case detail (the "cases" page): a view of
``intake.services.case_queries``; every query runs on the reader pool."""
