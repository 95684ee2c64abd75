"""The follow-ups page: the lists a clerk works through after intake and their acts."""
