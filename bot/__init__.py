"""protocol-bot: helps council officers keep the member/officer relations protocol.

Where things live:
  bot/model     frozen value types that cross every boundary
  bot/core      pure decisions (no I/O, no wall clock): working time, threads, rules, engine
  bot/adapters  the edge: mail/calendar sources, outboxes, the SQLite store, the classifier
  bot/app       commands that wire concrete adapters to the core (run, replay, demo, ...)
"""

__version__ = "0.1.0"
