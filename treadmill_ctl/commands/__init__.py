"""Command-line subcommands. Each module exposes ``register(subparsers)`` which adds its parser
and sets ``func`` (args -> exit status) as the parser default."""
