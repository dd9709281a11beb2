"""Render every screen of the app offscreen to PNG files, at each window size and theme.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]
        [--sizes 1024x600,1280x720,1920x1080] [--themes dark,light,high_contrast]
        [--language de]

``--language`` (de, es, fr) runs the app in that language and writes into ``OUT/<lang>/``
(docs/translations.md); the layout is checked the same way, so a translation too long for
1024×600 shows up here.

The app is the real one (``build_app``) on the virtual treadmill; each state is reached by
driving the real engine — connect, choose a preset, start, turn around, lose the link — on a
loop whose clock is sped up through the uneventful parts, and held (slowed to a crawl) while
that state is grabbed at every size and theme. 1280×720 dark goes to ``OUT/NN-name.png`` (the
pictures the docs show), the others to ``OUT/<W>x<H>-<theme>/NN-name.png``. Each grab is also
checked for elided text and overlapping items (``treadmill_ctl.app.layout_audit``); what is
found is printed, and the exit status is 1 if anything was. Settings and history go to a
temporary directory, never the user's.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHOTS = [
    "connect",
    "presets",
    "editor",
    "session-ready",
    "session-forward",
    "countdown-overlay",
    "session-backward",
    "summary",
    "link-lost",
    "settings",
    "history",
    "key-help",
    "connected",
    "plans",
    "debrief",
    "session-slowing",
    "summary-notices",
    "history-notices",
    "settings-plans",
]


SIZES = [(1024, 600), (1280, 720), (1920, 1080)]
THEMES = ["dark", "light"]
ALL_THEMES = [*THEMES, "high_contrast"]
MAIN = ((1280, 720), "dark")  # the set the docs show, at the top of OUT
HOLD_SPEEDUP = 0.01  # the loop's clock while a state is grabbed (nearly still)
SETTLE_S = 0.2  # real seconds for a resize or a theme change to be drawn


@dataclass(frozen=True)
class Shots:
    """Where and what to render."""

    out: Path
    sizes: list[tuple[int, int]]
    themes: list[str]
    only: frozenset[str] = frozenset()  # the shots to write (empty: all)

    def path(self, name: str, size: tuple[int, int], theme: str) -> Path:
        file = f"{SHOTS.index(name) + 1:02d}-{name}.png"
        if (size, theme) == MAIN:
            return self.out / file
        return self.out / f"{size[0]}x{size[1]}-{theme}" / file


def _sizes(text: str) -> list[tuple[int, int]]:
    sizes = []
    for part in text.split(","):
        width, _, height = part.strip().partition("x")
        sizes.append((int(width), int(height)))
    return sizes


def main() -> int:
    parser = argparse.ArgumentParser(description="Render every screen to PNG")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--sizes", type=_sizes, default=SIZES, help="e.g. 1024x600,1920x1080")
    parser.add_argument("--themes", type=lambda t: t.split(","), default=THEMES)
    parser.add_argument("--preset", default="four-by-thirty", help="built-in preset to run")
    parser.add_argument("--language", default="en", choices=("en", "de", "es", "fr"))
    parser.add_argument(
        "--only", type=lambda t: frozenset(t.split(",")), default=frozenset(),
        help="write only these shots, e.g. session-ready,session-backward",
    )  # fmt: skip
    args = parser.parse_args()
    if not set(args.themes) <= set(ALL_THEMES):
        parser.error(f"--themes: choose from {', '.join(ALL_THEMES)}")
    if not args.only <= set(SHOTS):
        parser.error(f"--only: choose from {', '.join(SHOTS)}")
    out = args.out if args.language == "en" else args.out / args.language
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = tempfile.TemporaryDirectory(prefix="treadmill-ctl-shots-")
    os.environ["TREADMILL_CTL_CONFIG_DIR"] = str(Path(scratch.name) / "config")
    os.environ["TREADMILL_CTL_DATA_DIR"] = str(Path(scratch.name) / "data")
    with scratch:
        return _run(Shots(out, args.sizes, args.themes, args.only), args.preset, args.language)


def _run(shots: Shots, preset: str, language: str = "en") -> int:
    from treadmill_ctl.app.event_loop import AppEventLoop
    from treadmill_ctl.app.qt import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    loop = AppEventLoop(app)
    asyncio.set_event_loop(loop)
    shots.out.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    with loop:
        written: list[str] = loop.run_until_complete(
            _shoot(loop, shots, preset, problems, language)
        )
    print(f"{len(written)} screenshots in {shots.out}")
    for line in problems:
        print(f"  layout: {line}")
    return 1 if problems else 0


async def _shoot(
    loop: object, shots: Shots, preset_id: str, problems: list[str], language: str = "en"
) -> list[str]:
    import dataclasses

    from treadmill_ctl.app.event_loop import AppEventLoop
    from treadmill_ctl.app.layout_audit import audit
    from treadmill_ctl.app.main import UI_DIR, build_app
    from treadmill_ctl.app.treadmill_source import TreadmillSource
    from treadmill_ctl.ftms.link import TreadmillLink
    from treadmill_ctl.session.presets import PresetLibrary
    from treadmill_ctl.settings import Language, Settings, Theme

    assert isinstance(loop, AppEventLoop)
    settings = dataclasses.replace(Settings(), theme=Theme(MAIN[1]), language=Language(language))
    running = build_app(simulate=True, settings=settings, save_settings=lambda s: None)
    window, bridge, ctx = running.window, running.bridge, running.context
    session = bridge.session_bridge
    window.resize(*MAIN[0])
    written: list[str] = []

    async def until(
        check: Callable[[], bool], what: str, speed: float, limit_s: float = 60
    ) -> None:
        loop.set_speedup(speed)
        deadline = time.monotonic() + limit_s
        while not check():
            if time.monotonic() > deadline:
                raise TimeoutError(f"screenshots: gave up waiting for {what}")
            await asyncio.sleep(0.02 * speed)
        loop.set_speedup(1.0)

    async def settle() -> None:
        """A few frames of real time (the loop's clock may be held)."""
        await asyncio.sleep(SETTLE_S * loop.speedup)

    async def grab(name: str) -> None:
        """The state shown now, at every size and theme (the session held meanwhile)."""
        assert name in SHOTS, name
        if shots.only and name not in shots.only:
            return
        speed = loop.speedup
        loop.set_speedup(HOLD_SPEEDUP)
        session.refresh()
        for theme in shots.themes:
            bridge.setProperty("theme", theme)
            for size in shots.sizes:
                window.resize(*size)
                await settle()
                path = shots.path(name, size, theme)
                path.parent.mkdir(parents=True, exist_ok=True)
                window.grabWindow().save(str(path))
                written.append(str(path.relative_to(shots.out)))
                problems.extend(f"{path.relative_to(shots.out)}: {p}" for p in audit(window))
        bridge.setProperty("theme", MAIN[1])
        window.resize(*MAIN[0])
        await settle()
        loop.set_speedup(speed)

    def show(screen: str) -> bool:
        from treadmill_ctl.app.context import SCREEN_FILES, Screen

        if not (UI_DIR / SCREEN_FILES[Screen(screen)]).exists():
            print(f"  {screen}: no {SCREEN_FILES[Screen(screen)]} yet, skipped")
            return False
        bridge.setProperty("screen", screen)
        return True

    source: TreadmillSource = running.source
    treadmill = source.treadmill
    assert treadmill is not None

    # 1. Connect: a scan lists the virtual treadmill; the runner picks the virtual strap.
    if show("connect"):
        connect = bridge.connect
        strap = bridge.strap_bridge
        connect.scan()
        strap.scan()
        await until(lambda: bool(connect.property("devices")), "the scan", 10)
        await until(lambda: not connect.property("scanning"), "the scan's end", 20)
        await until(lambda: not strap.property("scanning"), "the strap scan", 20)
        strap.connectTo(strap.property("devices")[0]["address"])
        await until(lambda: strap.property("heartRateText") != "", "the strap's heart rate", 10)
        await grab("connect")

    # What the connect screen does when the user picks the treadmill.
    link = ctx.open_link(treadmill.address)
    assert isinstance(link, TreadmillLink)
    await link.connect()
    ctx.use_link(link)

    # 2-3. Presets and the editor.
    library = ctx.presets if isinstance(ctx.presets, PresetLibrary) else PresetLibrary()
    # The presets are read one file per loop turn (with --only, nothing above waited for them).
    await until(lambda: library.find(preset_id) is not None, "the presets", 10)
    preset = library.find(preset_id)
    if preset is None:
        raise SystemExit(f"no built-in preset {preset_id!r}")
    presets_bridge = bridge.presets
    if show("presets"):
        if hasattr(presets_bridge, "select"):
            presets_bridge.select(preset.id)
        await grab("presets")
    if hasattr(presets_bridge, "edit"):
        presets_bridge.edit(preset.id)
        if show("editor"):
            await grab("editor")

    # 4-7. The session: ready, forward, the turn countdown, backward.
    ctx.choose_plan(preset.to_plan())
    await until(lambda: session.property("state") == "idle", "the session", 5)
    # The strap's next reading (the screens before may have come quicker than one).
    await until(lambda: session.property("heartRateText") != "", "the session's heart rate", 5)
    await grab("session-ready")
    session.start()
    await until(
        lambda: (
            session.property("state") == "running_phase"
            and session.property("phaseKind") == "forward"
        ),
        "the forward run",
        60,
    )
    await until(lambda: session.property("phaseRemainingText") <= "0:47", "mid-phase", 30)
    await grab("session-forward")
    # The first stage of the turn-around: the belt slows, the runner keeps running forward.
    await until(lambda: session.property("state") == "slowing_to_turn", "the slow-down", 60)
    await until(lambda: session.property("speedText") <= "3.5", "half-way down", 2)
    await grab("session-slowing")
    await until(lambda: session.property("countdownReason") == "turn", "the turn", 60)
    await until(lambda: session.property("countdown") == 3, "the countdown", 2)
    await grab("countdown-overlay")
    await until(
        lambda: (
            session.property("direction") == "backward"
            and session.property("state") == "running_phase"
        ),
        "the backward block",
        20,
    )
    await until(lambda: session.property("phaseRemainingText") <= "0:18", "mid-block", 10)
    await grab("session-backward")

    # 8. The summary at the end.
    await until(lambda: bridge.property("screen") == "summary", "the end", 60, 120)
    if (UI_DIR / "SummaryScreen.qml").exists():
        await grab("summary")
    else:
        print("  summary: no SummaryScreen.qml yet, skipped")

    # 9. Link lost in a new session.
    ctx.choose_plan(preset.to_plan())
    await until(lambda: session.property("state") == "idle", "a new session", 5)
    session.start()
    await until(lambda: session.property("state") == "running_phase", "the warm-up", 60)
    await until(lambda: session.property("phaseRemainingText") <= "4:12", "mid-warm-up", 30)
    treadmill.drop_link(back_after_s=None)
    await until(lambda: bool(session.property("linkLost")), "the link loss", 5)
    await grab("link-lost")
    # The link comes back: the engine reconnects and sends STOP first; the runner ends it.
    treadmill.restore_link()
    await until(lambda: not session.property("linkLost"), "the reconnect", 20)
    session.stop()
    await until(lambda: session.property("state") == "stopped", "the stop", 20)
    session.end()
    await until(lambda: bridge.property("screen") == "summary", "the summary", 20)
    # What happened in it: the link drop, with the belt unattended at its last speed.
    if (UI_DIR / "SummaryScreen.qml").exists():
        await grab("summary-notices")

    # 10-12. Settings, history, the key help.
    if show("settings"):
        await grab("settings")
    if show("history"):
        # The finished session in detail (the newest, stopped after the link loss, is short).
        history = bridge.history
        rows = history.property("sessions")
        finished = [r for r in rows if r.get("finished")]
        if finished:
            history.select(int(finished[0]["id"]))
        await grab("history")
    if show("history"):
        # The session with the link drop: marked on its chart and listed under it.
        history = bridge.history
        history.select(int(history.property("sessions")[0]["id"]))
        await grab("history-notices")
    show("session")
    bridge.setProperty("keyHelpVisible", True)
    await grab("key-help")
    bridge.setProperty("keyHelpVisible", False)
    # 13. The Treadmill screen while connected: the card says so, with Disconnect.
    if show("connect"):
        await grab("connected")

    # 14-15. The Plans view, with the knee plan followed and one session debriefed (the knee
    # said 3/10: the same session again), and the debrief after a plan session.
    plans = getattr(bridge, "plans", None)
    if plans is not None and show("plans"):
        from treadmill_ctl.history.debriefs import SessionDebrief, save_debrief
        from treadmill_ctl.history.store import HistoryStore
        from treadmill_ctl.session import plan_progress
        from treadmill_ctl.session.training_plans import PlanLibrary

        store = ctx.history
        assert isinstance(store, HistoryStore)
        plan = PlanLibrary.load(settings).resolve("knee-friendly-backward-walking")
        first = store.list_sessions()[-1]  # the oldest: the finished session
        run = plan_progress.start(store, plan, first.started_at)
        save_debrief(
            store,
            SessionDebrief(
                first.id,
                True,
                run.id,
                0,
                rpe=4,
                pain_during=3,
                pain_after=2,
                answered_at=first.started_at,
            ),
        )
        plans.refresh()
        await grab("plans")
        plans.runToday()
        await until(lambda: session.property("state") == "idle", "the plan's session", 5)
        plans.session_ended(None, True)
        if show("debrief"):
            await grab("debrief")

    # 19. Settings, the Plans section: the plan gate's thresholds.
    if show("settings"):
        await settle()
        stack = [window.contentItem()]
        while stack:
            item = stack.pop()
            if item.property("sectionIndex") is not None:
                item.setProperty("sectionIndex", _section_of("plan_pain_ok_max"))
                break
            stack.extend(item.childItems())
        await grab("settings-plans")

    await running.aclose()
    return written


def _section_of(key: str) -> int:
    """The index of the Settings screen's section that holds the setting ``key``."""
    from treadmill_ctl.app.settings_fields import SECTIONS

    return next(i for i, (_, fields) in enumerate(SECTIONS) if any(f.key == key for f in fields))


if __name__ == "__main__":
    sys.exit(main())
