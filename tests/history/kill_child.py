"""A live session for the kill test: a separate process that records a session paced on its
event loop's clock (``SPEEDUP`` × real time), as the app does, and prints the session time of
every data record once the recorder has taken it. The test kills it with SIGKILL.

    python kill_child.py SPEEDUP DURABILITY   (data directory from TREADMILL_CTL_DATA_DIR)
"""

from __future__ import annotations

import asyncio
import sys
from datetime import datetime

from treadmill_ctl.history import Durability, HistoryStore, SessionHeader, SessionRecorder
from treadmill_ctl.proof.sample_sessions import FOUR_BY_THIRTY, plan_json, sample_events


async def main(speedup: float, durability: Durability) -> None:
    store = HistoryStore.open(durability=durability)
    header = SessionHeader(
        datetime.now().astimezone().replace(microsecond=0),
        "four-by-thirty",
        "Four by thirty",
        plan_json(FOUR_BY_THIRTY),
        "Virtual Treadmill",
        "ideal",
    )
    recorder = SessionRecorder.open(store, header)
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    out = sys.stdout
    out.write(f"session {recorder.session_id}\n")
    out.flush()
    for event in sample_events(FOUR_BY_THIRTY, end_reason=None):
        delay = t0 + event["t"] / speedup - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        recorder.on_event(event)
        if event["type"] == "data":
            out.write(f"{event['t']}\n")
            out.flush()
    out.write("done\n")  # never reached when killed
    recorder.close()


if __name__ == "__main__":
    asyncio.run(main(float(sys.argv[1]), Durability(sys.argv[2])))
