"""The counter mode: the clerk's intake screen and its parts."""
