"""Evidence that the safety claims hold, for ``benchmarks/`` and the tests: the fault matrix,
the parser fuzzers, the safety audit of a session's events, bare pyftms on the virtual treadmill
(canaries, STOP benchmark) and sample sessions (history tests). Needs the ``test`` extra
(hypothesis) for the fuzzers (``proof.fuzz``); nothing in the app imports this package (an
import-linter contract keeps it so)."""
