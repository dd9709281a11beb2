"""Evidence that the safety claims hold: the fault matrix, the parser fuzzers, and the safety
audit of a session's events (see benchmarks/README.md). Needs the ``test`` extra (hypothesis)
for the fuzzers; nothing in the app imports this package."""
