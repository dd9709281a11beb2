"""Generate the app's cue sounds into resources/sounds/ (16 kHz, mono, 16-bit WAV).

    .venv/bin/python scripts/make_sounds.py            # rewrite every file
    .venv/bin/python scripts/make_sounds.py --check    # exit 1 if a file differs

Tones are synthesised here with ``wave`` + ``math`` (no tools needed). Spoken words are made
with espeak-ng and converted with sox (``apt-get install espeak-ng sox``; needed only to
regenerate, never at run time). Both are deterministic: sox runs without dither (``-D``) and
with its repeatable seed (``-R``), so the same tools write the same bytes.

The app composes phrases from the words ("speed" "three" "point" "zero"); the list of words is
``WORDS`` below and the cue -> clips mapping is ``treadmill_ctl.app.sound.clips_for``.

The same words in German, Spanish and French (``TRANSLATED``) go into ``sounds/<lang>/`` under
the same names, spoken by espeak-ng's voice for that language (numbers from their digits, so
the voice says them as its language does); the player takes them over the English ones when
the app runs in that language (docs/translations.md). Tones are shared.
"""

from __future__ import annotations

import argparse
import math
import shutil
import struct
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "sounds"
RATE = 16_000

# name -> list of (frequency Hz, duration s); frequency 0 is silence.
TONES: dict[str, list[tuple[float, float]]] = {
    "tone_beep": [(880, 0.12)],  # each of the last seconds of a countdown
    "tone_go": [(1320, 0.40)],  # the countdown is over: the belt moves
    "tone_turn_around": [(988, 0.18), (0, 0.05), (659, 0.18), (0, 0.05), (988, 0.18)],
    "tone_backward": [(784, 0.13), (0, 0.03), (587, 0.13), (0, 0.03), (440, 0.22)],  # falling
    "tone_forward": [(440, 0.13), (0, 0.03), (587, 0.13), (0, 0.03), (784, 0.22)],  # rising
    "tone_stop": [(330, 0.45)],
    "tone_done": [(523, 0.15), (659, 0.15), (784, 0.30)],
    "tone_alarm": [(1000, 0.15), (750, 0.15)] * 4,
}

NUMBERS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "twenty one", "twenty two", "twenty three", "twenty four",
    "twenty five", "thirty",
]  # fmt: skip

# clip name -> words spoken
WORDS: dict[str, str] = {
    **{f"num_{n.replace(' ', '_')}": n for n in NUMBERS},
    "word_speed": "speed",
    "word_point": "point",
    "word_in": "in",
    "word_seconds": "seconds",
    "word_backward": "backward",
    "word_forward": "forward",
    "phrase_turn_around": "turn around",
    "phrase_slowing_down": "slowing down",
    "phrase_keep_running": "keep running",
    "phrase_belt_stopped": "belt stopped",
    "phrase_belt_walking": "belt at walking speed",
    "phrase_last_block": "last block",
    "phrase_session_done": "session done",
    "word_paused": "paused",
    "word_stopped": "stopped",
    "word_go": "go",
    "phrase_connection_lost": "connection lost",
    "phrase_pull_safety_key": "pull the safety key",
    "phrase_no_speed": "no speed from the treadmill",
}


def _tone_samples(parts: list[tuple[float, float]], volume: float = 0.6) -> bytes:
    frames = bytearray()
    for freq, dur in parts:
        n = int(RATE * dur)
        fade = min(n // 2, int(RATE * 0.01))  # 10 ms ramps: no clicks
        for i in range(n):
            env = min(1.0, i / fade, (n - 1 - i) / fade) if fade else 1.0
            value = volume * env * math.sin(2 * math.pi * freq * i / RATE) if freq else 0.0
            frames += struct.pack("<h", round(value * 32767))
    return bytes(frames)


def _write_wav(path: Path, samples: bytes) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(samples)


# language -> (espeak-ng voice, clip name -> words); every clip of WORDS, in that language.
TRANSLATED: dict[str, tuple[str, dict[str, str]]] = {
    "de": ("de", {
        "word_speed": "Tempo", "word_point": "Komma", "word_in": "in",
        "word_seconds": "Sekunden", "word_backward": "rückwärts", "word_forward": "vorwärts",
        "phrase_turn_around": "umdrehen", "phrase_last_block": "letzter Block",
        "phrase_session_done": "Training geschafft", "word_paused": "Pause",
        "word_stopped": "gestoppt", "word_go": "los",
        "phrase_connection_lost": "Verbindung verloren",
        "phrase_pull_safety_key": "Sicherheitsschlüssel ziehen",
        "phrase_slowing_down": "langsamer", "phrase_keep_running": "weiter",
        "phrase_belt_stopped": "Band steht", "phrase_belt_walking": "Band im Gehtempo",
        "phrase_no_speed": "kein Tempo vom Laufband",
    }),
    "es": ("es", {
        "word_speed": "velocidad", "word_point": "coma", "word_in": "en",
        "word_seconds": "segundos", "word_backward": "atrás", "word_forward": "adelante",
        "phrase_turn_around": "date la vuelta", "phrase_last_block": "último bloque",
        "phrase_session_done": "sesión terminada", "word_paused": "pausa",
        "word_stopped": "parado", "word_go": "ya",
        "phrase_connection_lost": "conexión perdida",
        "phrase_pull_safety_key": "quita la llave de seguridad",
        "phrase_slowing_down": "frenando", "phrase_keep_running": "sigue hacia",
        "phrase_belt_stopped": "cinta parada", "phrase_belt_walking": "cinta al paso",
        "phrase_no_speed": "la cinta no envía la velocidad",
    }),
    "fr": ("fr", {
        "word_speed": "vitesse", "word_point": "virgule", "word_in": "dans",
        "word_seconds": "secondes", "word_backward": "arrière", "word_forward": "avant",
        "phrase_turn_around": "retournez-vous", "phrase_last_block": "dernier bloc",
        "phrase_session_done": "séance terminée", "word_paused": "pause",
        "word_stopped": "arrêté", "word_go": "partez",
        "phrase_connection_lost": "connexion perdue",
        "phrase_pull_safety_key": "retirez la clé de sécurité",
        "phrase_slowing_down": "ralentissement", "phrase_keep_running": "continuez en",
        "phrase_belt_stopped": "tapis arrêté", "phrase_belt_walking": "tapis au pas",
        "phrase_no_speed": "pas de vitesse du tapis",
    }),
}  # fmt: skip
_DIGITS = {f"num_{n.replace(' ', '_')}": str(i) for i, n in enumerate(NUMBERS[:26])} | {
    "num_thirty": "30"
}


def words_for(lang: str) -> dict[str, str]:
    """Every clip's words in ``lang`` ("en": WORDS)."""
    if lang == "en":
        return WORDS
    return {**_DIGITS, **TRANSLATED[lang][1]}


def _speak(text: str, path: Path, tmp: Path, voice: str = "en-us") -> None:
    espeak, sox = shutil.which("espeak-ng"), shutil.which("sox")
    if espeak is None or sox is None:
        raise SystemExit("espeak-ng and sox are needed to make the voice clips")
    raw = tmp / "raw.wav"
    subprocess.run([espeak, "-v", voice, "-s", "165", "-w", str(raw), text], check=True)
    # 16 kHz mono, silence trimmed at both ends, a little louder, no dither (reproducible).
    subprocess.run(
        [sox, "-D", "-R", str(raw), "-r", str(RATE), "-c", "1", "-b", "16", str(path),
         "silence", "1", "0.01", "1%", "reverse", "silence", "1", "0.01", "1%", "reverse",
         "gain", "-n", "-1"],
        check=True,
    )  # fmt: skip


def generate(out: Path) -> list[Path]:
    """Write every clip into ``out``; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, parts in TONES.items():
        path = out / f"{name}.wav"
        _write_wav(path, _tone_samples(parts, 0.8 if name == "tone_alarm" else 0.6))
        written.append(path)
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in WORDS.items():
            path = out / f"{name}.wav"
            _speak(text, path, Path(tmp))
            written.append(path)
        for lang, (voice, _words) in TRANSLATED.items():
            (out / lang).mkdir(exist_ok=True)
            for name, text in words_for(lang).items():
                path = out / lang / f"{name}.wav"
                _speak(text, path, Path(tmp), voice)
                written.append(path)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description="Generate resources/sounds/*.wav")
    parser.add_argument("--check", action="store_true", help="fail if a file differs")
    args = parser.parse_args()
    if not args.check:
        files = generate(OUT)
        size = sum(p.stat().st_size for p in files)
        print(f"wrote {len(files)} files, {size / 1024:.0f} KiB, into {OUT.relative_to(ROOT)}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        fresh = generate(Path(tmp))
        differ = [
            str(p.relative_to(tmp))
            for p in fresh
            if not (OUT / p.relative_to(tmp)).exists()
            or (OUT / p.relative_to(tmp)).read_bytes() != p.read_bytes()
        ]
    if differ:
        print("differ:", ", ".join(differ))
        return 1
    print("sounds up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
