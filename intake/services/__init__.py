"""Services that read and change the store: plain arguments in, plain dataclasses out."""
