<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Settings file: {problem}</source>
        <translation>Einstellungsdatei: {problem}</translation>
    </message>
    <message>
        <source>Virtual treadmill: nothing real moves.</source>
        <translation>Virtuelles Laufband: Nichts Echtes bewegt sich.</translation>
    </message>
    <message>
        <source>Unexpected error: {why}</source>
        <translation>Unerwarteter Fehler: {why}</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Changing speed</source>
        <translation>Tempo ändert sich</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Slowing down to turn</source>
        <translation>Abbremsen zum Wenden</translation>
    </message>
    <message>
        <source>Turn around</source>
        <translation>Umdrehen</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Resuming</source>
        <translation>Geht weiter</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Stoppt</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Endet</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>Warm</translation>
    </message>
    <message>
        <source>Cool</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Rec.</source>
        <translation>Erh.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Rück</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>(no preset)</source>
        <translation>(kein Programm)</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Stopped by you</source>
        <translation>Von dir gestoppt</translation>
    </message>
    <message>
        <source>Stopped by the treadmill</source>
        <translation>Vom Laufband gestoppt</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>Ended by an error</source>
        <translation>Durch einen Fehler beendet</translation>
    </message>
    <message>
        <source>Interrupted (app closed or crashed)</source>
        <translation>Unterbrochen (App geschlossen oder abgestürzt)</translation>
    </message>
    <message>
        <source>Recording now</source>
        <translation>Wird aufgezeichnet</translation>
    </message>
    <message>
        <source>Damaged record (cannot be read)</source>
        <translation>Beschädigter Eintrag (nicht lesbar)</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>This week: {time} backward in {blocks}</source>
        <translation>Diese Woche: {time} rückwärts in {blocks}</translation>
    </message>
    <message>
        <source>Deleted the session of {when}</source>
        <translation>Training vom {when} gelöscht</translation>
    </message>
    <message>
        <source>Ended early: {why}</source>
        <translation>Vorzeitig beendet: {why}</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>The check starts the belt and runs it slowly (at most 3 km/h) for about a minute. Nobody may stand on the belt: the check changes speed, starts and stops on its own, and tries set-points a person would not expect. Is the belt clear and the safety key in?</source>
        <translation>Der Test startet das Band und lässt es etwa eine Minute langsam laufen (höchstens 3 km/h). Niemand darf auf dem Band stehen: Der Test ändert das Tempo, startet und stoppt von selbst und probiert Werte, mit denen niemand rechnet. Ist das Band frei und der Sicherheitsschlüssel eingesteckt?</translation>
    </message>
    <message>
        <source>Not checked yet: sessions use safe defaults. Check it once (nobody on the belt) so the app learns its unit, steps and timing.</source>
        <translation>Noch nicht getestet: Trainings nutzen sichere Standardwerte. Teste es einmal (niemand auf dem Band), damit die App Einheit, Schritte und Zeiten kennt.</translation>
    </message>
    <message>
        <source>The saved check cannot be read ({why}).</source>
        <translation>Der gespeicherte Test ist nicht lesbar ({why}).</translation>
    </message>
    <message>
        <source>A session is under way: stop and end it before the check.</source>
        <translation>Ein Training läuft: Stopp und beende es vor dem Test.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stoppe…</translation>
    </message>
    <message>
        <source>Check stopped by you before anything moved; nothing saved.</source>
        <translation>Test von dir gestoppt, bevor sich etwas bewegte; nichts gespeichert.</translation>
    </message>
    <message>
        <source>The check could not connect: {why}</source>
        <translation>Der Test konnte nicht verbinden: {why}</translation>
    </message>
    <message>
        <source>The check failed: {why}</source>
        <translation>Der Test ist fehlgeschlagen: {why}</translation>
    </message>
    <message>
        <source>Check not saved: {why}</source>
        <translation>Test nicht gespeichert: {why}</translation>
    </message>
    <message>
        <source>Check stopped by you: the belt was stopped; nothing saved.</source>
        <translation>Test von dir gestoppt: Das Band wurde angehalten; nichts gespeichert.</translation>
    </message>
    <message>
        <source>DANGER: {dangers}. Sessions on this treadmill are refused until you clear it (&apos;treadmill-ctl check --unblock {address}&apos;).</source>
        <translation>GEFAHR: {dangers}. Trainings auf diesem Laufband sind gesperrt, bis du es freigibst (&apos;treadmill-ctl check --unblock {address}&apos;).</translation>
    </message>
    <message>
        <source>The check ended early (saved what it learned): {summary}</source>
        <translation>Der Test endete vorzeitig (Gelerntes gespeichert): {summary}</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Starting in</source>
        <translation>Start in</translation>
    </message>
    <message>
        <source>Resuming in</source>
        <translation>Weiter in</translation>
    </message>
    <message>
        <source>READY</source>
        <translation>BEREIT</translation>
    </message>
    <message>
        <source>GET READY</source>
        <translation>MACH DICH BEREIT</translation>
    </message>
    <message>
        <source>TURN AROUND</source>
        <translation>UMDREHEN</translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation>PAUSE</translation>
    </message>
    <message>
        <source>STOPPING</source>
        <translation>STOPPT</translation>
    </message>
    <message>
        <source>SLOWING DOWN</source>
        <translation>LANGSAMER</translation>
    </message>
    <message>
        <source>Belt stopped — turn around</source>
        <translation>Band steht — umdrehen</translation>
    </message>
    <message>
        <source>STOPPED</source>
        <translation>GESTOPPT</translation>
    </message>
    <message>
        <source>DONE</source>
        <translation>GESCHAFFT</translation>
    </message>
    <message>
        <source>CONNECTION LOST</source>
        <translation>VERBINDUNG WEG</translation>
    </message>
    <message>
        <source>starts at speed</source>
        <translation>startet bei Tempo</translation>
    </message>
    <message>
        <source>starts after the turn</source>
        <translation>startet nach dem Umdrehen</translation>
    </message>
    <message>
        <source>held: paused</source>
        <translation>steht: Pause</translation>
    </message>
    <message>
        <source>held: stopped</source>
        <translation>steht: gestoppt</translation>
    </message>
    <message>
        <source>held: connection lost</source>
        <translation>steht: getrennt</translation>
    </message>
    <message>
        <source>Keep running backward</source>
        <translation>Weiter rückwärts laufen</translation>
    </message>
    <message>
        <source>Keep running forward</source>
        <translation>Weiter vorwärts laufen</translation>
    </message>
    <message>
        <source>Belt at walking speed</source>
        <translation>Band im Gehtempo</translation>
    </message>
    <message>
        <source>Keep running backward until the belt stops</source>
        <translation>Weiter rückwärts, bis das Band steht</translation>
    </message>
    <message>
        <source>Keep running forward until the belt stops</source>
        <translation>Weiter vorwärts, bis das Band steht</translation>
    </message>
    <message>
        <source>NO SESSION</source>
        <translation>KEIN TRAINING</translation>
    </message>
    <message>
        <source>BACKWARD</source>
        <translation>RÜCKWÄRTS</translation>
    </message>
    <message>
        <source>FORWARD</source>
        <translation>VORWÄRTS</translation>
    </message>
    <message>
        <source>Connect to your treadmill first</source>
        <translation>Verbinde zuerst dein Laufband</translation>
    </message>
    <message>
        <source>Choose a preset</source>
        <translation>Wähle ein Programm</translation>
    </message>
    <message>
        <source>No session</source>
        <translation>Kein Training</translation>
    </message>
    <message>
        <source>Press Enter or START to begin</source>
        <translation>Enter oder START drücken zum Loslegen</translation>
    </message>
    <message>
        <source>Press P or RESUME to continue</source>
        <translation>P oder WEITER drücken zum Fortsetzen</translation>
    </message>
    <message>
        <source>Reconnecting to the same treadmill…</source>
        <translation>Verbinde erneut mit demselben Laufband…</translation>
    </message>
    <message>
        <source>Stopped. Press Enter to start again, or END to finish</source>
        <translation>Gestoppt. Enter startet neu, ENDE beendet</translation>
    </message>
    <message>
        <source>Session over. Press Enter or START for a new one</source>
        <translation>Training vorbei. Enter oder START für ein neues</translation>
    </message>
    <message>
        <source>{duration} at {speed} {unit}</source>
        <translation>{duration} mit {speed} {unit}</translation>
    </message>
    <message>
        <source>Backward block {n} of {total}</source>
        <translation>Rückwärtsblock {n}/{total}</translation>
    </message>
    <message>
        <source>{done} of 1 backward block done</source>
        <translation>Rückwärts: {done} von 1</translation>
    </message>
    <message>
        <source>{done} of {total} backward blocks done</source>
        <translation>Rückwärts: {done} von {total}</translation>
    </message>
    <message>
        <source>Next: {title}</source>
        <translation>Danach: {title}</translation>
    </message>
    <message>
        <source>ends ≈ {time}</source>
        <translation>endet ≈ {time}</translation>
    </message>
    <message>
        <source>belt {speed}</source>
        <translation>Band {speed}</translation>
    </message>
    <message>
        <source>target {speed}</source>
        <translation>Ziel {speed}</translation>
    </message>
    <message>
        <source>Connected to {name}</source>
        <translation>Verbunden mit {name}</translation>
    </message>
    <message>
        <source>no data {seconds} s</source>
        <translation>keine Daten {seconds} s</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>1 block</source>
        <translation>1 Block</translation>
    </message>
    <message>
        <source>{n} blocks</source>
        <translation>{n} Blöcke</translation>
    </message>
    <message>
        <source>1 block done</source>
        <translation>1 Block geschafft</translation>
    </message>
    <message>
        <source>{n} blocks done</source>
        <translation>{n} Blöcke geschafft</translation>
    </message>
    <message>
        <source>Session complete</source>
        <translation>Training komplett</translation>
    </message>
    <message>
        <source>Ended early</source>
        <translation>Vorzeitig beendet</translation>
    </message>
    <message>
        <source>{done} of 1 block done</source>
        <translation>{done} von 1 Block geschafft</translation>
    </message>
    <message>
        <source>{done} of 1 block</source>
        <translation>{done} von 1 Block</translation>
    </message>
    <message>
        <source>{done} of {total} blocks</source>
        <translation>{done} von {total} Blöcken</translation>
    </message>
    <message>
        <source>{done} of {total} blocks done</source>
        <translation>{done} von {total} Blöcken geschafft</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Backward cap</source>
        <translation>Rückwärts-Limit</translation>
    </message>
    <message>
        <source>No backward block runs faster. Never above {limit} km/h.</source>
        <translation>Kein Rückwärtsblock läuft schneller. Nie über {limit} km/h.</translation>
    </message>
    <message>
        <source>Default backward speed</source>
        <translation>Standardtempo rückwärts</translation>
    </message>
    <message>
        <source>Used by backward blocks that do not set a speed. At most the backward cap.</source>
        <translation>Für Rückwärtsblöcke ohne eigenes Tempo. Höchstens das Rückwärts-Limit.</translation>
    </message>
    <message>
        <source>Forward cap</source>
        <translation>Vorwärts-Limit</translation>
    </message>
    <message>
        <source>No forward phase runs faster (the treadmill&apos;s own maximum also applies).</source>
        <translation>Keine Vorwärtsphase läuft schneller (das Maximum des Laufbands gilt auch).</translation>
    </message>
    <message>
        <source>Ramp rate</source>
        <translation>Beschleunigung</translation>
    </message>
    <message>
        <source>How fast the speed may change, in steps. STOP is never ramped.</source>
        <translation>Wie schnell sich das Tempo ändern darf, in Stufen. STOP wird nie verzögert.</translation>
    </message>
    <message>
        <source>Turning around</source>
        <translation>Umdrehen</translation>
    </message>
    <message>
        <source>Between forward and backward the belt slows down to this, then counts down.</source>
        <translation>Zwischen vorwärts und rückwärts bremst das Band hierauf ab und zählt dann herunter.</translation>
    </message>
    <message>
        <source>Belt stopped</source>
        <translation>Band steht</translation>
    </message>
    <message>
        <source>Slow walk</source>
        <translation>Langsam gehen</translation>
    </message>
    <message>
        <source>Turning walk speed</source>
        <translation>Gehtempo beim Wenden</translation>
    </message>
    <message>
        <source>Belt speed while turning with “Slow walk” (at most {limit} km/h).</source>
        <translation>Bandtempo beim Wenden mit „Langsam gehen“ (höchstens {limit} km/h).</translation>
    </message>
    <message>
        <source>Turn-around countdown</source>
        <translation>Countdown beim Wenden</translation>
    </message>
    <message>
        <source>Seconds counted out loud before the belt moves in the new direction.</source>
        <translation>Laut gezählte Sekunden, bevor das Band in die neue Richtung läuft.</translation>
    </message>
    <message>
        <source>Start countdown</source>
        <translation>Countdown beim Start</translation>
    </message>
    <message>
        <source>Seconds counted before the belt first moves.</source>
        <translation>Gezählte Sekunden, bevor das Band anläuft.</translation>
    </message>
    <message>
        <source>Heart-rate cap</source>
        <translation>Puls-Limit</translation>
    </message>
    <message>
        <source>Above it during a backward block, the belt slows to the turning speed.</source>
        <translation>Liegt der Puls im Rückwärtsblock darüber, bremst das Band auf das Wendetempo.</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Speeds on every screen and in the editor.</source>
        <translation>Tempo auf allen Seiten und im Editor.</translation>
    </message>
    <message>
        <source>km/h</source>
        <translation>km/h</translation>
    </message>
    <message>
        <source>mph</source>
        <translation>mph</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Strecke</translation>
    </message>
    <message>
        <source>Distances on every screen.</source>
        <translation>Strecken auf allen Seiten.</translation>
    </message>
    <message>
        <source>Metric (km)</source>
        <translation>Metrisch (km)</translation>
    </message>
    <message>
        <source>Imperial (mi)</source>
        <translation>Imperial (mi)</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Dark is easier to read from the treadmill.</source>
        <translation>Dunkel ist vom Laufband aus besser lesbar.</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Auto: the system&apos;s. EN English, DE Deutsch, ES Español, FR Français.</source>
        <translation>Auto: die des Systems. EN English, DE Deutsch, ES Español, FR Français.</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Ton</translation>
    </message>
    <message>
        <source>Sound cues</source>
        <translation>Tonsignale</translation>
    </message>
    <message>
        <source>Beeps and tones before changes.</source>
        <translation>Pieptöne und Klänge vor Änderungen.</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Stimme</translation>
    </message>
    <message>
        <source>Spoken phrases: “backward in five”.</source>
        <translation>Gesprochene Sätze: „rückwärts in fünf“.</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Presenter clicker</source>
        <translation>Präsentations-Fernbedienung</translation>
    </message>
    <message>
        <source>PageUp, PageDown, B, period, F5 and Escape from a clicker: any of them can stop; none can start the belt or speed it up.</source>
        <translation>Bild auf, Bild ab, B, Punkt, F5 und Esc einer Fernbedienung: Jede kann stoppen, keine kann das Band starten oder beschleunigen.</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Pläne</translation>
    </message>
    <message>
        <source>Knee pain to move on</source>
        <translation>Knieschmerz zum Weitergehen</translation>
    </message>
    <message>
        <source>A knee plan moves on only when knee pain stayed at or below this (0–10).</source>
        <translation>Ein Knieplan geht nur weiter, wenn der Knieschmerz höchstens so hoch war (0–10).</translation>
    </message>
    <message>
        <source>of 10</source>
        <translation>von 10</translation>
    </message>
    <message>
        <source>High knee pain</source>
        <translation>Starker Knieschmerz</translation>
    </message>
    <message>
        <source>Knee pain at or above this steps the plan back; between: the same session.</source>
        <translation>Knieschmerz ab diesem Wert setzt den Plan eine Stufe zurück; dazwischen: dasselbe Training.</translation>
    </message>
    <message>
        <source>Highest effort to move on</source>
        <translation>Höchste Anstrengung zum Weitergehen</translation>
    </message>
    <message>
        <source>Effort (0–10) above this repeats the session instead of moving on.</source>
        <translation>Anstrengung (0–10) darüber wiederholt das Training, statt weiterzugehen.</translation>
    </message>
    <message>
        <source>See a professional after</source>
        <translation>Fachleute fragen nach</translation>
    </message>
    <message>
        <source>High knee pain this many sessions in a row: the plan says to see a professional.</source>
        <translation>So viele Trainings in Folge starker Knieschmerz: Der Plan rät, Fachleute aufzusuchen.</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>Trainings</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Bluetooth traffic log</source>
        <translation>Bluetooth-Protokoll</translation>
    </message>
    <message>
        <source>Records every packet to and from the treadmill, to attach to a bug report.</source>
        <translation>Zeichnet jedes Paket vom und zum Laufband auf, für einen Fehlerbericht.</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Protokollordner</translation>
    </message>
    <message>
        <source>Where traffic logs are written.</source>
        <translation>Wohin die Protokolle geschrieben werden.</translation>
    </message>
    <message>
        <source>STOP</source>
        <translation>STOP</translation>
    </message>
    <message>
        <source>Pause / resume</source>
        <translation>Pause / weiter</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Start / confirm</source>
        <translation>Start / bestätigen</translation>
    </message>
    <message>
        <source>Skip to the next phase</source>
        <translation>Zur nächsten Phase springen</translation>
    </message>
    <message>
        <source>Extend this phase</source>
        <translation>Diese Phase verlängern</translation>
    </message>
    <message>
        <source>STOP the belt at once (again: it stays stopped)</source>
        <translation>Band sofort STOPPEN (nochmal: es bleibt stehen)</translation>
    </message>
    <message>
        <source>Pause / resume (resume counts down first)</source>
        <translation>Pause / weiter (weiter zählt erst herunter)</translation>
    </message>
    <message>
        <source>Pause (never resumes)</source>
        <translation>Pause (setzt nie fort)</translation>
    </message>
    <message>
        <source>Start the session / confirm</source>
        <translation>Training starten / bestätigen</translation>
    </message>
    <message>
        <source>Extend the phase by 30 s</source>
        <translation>Phase um 30 s verlängern</translation>
    </message>
    <message>
        <source>Speed +0.1</source>
        <translation>Tempo +0,1</translation>
    </message>
    <message>
        <source>Speed −0.1</source>
        <translation>Tempo −0,1</translation>
    </message>
    <message>
        <source>Speed +0.5</source>
        <translation>Tempo +0,5</translation>
    </message>
    <message>
        <source>Speed −0.5</source>
        <translation>Tempo −0,5</translation>
    </message>
    <message>
        <source>Full screen on / off</source>
        <translation>Vollbild an / aus</translation>
    </message>
    <message>
        <source>Show / hide this list</source>
        <translation>Diese Liste zeigen / ausblenden</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Tastatur</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>Show the keys</source>
        <translation>Tasten zeigen</translation>
    </message>
    <message>
        <source>Type a number.</source>
        <translation>Gib eine Zahl ein.</translation>
    </message>
    <message>
        <source>Refused: {typed} is outside {low}–{high} mph per s.</source>
        <translation>Abgelehnt: {typed} liegt außerhalb von {low}–{high} mph pro s.</translation>
    </message>
    <message>
        <source>Type a whole number.</source>
        <translation>Gib eine ganze Zahl ein.</translation>
    </message>
    <message>
        <source>Unknown choice {value}.</source>
        <translation>Unbekannte Auswahl {value}.</translation>
    </message>
    <message>
        <source>Refused: {speed} {unit} is above the hard ceiling of {limit} {unit} for backward running.</source>
        <translation>Abgelehnt: {speed} {unit} liegt über der festen Grenze von {limit} {unit} für rückwärts.</translation>
    </message>
    <message>
        <source>Refused: {speed} {unit} is above the maximum, {limit} {unit}.</source>
        <translation>Abgelehnt: {speed} {unit} liegt über dem Maximum von {limit} {unit}.</translation>
    </message>
    <message>
        <source>Refused: {speed} {unit} is below the minimum, {limit} {unit}.</source>
        <translation>Abgelehnt: {speed} {unit} liegt unter dem Minimum von {limit} {unit}.</translation>
    </message>
    <message>
        <source>Refused: {speed} {unit} is above your backward cap ({cap} {unit}). Raise the cap first.</source>
        <translation>Abgelehnt: {speed} {unit} liegt über deinem Rückwärts-Limit ({cap} {unit}). Erhöhe zuerst das Limit.</translation>
    </message>
    <message>
        <source>Refused: your default backward speed is {speed} {unit}. Lower it first.</source>
        <translation>Abgelehnt: Dein Standardtempo rückwärts ist {speed} {unit}. Senke es zuerst.</translation>
    </message>
    <message>
        <source>Refused: {reason}.</source>
        <translation>Abgelehnt: {reason}.</translation>
    </message>
    <message>
        <source>Bluetooth is off</source>
        <translation>Bluetooth ist aus</translation>
    </message>
    <message>
        <source>Turn Bluetooth on in your system settings, then scan again.</source>
        <translation>Schalte Bluetooth in den Systemeinstellungen ein und suche dann neu.</translation>
    </message>
    <message>
        <source>No Bluetooth on this computer</source>
        <translation>Kein Bluetooth auf diesem Computer</translation>
    </message>
    <message>
        <source>This computer has no usable Bluetooth radio. Plug in a Bluetooth LE adapter, or try the app with --simulate.</source>
        <translation>Dieser Computer hat kein nutzbares Bluetooth. Steck einen Bluetooth-LE-Adapter ein oder probiere die App mit --simulate.</translation>
    </message>
    <message>
        <source>No permission to use Bluetooth</source>
        <translation>Keine Berechtigung für Bluetooth</translation>
    </message>
    <message>
        <source>Allow this app to use Bluetooth (macOS: System Settings › Privacy › Bluetooth; Linux: your user must be allowed to use BlueZ, e.g. the &apos;bluetooth&apos; group), then scan again.</source>
        <translation>Erlaube dieser App Bluetooth (macOS: Systemeinstellungen › Datenschutz › Bluetooth; Linux: dein Benutzer muss BlueZ nutzen dürfen, z. B. Gruppe „bluetooth“) und suche dann neu.</translation>
    </message>
    <message>
        <source>The treadmill is busy</source>
        <translation>Das Laufband ist belegt</translation>
    </message>
    <message>
        <source>It is connected to something else, or Bluetooth is still busy with a previous attempt. Close other fitness apps (phone, tablet, watch) that use the treadmill, wait a few seconds and try again.</source>
        <translation>Es ist mit etwas anderem verbunden, oder Bluetooth ist noch mit einem früheren Versuch beschäftigt. Schließe andere Fitness-Apps (Handy, Tablet, Uhr), die das Laufband nutzen, warte ein paar Sekunden und versuch es erneut.</translation>
    </message>
    <message>
        <source>Treadmill not found</source>
        <translation>Laufband nicht gefunden</translation>
    </message>
    <message>
        <source>Is it switched on and in range? Most treadmills stop advertising while another app is connected to them. Scan again when it is free.</source>
        <translation>Ist es eingeschaltet und in Reichweite? Die meisten Laufbänder sind unsichtbar, solange eine andere App verbunden ist. Such neu, wenn es frei ist.</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Switch the treadmill off and on, then try again.</source>
        <translation>Schalte das Laufband aus und wieder ein und versuch es erneut.</translation>
    </message>
    <message>
        <source>{advice} ({detail})</source>
        <translation>{advice} ({detail})</translation>
    </message>
    <message>
        <source>Settings not saved: {why}</source>
        <translation>Einstellungen nicht gespeichert: {why}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>schwach</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>mäßig</translation>
    </message>
    <message>
        <source>good</source>
        <translation>gut</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>stark</translation>
    </message>
    <message>
        <source>signal unknown</source>
        <translation>Signal unbekannt</translation>
    </message>
    <message>
        <source>{quality} ({rssi} dBm)</source>
        <translation>{quality} ({rssi} dBm)</translation>
    </message>
    <message>
        <source>Scanning for treadmills…</source>
        <translation>Suche Laufbänder…</translation>
    </message>
    <message>
        <source>Not a treadmill</source>
        <translation>Kein Laufband</translation>
    </message>
    <message>
        <source>This device does not say it is a fitness machine. If it is your treadmill, choose “This is my treadmill” first.</source>
        <translation>Dieses Gerät meldet sich nicht als Fitnessgerät. Ist es dein Laufband, wähle zuerst „Das ist mein Laufband“.</translation>
    </message>
    <message>
        <source>A session is under way</source>
        <translation>Ein Training läuft</translation>
    </message>
    <message>
        <source>Stop it (and end it) before connecting to another treadmill.</source>
        <translation>Stoppe (und beende) es, bevor du ein anderes Laufband verbindest.</translation>
    </message>
    <message>
        <source>Connecting to {name}…</source>
        <translation>Verbinde mit {name}…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Stop it (and end it) before disconnecting the treadmill.</source>
        <translation>Stoppe (und beende) es, bevor du das Laufband trennst.</translation>
    </message>
    <message>
        <source>Disconnecting from {name}…</source>
        <translation>Trenne von {name}…</translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation>Getrennt.</translation>
    </message>
    <message>
        <source>Connected to {name}.</source>
        <translation>Verbunden mit {name}.</translation>
    </message>
    <message>
        <source>{problem} — this treadmill&apos;s check is not used; sessions use the safe defaults.</source>
        <translation>{problem} – der Check dieses Laufbands wird nicht genutzt; Trainings nutzen sichere Standardwerte.</translation>
    </message>
    <message>
        <source>Sessions on this treadmill are refused</source>
        <translation>Trainings auf diesem Laufband werden abgelehnt</translation>
    </message>
    <message>
        <source>No treadmill found yet. Is it switched on and free (no other app connected)?</source>
        <translation>Noch kein Laufband gefunden. Ist es eingeschaltet und frei (keine andere App verbunden)?</translation>
    </message>
    <message>
        <source>1 treadmill found.</source>
        <translation>1 Laufband gefunden.</translation>
    </message>
    <message>
        <source>{count} treadmills found.</source>
        <translation>{count} Laufbänder gefunden.</translation>
    </message>
    <message>
        <source>Slowing down: keep running forward</source>
        <translation>Langsamer: weiter vorwärts laufen</translation>
    </message>
    <message>
        <source>Belt stopped. Turn around</source>
        <translation>Band steht. Umdrehen</translation>
    </message>
    <message>
        <source>Backward in {seconds}</source>
        <translation>Rückwärts in {seconds}</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Los</translation>
    </message>
    <message>
        <source>Sound is off: Qt Multimedia could not be loaded ({why}).</source>
        <translation>Ton ist aus: Qt Multimedia ließ sich nicht laden ({why}).</translation>
    </message>
    <message>
        <source>No audio output found: cues are shown on screen only.</source>
        <translation>Keine Audioausgabe gefunden: Hinweise nur auf dem Bildschirm.</translation>
    </message>
    <message>
        <source>Sound plays on {device}.</source>
        <translation>Ton läuft über {device}.</translation>
    </message>
    <message>
        <source>Looking for an audio output…</source>
        <translation>Suche Audioausgabe…</translation>
    </message>
    <message>
        <source>Sound is off.</source>
        <translation>Ton ist aus.</translation>
    </message>
    <message>
        <source>No sound files in {folder}: cues are shown on screen only.</source>
        <translation>Keine Tondateien in {folder}: Hinweise nur auf dem Bildschirm.</translation>
    </message>
    <message>
        <source>Sound is off in Settings.</source>
        <translation>Ton ist in den Einstellungen aus.</translation>
    </message>
    <message>
        <source>Speed {speed}</source>
        <translation>Tempo {speed}</translation>
    </message>
    <message>
        <source>Sound could not be played ({file}): cues are shown on screen only.</source>
        <translation>Ton ließ sich nicht abspielen ({file}): Hinweise nur auf dem Bildschirm.</translation>
    </message>
    <message>
        <source>Waiting for the belt to stop</source>
        <translation>Warte, bis das Band steht</translation>
    </message>
    <message>
        <source>Waiting for the belt to slow down</source>
        <translation>Warte, bis das Band langsamer ist</translation>
    </message>
    <message>
        <source>The treadmill did not start ({result}).</source>
        <translation>Das Laufband ist nicht angelaufen ({result}).</translation>
    </message>
    <message>
        <source>The belt has not started moving yet; the ramp waits for it.</source>
        <translation>Das Band läuft noch nicht an; die Beschleunigung wartet darauf.</translation>
    </message>
    <message>
        <source>This treadmill cannot set an incline: running flat.</source>
        <translation>Dieses Laufband kann keine Steigung einstellen: Es läuft flach.</translation>
    </message>
    <message>
        <source>Incline {incline} %: {result}.</source>
        <translation>Steigung {incline} %: {result}.</translation>
    </message>
    <message>
        <source>{why}: the belt still runs at {speed} after {seconds} s.</source>
        <translation>{why}: Das Band läuft nach {seconds} s noch mit {speed}.</translation>
    </message>
    <message>
        <source>The belt runs at {actual} instead of {peak} (does its console read speeds in mph?). Stopping.</source>
        <translation>Das Band läuft mit {actual} statt {peak} (liest die Konsole Tempo in mph?). Stopp.</translation>
    </message>
    <message>
        <source>The belt sped up to {actual} on its own, faster than the ramp (set to {peak}): the treadmill may have gone back to an earlier speed. Stopping.</source>
        <translation>Das Band hat von selbst auf {actual} beschleunigt, schneller als die Beschleunigung (auf {peak} gesetzt): Das Laufband ist wohl zu einem früheren Tempo zurückgekehrt. Stopp.</translation>
    </message>
    <message>
        <source>The ramp to {speed} stalled.</source>
        <translation>Die Beschleunigung auf {speed} hängt.</translation>
    </message>
    <message>
        <source>The belt does not follow the ramp: it runs at {speed} after {seconds} s.</source>
        <translation>Das Band folgt der Beschleunigung nicht: Es läuft nach {seconds} s mit {speed}.</translation>
    </message>
    <message>
        <source>The belt runs at {speed} instead of {target}; the phase starts anyway.</source>
        <translation>Das Band läuft mit {speed} statt {target}; die Phase beginnt trotzdem.</translation>
    </message>
    <message>
        <source>Session done. Stopping the belt.</source>
        <translation>Training geschafft. Das Band stoppt.</translation>
    </message>
    <message>
        <source>Safety check failed ({why}). Stopping.</source>
        <translation>Sicherheitsprüfung fehlgeschlagen ({why}). Stopp.</translation>
    </message>
    <message>
        <source>The treadmill does not accept commands any more (control not permitted). Use its console or the safety key.</source>
        <translation>Das Laufband nimmt keine Befehle mehr an (Steuerung nicht erlaubt). Nutze seine Konsole oder den Sicherheitsschlüssel.</translation>
    </message>
    <message>
        <source>Speed {speed}: {result}.</source>
        <translation>Tempo {speed}: {result}.</translation>
    </message>
    <message>
        <source>The treadmill keeps refusing speed changes.</source>
        <translation>Das Laufband lehnt Tempoänderungen immer wieder ab.</translation>
    </message>
    <message>
        <source>Cannot connect to the treadmill: {error}</source>
        <translation>Keine Verbindung zum Laufband: {error}</translation>
    </message>
    <message>
        <source>Safety key pulled: the treadmill stopped.</source>
        <translation>Sicherheitsschlüssel gezogen: Das Laufband hat gestoppt.</translation>
    </message>
    <message>
        <source>Stopped from the treadmill&apos;s console.</source>
        <translation>An der Konsole des Laufbands gestoppt.</translation>
    </message>
    <message>
        <source>The treadmill was reset.</source>
        <translation>Das Laufband wurde zurückgesetzt.</translation>
    </message>
    <message>
        <source>The treadmill took back control; asking for it again.</source>
        <translation>Das Laufband hat die Steuerung zurückgenommen; frage erneut an.</translation>
    </message>
    <message>
        <source>The belt was started from the treadmill&apos;s console.</source>
        <translation>Das Band wurde an der Konsole des Laufbands gestartet.</translation>
    </message>
    <message>
        <source>Connection lost!</source>
        <translation>Verbindung verloren!</translation>
    </message>
    <message>
        <source>Connection to the treadmill lost. The belt may still be running at {speed}: use the console or pull the safety key. Reconnecting…</source>
        <translation>Verbindung zum Laufband verloren. Das Band läuft vielleicht noch mit {speed}: Nutze die Konsole oder zieh den Sicherheitsschlüssel. Verbinde neu…</translation>
    </message>
    <message>
        <source>Connection to the treadmill lost. Reconnecting…</source>
        <translation>Verbindung zum Laufband verloren. Verbinde neu…</translation>
    </message>
    <message>
        <source>Could not reconnect to the treadmill.</source>
        <translation>Neue Verbindung zum Laufband gescheitert.</translation>
    </message>
    <message>
        <source>The session stopped on an {error}.</source>
        <translation>Das Training wurde wegen eines Fehlers gestoppt: {error}.</translation>
    </message>
    <message>
        <source>Pausing</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume only works while paused.</source>
        <translation>Weiter geht nur während einer Pause.</translation>
    </message>
    <message>
        <source>STOP will be sent the moment the treadmill is reachable again. If the belt moves, pull the safety key.</source>
        <translation>STOP wird gesendet, sobald das Laufband wieder erreichbar ist. Läuft das Band, zieh den Sicherheitsschlüssel.</translation>
    </message>
    <message>
        <source>Limited by the {limit}.</source>
        <translation>Begrenzt: {limit}.</translation>
    </message>
    <message>
        <source>Reconnected. The belt was stopped; press resume when you are ready.</source>
        <translation>Wieder verbunden. Das Band wurde gestoppt; drück WEITER, wenn du bereit bist.</translation>
    </message>
    <message>
        <source>Reconnected. The belt was stopped; press start when you are ready.</source>
        <translation>Wieder verbunden. Das Band wurde gestoppt; drück START, wenn du bereit bist.</translation>
    </message>
    <message>
        <source>Paused from the treadmill&apos;s console.</source>
        <translation>An der Konsole des Laufbands pausiert.</translation>
    </message>
    <message>
        <source>{what} Resume when ready.</source>
        <translation>{what} Weiter, wenn du bereit bist.</translation>
    </message>
    <message>
        <source>{what} Press start when you are ready.</source>
        <translation>{what} Drück START, wenn du bereit bist.</translation>
    </message>
    <message>
        <source>Speed set to {speed} on the console (above your {direction} cap {cap}): kept for this phase.</source>
        <translation>Tempo an der Konsole auf {speed} gestellt (über deinem Limit {direction} von {cap}): gilt für diese Phase.</translation>
    </message>
    <message>
        <source>Speed set to {speed} on the console: kept for this phase.</source>
        <translation>Tempo an der Konsole auf {speed} gestellt: gilt für diese Phase.</translation>
    </message>
    <message>
        <source>The belt runs at {speed}, above your {direction} cap {cap}. Stopping.</source>
        <translation>Das Band läuft mit {speed}, über deinem Limit {direction} von {cap}. Stopp.</translation>
    </message>
    <message>
        <source>The belt runs at {speed}, instead of {setpoint} (does its console read speeds in mph?). Stopping.</source>
        <translation>Das Band läuft mit {speed} statt {setpoint} (liest seine Konsole mph?). Stopp.</translation>
    </message>
    <message>
        <source>The belt still runs at {speed} while the session is {state}: stopping it.</source>
        <translation>Das Band läuft noch mit {speed}, obwohl das Training {state} ist: Stopp.</translation>
    </message>
    <message>
        <source>Heart rate {hr} is above your cap {limit} bpm: slowing to {speed} in {lead} s.</source>
        <translation>Puls {hr} liegt über deinem Limit von {limit} bpm: langsamer auf {speed} in {lead} s.</translation>
    </message>
    <message>
        <source>Heart rate above {limit}: slowing to {speed} in {lead}</source>
        <translation>Puls über {limit}: langsamer auf {speed} in {lead}</translation>
    </message>
    <message>
        <source>{change} in {seconds}</source>
        <translation>{change} in {seconds}</translation>
    </message>
    <message>
        <source>Skip works while a phase runs (not during a turn-around or a pause).</source>
        <translation>Überspringen geht, während eine Phase läuft (nicht beim Wenden oder in der Pause).</translation>
    </message>
    <message>
        <source>Extend works while a phase runs.</source>
        <translation>Verlängern geht, während eine Phase läuft.</translation>
    </message>
    <message>
        <source>Speed changes work while a phase runs.</source>
        <translation>Tempo ändern geht, während eine Phase läuft.</translation>
    </message>
    <message>
        <source>The session is over.</source>
        <translation>Das Training ist vorbei.</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>rückwärts</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>vorwärts</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>&apos;{action}&apos; does not apply now.</source>
        <translation>„{action}“ geht gerade nicht.</translation>
    </message>
    <message>
        <source>Pause: {result}; stopping the belt instead.</source>
        <translation>Pause: {result}; das Band wird stattdessen gestoppt.</translation>
    </message>
    <message>
        <source>{why} Stopping the session.</source>
        <translation>{why} Das Training wird gestoppt.</translation>
    </message>
    <message>
        <source>{why} Stopping.</source>
        <translation>{why} Stopp.</translation>
    </message>
    <message>
        <source>STOP not confirmed. Pull the safety key!</source>
        <translation>STOP nicht bestätigt. Zieh den Sicherheitsschlüssel!</translation>
    </message>
    <message>
        <source>The treadmill did not confirm STOP. Pull the safety key now!</source>
        <translation>Das Laufband hat STOP nicht bestätigt. Zieh jetzt den Sicherheitsschlüssel!</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>Aufwärmen</translation>
    </message>
    <message>
        <source>Backward block</source>
        <translation>Rückwärtsblock</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Vorwärts</translation>
    </message>
    <message>
        <source>Safety key pulled: the treadmill stopped</source>
        <translation>Sicherheitsschlüssel gezogen: Das Laufband hat gestoppt</translation>
    </message>
    <message>
        <source>Stopped from the treadmill&apos;s console</source>
        <translation>An der Konsole des Laufbands gestoppt</translation>
    </message>
    <message>
        <source>The treadmill was reset</source>
        <translation>Das Laufband wurde zurückgesetzt</translation>
    </message>
    <message>
        <source>Paused from the treadmill&apos;s console</source>
        <translation>An der Konsole des Laufbands pausiert</translation>
    </message>
    <message>
        <source>{name} skipped after {ran} of {planned}</source>
        <translation>{name} übersprungen nach {ran} von {planned}</translation>
    </message>
    <message>
        <source>{name} skipped after {ran}</source>
        <translation>{name} übersprungen nach {ran}</translation>
    </message>
    <message>
        <source>Connection lost for {lost}, not back by the end: the belt ran unattended at {speed} for up to {lost}</source>
        <translation>Verbindung {lost} lang weg, bis zum Ende nicht zurück: Das Band lief bis zu {lost} unbeaufsichtigt mit {speed}</translation>
    </message>
    <message>
        <source>Connection lost for {lost}: the belt ran unattended at {speed} for up to {lost}, until the app reconnected and stopped it</source>
        <translation>Verbindung {lost} lang weg: Das Band lief bis zu {lost} unbeaufsichtigt mit {speed}, bis die App neu verband und es stoppte</translation>
    </message>
    <message>
        <source>Connection lost for {lost}, not back by the end</source>
        <translation>Verbindung {lost} lang weg, bis zum Ende nicht zurück</translation>
    </message>
    <message>
        <source>Connection lost for {lost}</source>
        <translation>Verbindung {lost} lang weg</translation>
    </message>
    <message>
        <source>Forward run</source>
        <translation>Vorwärtslauf</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>Rückwärts</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Erholung</translation>
    </message>
    <message>
        <source>Cool-down</source>
        <translation>Auslaufen</translation>
    </message>
    <message>
        <source>Walk</source>
        <translation>Gehen</translation>
    </message>
    <message>
        <source>{phase}: speed {speed}, incline {incline} %</source>
        <translation>{phase}: Tempo {speed}, Steigung {incline} %</translation>
    </message>
    <message>
        <source>{phase}: speed {speed}</source>
        <translation>{phase}: Tempo {speed}</translation>
    </message>
    <message>
        <source>Speed up to {speed} in {seconds}</source>
        <translation>Schneller auf {speed} in {seconds}</translation>
    </message>
    <message>
        <source>Speed down to {speed} in {seconds}</source>
        <translation>Langsamer auf {speed} in {seconds}</translation>
    </message>
    <message>
        <source>Last block</source>
        <translation>Letzter Block</translation>
    </message>
    <message>
        <source>Starting: backward in {seconds}</source>
        <translation>Start: rückwärts in {seconds}</translation>
    </message>
    <message>
        <source>Starting: forward in {seconds}</source>
        <translation>Start: vorwärts in {seconds}</translation>
    </message>
    <message>
        <source>{phase} at {speed} will run at {allowed} ({why}).</source>
        <translation>{phase} mit {speed} läuft mit {allowed} ({why}).</translation>
    </message>
    <message>
        <source>Slowing down in {seconds}: keep running backward</source>
        <translation>Langsamer in {seconds}: weiter rückwärts laufen</translation>
    </message>
    <message>
        <source>Slowing down in {seconds}: keep running forward</source>
        <translation>Langsamer in {seconds}: weiter vorwärts laufen</translation>
    </message>
    <message>
        <source>Slowing down: keep running backward</source>
        <translation>Langsamer: weiter rückwärts laufen</translation>
    </message>
    <message>
        <source>Belt at walking speed. Turn around</source>
        <translation>Band im Gehtempo. Umdrehen</translation>
    </message>
    <message>
        <source>Forward in {seconds}</source>
        <translation>Vorwärts in {seconds}</translation>
    </message>
    <message>
        <source>not supported by the treadmill</source>
        <translation>vom Laufband nicht unterstützt</translation>
    </message>
    <message>
        <source>refused (invalid value)</source>
        <translation>abgelehnt (ungültiger Wert)</translation>
    </message>
    <message>
        <source>refused by the treadmill</source>
        <translation>vom Laufband abgelehnt</translation>
    </message>
    <message>
        <source>control not permitted</source>
        <translation>Steuerung nicht erlaubt</translation>
    </message>
    <message>
        <source>no answer from the treadmill</source>
        <translation>keine Antwort vom Laufband</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>{result} ({detail})</source>
        <translation>{result} ({detail})</translation>
    </message>
    <message>
        <source>{task} failed: {why}</source>
        <translation>{task} fehlgeschlagen: {why}</translation>
    </message>
    <message>
        <source>This session is being recorded right now.</source>
        <translation>Dieses Training wird gerade aufgezeichnet.</translation>
    </message>
    <message>
        <source>Not deleted: {why}</source>
        <translation>Nicht gelöscht: {why}</translation>
    </message>
    <message>
        <source>Not restored: {why}</source>
        <translation>Nicht wiederhergestellt: {why}</translation>
    </message>
    <message>
        <source>Not saved: {count} problem(s) to fix first.</source>
        <translation>Nicht gespeichert: erst {count} Problem(e) beheben.</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>Nicht gespeichert: {why}</translation>
    </message>
    <message>
        <source>Saved “{name}”.</source>
        <translation>„{name}“ gespeichert.</translation>
    </message>
    <message>
        <source>A session is under way: stop it before choosing another.</source>
        <translation>Ein Training läuft: Stoppe es, bevor du ein anderes wählst.</translation>
    </message>
    <message>
        <source>This session is not recorded: {why}</source>
        <translation>Dieses Training wird nicht aufgezeichnet: {why}</translation>
    </message>
    <message>
        <source>no contact</source>
        <translation>kein Kontakt</translation>
    </message>
    <message>
        <source>strap lost</source>
        <translation>Gurt weg</translation>
    </message>
    <message>
        <source>Looking for heart-rate straps… (wear yours: most sleep until worn)</source>
        <translation>Suche Pulsgurte… (leg deinen an: die meisten schlafen, bis man sie trägt)</translation>
    </message>
    <message>
        <source>{problem}: {advice}</source>
        <translation>{problem}: {advice}</translation>
    </message>
    <message>
        <source>No heart-rate strap heard. Wear it (moisten the electrodes) and look again.</source>
        <translation>Kein Pulsgurt zu hören. Leg ihn an (Elektroden anfeuchten) und such erneut.</translation>
    </message>
    <message>
        <source>1 strap found.</source>
        <translation>1 Gurt gefunden.</translation>
    </message>
    <message>
        <source>{count} straps found.</source>
        <translation>{count} Gurte gefunden.</translation>
    </message>
    <message>
        <source>Heart-rate strap back.</source>
        <translation>Pulsgurt wieder da.</translation>
    </message>
    <message>
        <source>Not loaded (the files are left as they are):</source>
        <translation>Nicht geladen (die Dateien bleiben, wie sie sind):</translation>
    </message>
    <message>
        <source>Deleted “{name}”</source>
        <translation>„{name}“ gelöscht</translation>
    </message>
    <message>
        <source>That preset is gone (was its file removed?).</source>
        <translation>Dieses Programm ist weg (wurde seine Datei gelöscht?).</translation>
    </message>
    <message>
        <source>Could not duplicate “{name}”: {why}</source>
        <translation>„{name}“ ließ sich nicht duplizieren: {why}</translation>
    </message>
    <message>
        <source>Saved a copy: “{name}”.</source>
        <translation>Kopie gespeichert: „{name}“.</translation>
    </message>
    <message>
        <source>Built-in presets cannot be deleted.</source>
        <translation>Eingebaute Programme lassen sich nicht löschen.</translation>
    </message>
    <message>
        <source>Could not delete “{name}”: {why}</source>
        <translation>„{name}“ ließ sich nicht löschen: {why}</translation>
    </message>
    <message>
        <source>Could not restore “{name}”: {why}</source>
        <translation>„{name}“ ließ sich nicht wiederherstellen: {why}</translation>
    </message>
    <message>
        <source>Imported “{name}”.</source>
        <translation>„{name}“ importiert.</translation>
    </message>
    <message>
        <source>Imported “{name}”. Adapted: {why}.</source>
        <translation>„{name}“ importiert. Angepasst: {why}.</translation>
    </message>
    <message>
        <source>Imported “{name}”. Adapted: {why} (and {more} more).</source>
        <translation>„{name}“ importiert. Angepasst: {why} (und {more} weitere).</translation>
    </message>
    <message>
        <source>Not imported: {why}</source>
        <translation>Nicht importiert: {why}</translation>
    </message>
    <message>
        <source>Not imported: cannot read {path}: {why}</source>
        <translation>Nicht importiert: {path} ist nicht lesbar: {why}</translation>
    </message>
    <message>
        <source>Not exported: no such preset.</source>
        <translation>Nicht exportiert: Programm nicht gefunden.</translation>
    </message>
    <message>
        <source>New to backward running? Start here, at a gentle speed.</source>
        <translation>Neu beim Rückwärtslaufen? Fang hier an, in sanftem Tempo.</translation>
    </message>
    <message>
        <source>Not exported: {why}</source>
        <translation>Nicht exportiert: {why}</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>Exportiert nach {path}.</translation>
    </message>
    <message>
        <source>Could not save the suggestion: {why}</source>
        <translation>Der Vorschlag ließ sich nicht speichern: {why}</translation>
    </message>
    <message>
        <source>could not start the export: {why}</source>
        <translation>Export konnte nicht starten: {why}</translation>
    </message>
    <message>
        <source>the export took longer than {seconds} s</source>
        <translation>der Export dauerte länger als {seconds} s</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exportiert nach {path}</translation>
    </message>
    <message>
        <source>Plans need the history: {why}</source>
        <translation>Pläne brauchen den Verlauf: {why}</translation>
    </message>
    <message>
        <source>Plans: {why}</source>
        <translation>Pläne: {why}</translation>
    </message>
    <message>
        <source>{per_week}× a week · about {weeks} weeks · {steps} steps</source>
        <translation>{per_week}× pro Woche · etwa {weeks} Wochen · {steps} Stufen</translation>
    </message>
    <message>
        <source>{load} · 1 good session</source>
        <translation>{load} · 1 gutes Training</translation>
    </message>
    <message>
        <source>{load} · {n} good sessions</source>
        <translation>{load} · {n} gute Trainings</translation>
    </message>
    <message>
        <source>Step {step} of {total}</source>
        <translation>Stufe {step} von {total}</translation>
    </message>
    <message>
        <source>{load} · {good} of {total} good sessions done</source>
        <translation>{load} · {good} von {total} guten Trainings geschafft</translation>
    </message>
    <message>
        <source>The plan was not started: {why}</source>
        <translation>Der Plan wurde nicht gestartet: {why}</translation>
    </message>
    <message>
        <source>The plan was not stopped: {why}</source>
        <translation>Der Plan wurde nicht beendet: {why}</translation>
    </message>
    <message>
        <source>This session is not in the history: the plan cannot count it.</source>
        <translation>Dieses Training ist nicht im Verlauf: Der Plan kann es nicht zählen.</translation>
    </message>
    <message>
        <source>Heart rate {hr} (zone {zone}): easing to {speed}</source>
        <translation>Puls {hr} (Zone {zone}): runter auf {speed}</translation>
    </message>
    <message>
        <source>Heart rate {hr} (zone {zone}): up to {speed}</source>
        <translation>Puls {hr} (Zone {zone}): hoch auf {speed}</translation>
    </message>
    <message>
        <source>Heart rate lost: back to {speed}</source>
        <translation>Puls verloren: zurück auf {speed}</translation>
    </message>
    <message>
        <source>your knee said {pain}/10, {count} sessions in a row: please see a physiotherapist or doctor before you go on</source>
        <translation>dein Knie meldete {pain}/10, {count} Trainings in Folge: Bitte geh zu Physiotherapie oder Arzt, bevor du weitermachst</translation>
    </message>
    <message>
        <source>your knee said {pain}/10</source>
        <translation>dein Knie meldete {pain}/10</translation>
    </message>
    <message>
        <source>the session ended early</source>
        <translation>das Training endete vorzeitig</translation>
    </message>
    <message>
        <source>no debrief was given</source>
        <translation>keine Rückmeldung gegeben</translation>
    </message>
    <message>
        <source>no knee pain was given</source>
        <translation>kein Knieschmerz angegeben</translation>
    </message>
    <message>
        <source>effort {rpe}/10 was above {most}/10</source>
        <translation>Anstrengung {rpe}/10 lag über {most}/10</translation>
    </message>
    <message>
        <source>finished, effort {rpe}/10, knee {pain}/10</source>
        <translation>geschafft, Anstrengung {rpe}/10, Knie {pain}/10</translation>
    </message>
    <message>
        <source>finished, effort {rpe}/10</source>
        <translation>geschafft, Anstrengung {rpe}/10</translation>
    </message>
    <message>
        <source>Plan complete: well done. Keep the last session going, or start a new plan.</source>
        <translation>Plan geschafft: gut gemacht. Bleib beim letzten Training oder starte einen neuen Plan.</translation>
    </message>
    <message>
        <source>First session: step 1, “{title}”.</source>
        <translation>Erstes Training: Stufe 1, „{title}“.</translation>
    </message>
    <message>
        <source>Next time: the first step again, “{title}” — {why}.</source>
        <translation>Nächstes Mal: wieder die erste Stufe, „{title}“ — {why}.</translation>
    </message>
    <message>
        <source>Next time: one step back, “{title}” — {why}.</source>
        <translation>Nächstes Mal: eine Stufe zurück, „{title}“ — {why}.</translation>
    </message>
    <message>
        <source>Next time: same session — {why}.</source>
        <translation>Nächstes Mal: dasselbe Training — {why}.</translation>
    </message>
    <message>
        <source>Next time: step {step}, “{title}” — {why}.</source>
        <translation>Nächstes Mal: Stufe {step}, „{title}“ — {why}.</translation>
    </message>
    <message>
        <source>Next time: same session, {good} of {total} good sessions done — {why}.</source>
        <translation>Nächstes Mal: dasselbe Training, {good} von {total} guten Trainings geschafft — {why}.</translation>
    </message>
    <message>
        <source>Week {week} · {sessions} so far</source>
        <translation>Woche {week} · bisher {sessions}</translation>
    </message>
    <message>
        <source>Week {week} · {sessions} · {percent} % of the planned sessions in the weeks gone</source>
        <translation>Woche {week} · {sessions} · {percent} % der geplanten Trainings in den vergangenen Wochen</translation>
    </message>
    <message>
        <source>{n} session</source>
        <translation>{n} Training</translation>
    </message>
    <message>
        <source>{n} sessions</source>
        <translation>{n} Trainings</translation>
    </message>
    <message>
        <source>The treadmill sends its speed again: the session goes on.</source>
        <translation>Das Laufband sendet sein Tempo wieder: Das Training geht weiter.</translation>
    </message>
    <message>
        <source>The belt runs at {actual} after the treadmill was silent (the session asked for {asked}): stopping.</source>
        <translation>Das Band läuft mit {actual}, nachdem das Laufband stumm war (das Training wollte {asked}): Stopp.</translation>
    </message>
    <message>
        <source>No speed from the treadmill</source>
        <translation>Kein Tempo vom Laufband</translation>
    </message>
    <message>
        <source>No speed from the treadmill for {silent} s: holding every automatic change and asking it again. The session stops in {give_up} s unless it answers.</source>
        <translation>Seit {silent} s kein Tempo vom Laufband: Jede automatische Änderung wartet, die App fragt erneut. Das Training stoppt in {give_up} s, wenn es nicht antwortet.</translation>
    </message>
    <message>
        <source>The treadmill stopped sending its speed ({silent} s without data): stopping. Check the treadmill, then press start to go on or END to finish.</source>
        <translation>Das Laufband sendet kein Tempo mehr ({silent} s ohne Daten): Stopp. Prüf das Laufband, dann drück START zum Weitermachen oder ENDE zum Beenden.</translation>
    </message>
    <message>
        <source>{blocks} × {seconds} s backward at {speed} km/h</source>
        <translation>{blocks} × {seconds} s rückwärts mit {speed} km/h</translation>
    </message>
    <message>
        <source>1 mile</source>
        <translation>1 Meile</translation>
    </message>
    <message>
        <source>5 km</source>
        <translation>5 km</translation>
    </message>
    <message>
        <source>10 km</source>
        <translation>10 km</translation>
    </message>
    <message>
        <source>half marathon</source>
        <translation>Halbmarathon</translation>
    </message>
    <message>
        <source>marathon</source>
        <translation>Marathon</translation>
    </message>
    <message>
        <source>pace {value} is not one of Zwift&apos;s run paces (0 mile, 1 5 km, 2 10 km, 3 half marathon, 4 marathon): approximated by your threshold pace</source>
        <translation>pace {value} ist keines der Lauftempos von Zwift (0 Meile, 1 5 km, 2 10 km, 3 Halbmarathon, 4 Marathon): angenähert durch dein Schwellentempo</translation>
    </message>
    <message>
        <source>pace {value} ({name} pace) approximated as {percent} of your threshold pace (Riegel&apos;s race-time formula)</source>
        <translation>pace {value} (Tempo über {name}) angenähert als {percent} deines Schwellentempos (Riegels Formel für Wettkampfzeiten)</translation>
    </message>
    <message>
        <source>treadmill{prefix}HrLow and …HrHigh come together</source>
        <translation>treadmill{prefix}HrLow und …HrHigh gibt es nur zusammen</translation>
    </message>
    <message>
        <source>a heart-rate step without its speed: it starts at {speed} km/h</source>
        <translation>ein Herzfrequenz-Schritt ohne Geschwindigkeit: Er beginnt mit {speed} km/h</translation>
    </message>
    <message>
        <source>a heart-rate zone of the watch{which}: the file gives no heart rate</source>
        <translation>eine Herzfrequenzzone der Uhr{which}: Die Datei nennt keine Herzfrequenz</translation>
    </message>
    <message>
        <source>a heart-rate target in % of the maximum: give it in bpm</source>
        <translation>ein Herzfrequenzziel in % des Maximums: Gib es in bpm an</translation>
    </message>
    <message>
        <source>a backward step cannot follow the heart rate (its speed stays fixed)</source>
        <translation>ein Rückwärtsschritt kann nicht der Herzfrequenz folgen (seine Geschwindigkeit bleibt fest)</translation>
    </message>
    <message>
        <source>backward cap {speed}</source>
        <translation>Rückwärts-Limit {speed}</translation>
    </message>
    <message>
        <source>the treadmill&apos;s maximum {speed}</source>
        <translation>Maximum des Laufbands {speed}</translation>
    </message>
    <message>
        <source>forward cap {speed}</source>
        <translation>Vorwärts-Limit {speed}</translation>
    </message>
    <message>
        <source>the treadmill&apos;s minimum {speed}</source>
        <translation>Minimum des Laufbands {speed}</translation>
    </message>
    <message>
        <source>{file}: {why}</source>
        <translation>{file}: {why}</translation>
    </message>
    <message>
        <source>{file}, line {line}: {why}</source>
        <translation>{file}, Zeile {line}: {why}</translation>
    </message>
    <message>
        <source>Backward warm-up</source>
        <translation>Rückwärts-Aufwärmen</translation>
    </message>
    <message>
        <source>A nine-minute warm-up before your training: an easy walk, then three minutes of backward walking at 2.5 km/h in one-minute blocks, with a minute of forward jogging after each. Wakes up the calves, the quads and your balance.</source>
        <translation>Neun Minuten Aufwärmen vor dem Training: lockeres Gehen, dann drei Minuten Rückwärtsgehen mit 2,5 km/h in Blöcken von einer Minute, nach jedem eine Minute lockeres Vorwärtsjoggen. Weckt Waden, Oberschenkel und Gleichgewicht.</translation>
    </message>
    <message>
        <source>Eight by ninety (45 min)</source>
        <translation>Acht mal neunzig (45 min)</translation>
    </message>
    <message>
        <source>A full 45-minute session for experienced backward runners: a long warm-up, a steady forward run, then eight backward blocks of 90 seconds at 3.0 km/h with two minutes of forward recovery, and a cool-down. Twelve minutes backward in all.</source>
        <translation>Ein volles 45-Minuten-Training für erfahrene Rückwärtsläufer: langes Aufwärmen, ein gleichmäßiger Vorwärtslauf, dann acht Rückwärtsblöcke von 90 Sekunden mit 3,0 km/h mit je zwei Minuten Vorwärtserholung und ein Auslaufen. Insgesamt zwölf Minuten rückwärts.</translation>
    </message>
    <message>
        <source>First steps</source>
        <translation>Erste Schritte</translation>
    </message>
    <message>
        <source>Your first backward running. An easy warm-up walk and a gentle forward jog, then two short backward blocks of 30 seconds at a slow 3.0 km/h, each followed by 90 seconds of easy forward running to recover. Keep your steps short, land on the balls of your feet, and hold the rails if you need to. About 15 minutes.</source>
        <translation>Dein erstes Rückwärtslaufen. Lockeres Gehen zum Aufwärmen und ein sanfter Vorwärtsjog, dann zwei kurze Rückwärtsblöcke von 30 Sekunden mit langsamen 3,0 km/h, nach jedem 90 Sekunden lockeres Vorwärtslaufen zur Erholung. Mach kurze Schritte, lande auf den Fußballen und halte dich am Geländer fest, wenn du es brauchst. Etwa 15 Minuten.</translation>
    </message>
    <message>
        <source>Four by forty-five</source>
        <translation>Vier mal fünfundvierzig</translation>
    </message>
    <message>
        <source>Longer blocks, same speed: four backward blocks of 45 seconds at 3.0 km/h with 90 seconds of forward recovery. Stay relaxed and upright; if your calves burn, step back down to &quot;Four by thirty&quot;. About 20 minutes.</source>
        <translation>Längere Blöcke, gleiches Tempo: vier Rückwärtsblöcke von 45 Sekunden mit 3,0 km/h mit 90 Sekunden Vorwärtserholung. Bleib locker und aufrecht; wenn die Waden brennen, geh zurück zu „Vier mal dreißig“. Etwa 20 Minuten.</translation>
    </message>
    <message>
        <source>Four by ninety</source>
        <translation>Vier mal neunzig</translation>
    </message>
    <message>
        <source>Four backward blocks of 90 seconds at 3.0 km/h with two minutes of forward recovery. Long enough to settle into a rhythm: short quick steps, eyes ahead, arms relaxed. About 25 minutes.</source>
        <translation>Vier Rückwärtsblöcke von 90 Sekunden mit 3,0 km/h mit zwei Minuten Vorwärtserholung. Lang genug, um einen Rhythmus zu finden: kurze, schnelle Schritte, Blick nach vorn, Arme locker. Etwa 25 Minuten.</translation>
    </message>
    <message>
        <source>Four by sixty</source>
        <translation>Vier mal sechzig</translation>
    </message>
    <message>
        <source>A full minute backward, four times, at 3.0 km/h, with 90 seconds of forward recovery in between. This is where backward running starts to work your quads and knees in a new way. About 21 minutes.</source>
        <translation>Eine volle Minute rückwärts, viermal, mit 3,0 km/h, dazwischen 90 Sekunden Vorwärtserholung. Hier fängt das Rückwärtslaufen an, Oberschenkel und Knie auf neue Weise zu fordern. Etwa 21 Minuten.</translation>
    </message>
    <message>
        <source>Four by thirty</source>
        <translation>Vier mal dreißig</translation>
    </message>
    <message>
        <source>The classic start once &quot;First steps&quot; feels easy: four backward blocks of 30 seconds at 3.0 km/h, each followed by 90 seconds of easy forward running. Same gentle speed, twice the blocks. About 19 minutes.</source>
        <translation>Der klassische Einstieg, sobald „Erste Schritte“ leicht fällt: vier Rückwärtsblöcke von 30 Sekunden mit 3,0 km/h, nach jedem 90 Sekunden lockeres Vorwärtslaufen. Gleiches sanftes Tempo, doppelt so viele Blöcke. Etwa 19 Minuten.</translation>
    </message>
    <message>
        <source>Knee-friendly backward walk</source>
        <translation>Knieschonendes Rückwärtsgehen</translation>
    </message>
    <message>
        <source>Backward walking uphill is used in knee rehabilitation: it strengthens the thigh muscles with little load on the front of the knee. Six blocks of two minutes walking backward at 2.0 km/h on a 4 % incline, each followed by a minute of easy forward walking. On a treadmill that cannot incline it is walked flat. About 26 minutes.</source>
        <translation>Rückwärtsgehen bergauf wird in der Knie-Reha eingesetzt: Es kräftigt die Oberschenkelmuskeln bei wenig Last auf der Vorderseite des Knies. Sechs Blöcke von zwei Minuten Rückwärtsgehen mit 2,0 km/h bei 4 % Steigung, nach jedem eine Minute lockeres Vorwärtsgehen. Auf einem Laufband ohne Steigung wird es flach gegangen. Etwa 26 Minuten.</translation>
    </message>
    <message>
        <source>Referee / defender conditioning</source>
        <translation>Kondition für Schiedsrichter und Verteidiger</translation>
    </message>
    <message>
        <source>For referees and defenders, who back-pedal many times in a match: ten short backward segments of 20 seconds at 4.0 km/h between 40-second forward runs at 8.0 km/h. The belt turns at a walk instead of stopping, so the turns come quickly: listen for the countdown. About 28 minutes, most of it turning and running.</source>
        <translation>Für Schiedsrichter und Verteidiger, die im Spiel oft rückwärts laufen: zehn kurze Rückwärtsabschnitte von 20 Sekunden mit 4,0 km/h zwischen 40-Sekunden-Vorwärtsläufen mit 8,0 km/h. Das Band wendet im Gehtempo, statt anzuhalten, die Wenden kommen also schnell: Achte auf den Countdown. Etwa 28 Minuten, das meiste davon Wenden und Laufen.</translation>
    </message>
    <message>
        <source>Six by ninety</source>
        <translation>Sechs mal neunzig</translation>
    </message>
    <message>
        <source>More blocks instead of faster ones: six backward blocks of 90 seconds at 3.0 km/h with two minutes of forward recovery. Nine minutes of backward running in all. About 32 minutes.</source>
        <translation>Mehr Blöcke statt schnellerer: sechs Rückwärtsblöcke von 90 Sekunden mit 3,0 km/h mit zwei Minuten Vorwärtserholung. Insgesamt neun Minuten Rückwärtslaufen. Etwa 32 Minuten.</translation>
    </message>
    <message>
        <source>Back-pedal</source>
        <translation>Rückwärtslauf</translation>
    </message>
    <message>
        <source>Backward walk</source>
        <translation>Rückwärtsgehen</translation>
    </message>
    <message>
        <source>Backward walk uphill</source>
        <translation>Rückwärts bergauf</translation>
    </message>
    <message>
        <source>Brisk walk</source>
        <translation>Zügiges Gehen</translation>
    </message>
    <message>
        <source>Easy jog</source>
        <translation>Lockerer Jog</translation>
    </message>
    <message>
        <source>Easy walk</source>
        <translation>Lockeres Gehen</translation>
    </message>
    <message>
        <source>Forward walk</source>
        <translation>Vorwärtsgehen</translation>
    </message>
    <message>
        <source>Jog</source>
        <translation>Jog</translation>
    </message>
    <message>
        <source>Steady run</source>
        <translation>Gleichmäßiger Lauf</translation>
    </message>
    <message>
        <source>Knee-friendly backward walking</source>
        <translation>Knieschonendes Rückwärtsgehen</translation>
    </message>
    <message>
        <source>Backward walking for knees that hurt, three times a week for about six weeks: about 10 minutes of backward walking at 2.0 km/h, growing towards 30 minutes while the knee says 2/10 or less. Walked flat; a gentle incline (2 %) is optional, in your own copy of the plan (incline_pct = 2.0 on a step). In a trial in knee osteoarthritis, 10 minutes of backward walking added to usual care three days a week for six weeks reduced pain more than usual care alone (Alghadir, Anwer, Sarkar et al. 2019, BMC Musculoskeletal Disorders); the growth towards 30 minutes is this plan&apos;s own, gated by pain. After each session the app asks how the knee felt; high pain steps the plan back, and pain that stays high means: see a physiotherapist or doctor. This is not medical advice. See docs/plans.md.</source>
        <translation>Rückwärtsgehen für Knie, die schmerzen, dreimal pro Woche für etwa sechs Wochen: etwa 10 Minuten Rückwärtsgehen mit 2,0 km/h, bis zu 30 Minuten steigend, solange das Knie 2/10 oder weniger sagt. Flach gegangen; eine sanfte Steigung (2 %) ist möglich, in deiner eigenen Kopie des Plans (incline_pct = 2.0 bei einem Schritt). In einer Studie zu Kniearthrose senkten 10 Minuten Rückwärtsgehen zusätzlich zur üblichen Behandlung an drei Tagen pro Woche über sechs Wochen den Schmerz stärker als die übliche Behandlung allein (Alghadir, Anwer, Sarkar et al. 2019, BMC Musculoskeletal Disorders); die Steigerung auf 30 Minuten ist die dieses Plans, vom Schmerz begrenzt. Nach jedem Training fragt die App, wie sich das Knie anfühlte; starker Schmerz setzt den Plan zurück, und Schmerz, der hoch bleibt, heißt: Geh zu einer Physiotherapeutin oder einem Arzt. Dies ist kein medizinischer Rat. Siehe docs/plans.md.</translation>
    </message>
    <message>
        <source>Learn backward running</source>
        <translation>Rückwärtslaufen lernen</translation>
    </message>
    <message>
        <source>For runners new to backward (retro) running, twice a week for about eight weeks. It starts with two to four blocks of 30 seconds at a slow 3.0 km/h at the end of an easy run, then makes the blocks longer, then adds more of them, and only then runs them as intervals a little faster (3.5 km/h). The plan moves on after two good sessions at a step: finished, knee pain 2/10 or less, effort 7/10 or less. Backward running puts less compressive force on the kneecap joint than forward running (Flynn &amp; Soutas-Little 1995, J Orthop Sports Phys Ther; Roos, Barton &amp; van Deursen 2012, J Biomech), but it is a new movement for the calves and thighs: new loads are added a little at a time. See docs/plans.md.</source>
        <translation>Für Läufer, die neu beim Rückwärtslaufen (Retro-Running) sind, zweimal pro Woche für etwa acht Wochen. Es beginnt mit zwei bis vier Blöcken von 30 Sekunden mit langsamen 3,0 km/h am Ende eines lockeren Laufs, macht dann die Blöcke länger, dann mehr davon, und erst dann läuft es sie als Intervalle etwas schneller (3,5 km/h). Der Plan geht nach zwei guten Trainings auf einer Stufe weiter: beendet, Knieschmerz 2/10 oder weniger, Anstrengung 7/10 oder weniger. Rückwärtslaufen belastet das Kniescheibengelenk mit weniger Druck als Vorwärtslaufen (Flynn &amp; Soutas-Little 1995, J Orthop Sports Phys Ther; Roos, Barton &amp; van Deursen 2012, J Biomech), ist aber eine neue Bewegung für Waden und Oberschenkel: Neue Last kommt nach und nach dazu. Siehe docs/plans.md.</translation>
    </message>
    <message>
        <source>For referees and defenders, who back-pedal many times in a match, twice a week for about six weeks. Short back-pedal segments between forward runs, with walking turns: first more of them, then longer ones, and only then a little faster (3.5 → 4.0 km/h, 0.5 km/h at a time). Match analyses show soccer referees spend a real share of the game moving backward (e.g. Krustrup &amp; Bangsbo 2001, J Sports Sci). See docs/plans.md.</source>
        <translation>Für Schiedsrichter und Verteidiger, die im Spiel oft rückwärts laufen, zweimal pro Woche für etwa sechs Wochen. Kurze Rückwärtsabschnitte zwischen Vorwärtsläufen, mit Wenden im Gehtempo: erst mehr davon, dann längere, und erst dann etwas schneller (3,5 → 4,0 km/h, 0,5 km/h auf einmal). Spielanalysen zeigen, dass Fußballschiedsrichter einen echten Teil des Spiels rückwärts laufen (z. B. Krustrup &amp; Bangsbo 2001, J Sports Sci). Siehe docs/plans.md.</translation>
    </message>
    <message>
        <source>10 min backward walking</source>
        <translation>10 min rückwärts gehen</translation>
    </message>
    <message>
        <source>Five blocks of 2 minutes walking backward, a minute forward between them.</source>
        <translation>Fünf Blöcke von 2 Minuten rückwärts gehen, dazwischen eine Minute vorwärts.</translation>
    </message>
    <message>
        <source>15 min backward walking</source>
        <translation>15 min rückwärts gehen</translation>
    </message>
    <message>
        <source>Five blocks of 3 minutes.</source>
        <translation>Fünf Blöcke von 3 Minuten.</translation>
    </message>
    <message>
        <source>20 min backward walking</source>
        <translation>20 min rückwärts gehen</translation>
    </message>
    <message>
        <source>Five blocks of 4 minutes.</source>
        <translation>Fünf Blöcke von 4 Minuten.</translation>
    </message>
    <message>
        <source>24 min backward walking</source>
        <translation>24 min rückwärts gehen</translation>
    </message>
    <message>
        <source>Six blocks of 4 minutes.</source>
        <translation>Sechs Blöcke von 4 Minuten.</translation>
    </message>
    <message>
        <source>27 min backward walking</source>
        <translation>27 min rückwärts gehen</translation>
    </message>
    <message>
        <source>Six blocks of 4½ minutes.</source>
        <translation>Sechs Blöcke von 4½ Minuten.</translation>
    </message>
    <message>
        <source>30 min backward walking</source>
        <translation>30 min rückwärts gehen</translation>
    </message>
    <message>
        <source>Six blocks of 5 minutes: 30 minutes backward.</source>
        <translation>Sechs Blöcke von 5 Minuten: 30 Minuten rückwärts.</translation>
    </message>
    <message>
        <source>2 × 30 s backward after an easy jog. Short steps, land on the balls of your feet.</source>
        <translation>2 × 30 s rückwärts nach einem lockeren Jog. Kurze Schritte, lande auf den Fußballen.</translation>
    </message>
    <message>
        <source>Four blocks of 30 s: the same speed, twice the blocks.</source>
        <translation>Vier Blöcke von 30 s: gleiches Tempo, doppelt so viele Blöcke.</translation>
    </message>
    <message>
        <source>Longer blocks: 45 s.</source>
        <translation>Längere Blöcke: 45 s.</translation>
    </message>
    <message>
        <source>Longer blocks: a whole minute.</source>
        <translation>Längere Blöcke: eine ganze Minute.</translation>
    </message>
    <message>
        <source>Longer blocks: 90 s.</source>
        <translation>Längere Blöcke: 90 s.</translation>
    </message>
    <message>
        <source>More blocks: six of 90 s.</source>
        <translation>Mehr Blöcke: sechs von 90 s.</translation>
    </message>
    <message>
        <source>More blocks: eight of 90 s, a longer run around them.</source>
        <translation>Mehr Blöcke: acht von 90 s, ein längerer Lauf drumherum.</translation>
    </message>
    <message>
        <source>Backward intervals at 3.5 km/h</source>
        <translation>Rückwärtsintervalle mit 3,5 km/h</translation>
    </message>
    <message>
        <source>The same eight blocks as intervals, 0.5 km/h faster: the only speed step.</source>
        <translation>Dieselben acht Blöcke als Intervalle, 0,5 km/h schneller: die einzige Tempostufe.</translation>
    </message>
    <message>
        <source>6 back-pedals of 20 s</source>
        <translation>6 Rückwärtsläufe von 20 s</translation>
    </message>
    <message>
        <source>8 back-pedals of 20 s</source>
        <translation>8 Rückwärtsläufe von 20 s</translation>
    </message>
    <message>
        <source>10 back-pedals of 20 s</source>
        <translation>10 Rückwärtsläufe von 20 s</translation>
    </message>
    <message>
        <source>10 back-pedals of 30 s</source>
        <translation>10 Rückwärtsläufe von 30 s</translation>
    </message>
    <message>
        <source>10 back-pedals of 30 s, faster</source>
        <translation>10 Rückwärtsläufe von 30 s, schneller</translation>
    </message>
    <message>
        <source>The speed step: 0.5 km/h faster, same blocks.</source>
        <translation>Die Tempostufe: 0,5 km/h schneller, gleiche Blöcke.</translation>
    </message>
    <message>
        <source>stopped: {why}</source>
        <translation>gestoppt: {why}</translation>
    </message>
    <message>
        <source>control and Stop with the belt still</source>
        <translation>Steuerung und Stopp bei stehendem Band</translation>
    </message>
    <message>
        <source>Start: the belt moves slowly</source>
        <translation>Start: Das Band läuft langsam an</translation>
    </message>
    <message>
        <source>a set-point to learn the console&apos;s unit</source>
        <translation>ein Sollwert, um die Einheit der Konsole zu lernen</translation>
    </message>
    <message>
        <source>ramps up and down (acceleration, deceleration)</source>
        <translation>Rampen hoch und runter (Beschleunigen, Abbremsen)</translation>
    </message>
    <message>
        <source>a set-point below the range</source>
        <translation>ein Sollwert unter dem Bereich</translation>
    </message>
    <message>
        <source>Start while the belt runs</source>
        <translation>Start bei laufendem Band</translation>
    </message>
    <message>
        <source>a set-point between two steps</source>
        <translation>ein Sollwert zwischen zwei Stufen</translation>
    </message>
    <message>
        <source>Stop: the run-down</source>
        <translation>Stopp: das Auslaufen</translation>
    </message>
    <message>
        <source>mph console</source>
        <translation>Konsole in mph</translation>
    </message>
    <message>
        <source>km/h console</source>
        <translation>Konsole in km/h</translation>
    </message>
    <message>
        <source>target unit unknown</source>
        <translation>Einheit der Sollwerte unbekannt</translation>
    </message>
    <message>
        <source>{step} km/h steps</source>
        <translation>Stufen von {step} km/h</translation>
    </message>
    <message>
        <source>belt moves {seconds} s after Start</source>
        <translation>Band läuft {seconds} s nach Start an</translation>
    </message>
    <message>
        <source>speeds up {rate} km/h/s</source>
        <translation>beschleunigt {rate} km/h/s</translation>
    </message>
    <message>
        <source>data every {seconds} s</source>
        <translation>Daten alle {seconds} s</translation>
    </message>
    <message>
        <source>1 quirk not determined</source>
        <translation>1 Eigenheit nicht bestimmt</translation>
    </message>
    <message>
        <source>{n} quirks not determined</source>
        <translation>{n} Eigenheiten nicht bestimmt</translation>
    </message>
    <message>
        <source>Checked on {date}: {found}. SESSIONS REFUSED: {dangers}</source>
        <translation>Getestet am {date}: {found}. TRAININGS GESPERRT: {dangers}</translation>
    </message>
    <message>
        <source>Checked on {date}: {found}</source>
        <translation>Getestet am {date}: {found}</translation>
    </message>
    <message>
        <source>You skipped part of it</source>
        <translation>Du hast einen Teil übersprungen</translation>
    </message>
    <message>
        <source>The treadmill stopped it</source>
        <translation>Das Laufband hat es gestoppt</translation>
    </message>
    <message>
        <source>The connection was lost</source>
        <translation>Die Verbindung ging verloren</translation>
    </message>
    <message>
        <source>An error ended it</source>
        <translation>Ein Fehler hat es beendet</translation>
    </message>
    <message>
        <source>You stopped before the end</source>
        <translation>Du hast vor dem Ende gestoppt</translation>
    </message>
    <message>
        <source>{why}: do “{name}” again before moving on.</source>
        <translation>{why}: Mach „{name}“ noch einmal, bevor es weitergeht.</translation>
    </message>
    <message>
        <source>This session had no backward blocks: nothing to progress.</source>
        <translation>Dieses Training hatte keine Rückwärtsblöcke: nichts zu steigern.</translation>
    </message>
    <message>
        <source>Next: longer blocks — {blocks} × {seconds} s backward (you did {done} × {done_s} s), same speed.</source>
        <translation>Als Nächstes: längere Blöcke — {blocks} × {seconds} s rückwärts (du hast {done} × {done_s} s geschafft), gleiches Tempo.</translation>
    </message>
    <message>
        <source>Next: more blocks — {blocks} × {seconds} s backward (you did {done} × {done_s} s), same speed.</source>
        <translation>Als Nächstes: mehr Blöcke — {blocks} × {seconds} s rückwärts (du hast {done} × {done_s} s geschafft), gleiches Tempo.</translation>
    </message>
    <message>
        <source>Next: {blocks} × {seconds} s backward (you did {done} × {done_s} s), same speed.</source>
        <translation>Als Nächstes: {blocks} × {seconds} s rückwärts (du hast {done} × {done_s} s geschafft), gleiches Tempo.</translation>
    </message>
    <message>
        <source>You are at the top of this progression: repeat it, or raise the backward speed yourself in small steps.</source>
        <translation>Du bist oben in dieser Steigerung angekommen: Wiederhole sie oder erhöhe das Rückwärtstempo selbst in kleinen Schritten.</translation>
    </message>
    <message>
        <source>The recording stops without an end</source>
        <translation>Die Aufzeichnung bricht ohne Ende ab</translation>
    </message>
    <message>
        <source>1 phase skipped</source>
        <translation>1 Phase übersprungen</translation>
    </message>
    <message>
        <source>{n} phases skipped</source>
        <translation>{n} Phasen übersprungen</translation>
    </message>
    <message>
        <source>unknown key &apos;{key}&apos;{hint}; allowed here: {allowed}</source>
        <translation>unbekannter Schlüssel „{key}“{hint}; hier erlaubt: {allowed}</translation>
    </message>
    <message>
        <source>{key} must be text in quotes, not {value}</source>
        <translation>{key} muss Text in Anführungszeichen sein, nicht {value}</translation>
    </message>
    <message>
        <source>{key} must be a whole number from {lo} to {hi}, not {value}</source>
        <translation>{key} muss eine ganze Zahl von {lo} bis {hi} sein, nicht {value}</translation>
    </message>
    <message>
        <source>{n} phases</source>
        <translation>{n} Phasen</translation>
    </message>
    <message>
        <source>no backward blocks</source>
        <translation>keine Rückwärtsblöcke</translation>
    </message>
    <message>
        <source>{n} × {time} backward</source>
        <translation>{n} × {time} rückwärts</translation>
    </message>
    <message>
        <source>{n} backward blocks ({shortest}–{longest})</source>
        <translation>{n} Rückwärtsblöcke ({shortest}–{longest})</translation>
    </message>
</context>
<context>
    <name>ConnectScreen</name>
    <message>
        <source>Your treadmill</source>
        <translation>Dein Laufband</translation>
    </message>
    <message>
        <source>CONNECTED</source>
        <translation>VERBUNDEN</translation>
    </message>
    <message>
        <source>USED LAST TIME</source>
        <translation>ZULETZT GENUTZT</translation>
    </message>
    <message>
        <source>None chosen yet</source>
        <translation>Noch keins gewählt</translation>
    </message>
    <message>
        <source>Choose it in the list. The app connects only to the treadmill you choose, never to another one nearby.</source>
        <translation>Wähle es in der Liste. Die App verbindet sich nur mit dem gewählten Laufband, nie mit einem anderen in der Nähe.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Vergessen</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>choose one</source>
        <translation>eins wählen</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Virtual treadmill mode: the simulated treadmill is in the list; nothing real moves.</source>
        <translation>Modus virtuelles Laufband: Das simulierte Laufband steht in der Liste; nichts Echtes bewegt sich.</translation>
    </message>
    <message>
        <source>Before you connect: clip the safety key to your clothes, switch the treadmill on, and close other apps that use it (a treadmill takes one connection at a time).</source>
        <translation>Vor dem Verbinden: Sicherheitsschlüssel an die Kleidung klemmen, Laufband einschalten und andere Apps schließen, die es nutzen (ein Laufband nimmt nur eine Verbindung an).</translation>
    </message>
    <message>
        <source>Nearby</source>
        <translation>In der Nähe</translation>
    </message>
    <message>
        <source>Show other devices</source>
        <translation>Andere Geräte zeigen</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>Suche…</translation>
    </message>
    <message>
        <source>Scan again</source>
        <translation>Neu suchen</translation>
    </message>
    <message>
        <source>LAST USED</source>
        <translation>ZULETZT</translation>
    </message>
    <message>
        <source>MARKED AS TREADMILL</source>
        <translation>ALS LAUFBAND MARKIERT</translation>
    </message>
    <message>
        <source>NO FITNESS SERVICE</source>
        <translation>KEIN FITNESS-DIENST</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>This is my treadmill</source>
        <translation>Das ist mein Laufband</translation>
    </message>
    <message>
        <source>Looking for treadmills…</source>
        <translation>Suche Laufbänder…</translation>
    </message>
    <message>
        <source>No treadmill in the list.
Switch it on, close other apps connected to it, and scan again.
If yours does not show up, turn on “Show other devices”.</source>
        <translation>Kein Laufband in der Liste.
Schalte es ein, schließe andere verbundene Apps und suche neu.
Fehlt deins, schalte „Andere Geräte zeigen“ ein.</translation>
    </message>
    <message>
        <source>Check this treadmill</source>
        <translation>Dieses Laufband testen</translation>
    </message>
    <message>
        <source>nobody on the belt</source>
        <translation>niemand auf dem Band</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <source>then </source>
        <translation>dann </translation>
    </message>
</context>
<context>
    <name>DebriefScreen</name>
    <message>
        <source>Effort: how hard was it? (0 rest … 10 maximal)</source>
        <translation>Anstrengung: Wie hart war es? (0 Ruhe … 10 maximal)</translation>
    </message>
    <message>
        <source>Knee pain during the session (0 none … 10 worst)</source>
        <translation>Knieschmerz im Training (0 keiner … 10 stärkster)</translation>
    </message>
    <message>
        <source>Knee pain now, after it (0 none … 10 worst)</source>
        <translation>Knieschmerz jetzt, danach (0 keiner … 10 stärkster)</translation>
    </message>
    <message>
        <source>How did it go?</source>
        <translation>Wie lief es?</translation>
    </message>
    <message>
        <source> (ended early)</source>
        <translation> (vorzeitig beendet)</translation>
    </message>
    <message>
        <source>A note (optional)</source>
        <translation>Notiz (optional)</translation>
    </message>
    <message>
        <source>Keys 0–9 answer, Backspace goes back, Enter saves.</source>
        <translation>Tasten 0–9 antworten, Rücktaste geht zurück, Enter speichert.</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
</context>
<context>
    <name>HistoryScreen</name>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>%1 · %2 backward · %3</source>
        <translation>%1 · %2 rückwärts · %3</translation>
    </message>
    <message>
        <source>No sessions yet.
Every session is recorded here as it runs.</source>
        <translation>Noch keine Trainings.
Jedes Training wird hier aufgezeichnet, während es läuft.</translation>
    </message>
    <message>
        <source>Choose a session on the left.</source>
        <translation>Wähle links ein Training.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Entf</translation>
    </message>
    <message>
        <source>Export FIT</source>
        <translation>FIT exportieren</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Export TCX</source>
        <translation>TCX exportieren</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>forward %1</source>
        <translation>vorwärts %1</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>Rückwärts</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Strecke</translation>
    </message>
    <message>
        <source>top %1</source>
        <translation>max. %1</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Puls</translation>
    </message>
    <message>
        <source>bpm</source>
        <translation>bpm</translation>
    </message>
    <message>
        <source>avg · max %1</source>
        <translation>Ø · max. %1</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Vorwärts</translation>
    </message>
    <message>
        <source>Backward (hatched)</source>
        <translation>Rückwärts (schraffiert)</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 gibt es schon. Ersetzen?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
</context>
<context>
    <name>KeyHelpOverlay</name>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Press ? or click anywhere to close this list. Space and Esc stop the belt, here too.</source>
        <translation>Drück ? oder klick irgendwo, um die Liste zu schließen. Leertaste und Esc stoppen das Band, auch hier.</translation>
    </message>
</context>
<context>
    <name>MachineCheckOverlay</name>
    <message>
        <source>Checking the treadmill — any key stops the belt</source>
        <translation>Laufband-Test — jede Taste stoppt das Band</translation>
    </message>
    <message>
        <source>Machine check</source>
        <translation>Laufband-Test</translation>
    </message>
    <message>
        <source>Check this treadmill</source>
        <translation>Dieses Laufband testen</translation>
    </message>
    <message>
        <source>Nobody is on the belt, the safety key is in: start</source>
        <translation>Niemand auf dem Band, Schlüssel steckt: starten</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <source>STOP</source>
        <translation>STOP</translation>
    </message>
    <message>
        <source>any key</source>
        <translation>jede Taste</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Virtual treadmill</source>
        <translation>Virtuelles Laufband</translation>
    </message>
    <message>
        <source>VIRTUAL</source>
        <translation>VIRTUELL</translation>
    </message>
    <message>
        <source>Treadmill</source>
        <translation>Laufband</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>STOP</source>
        <translation>STOP</translation>
    </message>
    <message>
        <source>Show the keys</source>
        <translation>Tasten zeigen</translation>
    </message>
    <message>
        <source>CONNECTION LOST — THE BELT MAY STILL BE MOVING</source>
        <translation>VERBINDUNG WEG – DAS BAND LÄUFT VIELLEICHT NOCH</translation>
    </message>
    <message>
        <source>Last known speed %1. </source>
        <translation>Letztes bekanntes Tempo %1. </translation>
    </message>
    <message>
        <source>Use the treadmill&apos;s own stop key or pull the safety key. Reconnecting to the same treadmill: STOP is sent first.</source>
        <translation>Nutze die Stopptaste des Laufbands oder zieh den Sicherheitsschlüssel. Verbinde neu mit demselben Laufband: Zuerst wird STOP gesendet.</translation>
    </message>
    <message>
        <source>STOP NOT CONFIRMED — PULL THE SAFETY KEY</source>
        <translation>STOP NICHT BESTÄTIGT – SICHERHEITSSCHLÜSSEL ZIEHEN</translation>
    </message>
    <message>
        <source>A session is running. Quit and STOP the belt?</source>
        <translation>Ein Training läuft. Beenden und das Band STOPPEN?</translation>
    </message>
    <message>
        <source>STOP and quit</source>
        <translation>STOP und beenden</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Weiterlaufen</translation>
    </message>
    <message>
        <source>This preset has unsaved changes. Leave and lose them?</source>
        <translation>Dieses Programm hat ungespeicherte Änderungen. Verlassen und verwerfen?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
</context>
<context>
    <name>PlansScreen</name>
    <message>
        <source>Plans</source>
        <translation>Pläne</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source> · asks about knee pain</source>
        <translation> · fragt nach Knieschmerz</translation>
    </message>
    <message>
        <source>Switch to this plan</source>
        <translation>Zu diesem Plan wechseln</translation>
    </message>
    <message>
        <source>Start this plan</source>
        <translation>Diesen Plan starten</translation>
    </message>
    <message>
        <source>The current plan “%1” cannot be read any more: start another one.</source>
        <translation>Der aktuelle Plan „%1“ ist nicht mehr lesbar: Starte einen anderen.</translation>
    </message>
    <message>
        <source>No plan yet. Pick one on the left: it suggests a session each time, and moves on only when the last one went well.</source>
        <translation>Noch kein Plan. Wähle links einen: Er schlägt jedes Mal ein Training vor und geht erst weiter, wenn das letzte gut lief.</translation>
    </message>
    <message>
        <source>PLAN COMPLETE</source>
        <translation>PLAN GESCHAFFT</translation>
    </message>
    <message>
        <source>TODAY</source>
        <translation>HEUTE</translation>
    </message>
    <message>
        <source>Run today&apos;s session</source>
        <translation>Heutiges Training laufen</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Stop the plan</source>
        <translation>Plan beenden</translation>
    </message>
</context>
<context>
    <name>PresetEditorScreen</name>
    <message>
        <source>Name: </source>
        <translation>Name: </translation>
    </message>
    <message>
        <source>Time: </source>
        <translation>Zeit: </translation>
    </message>
    <message>
        <source>Speed: </source>
        <translation>Tempo: </translation>
    </message>
    <message>
        <source>Incline: </source>
        <translation>Steigung: </translation>
    </message>
    <message>
        <source>(name)</source>
        <translation>(Name)</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Remove this phase</source>
        <translation>Diese Phase entfernen</translation>
    </message>
    <message>
        <source>1 problem to fix</source>
        <translation>1 Problem zu beheben</translation>
    </message>
    <message>
        <source>%1 problems to fix</source>
        <translation>%1 Probleme zu beheben</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind of phase</source>
        <translation>Art der Phase</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>What is this session for?</source>
        <translation>Wofür ist dieses Training?</translation>
    </message>
    <message>
        <source>Turning around</source>
        <translation>Umdrehen</translation>
    </message>
    <message>
        <source>As in settings</source>
        <translation>Wie in den Einstellungen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Walk</source>
        <translation>Gehen</translation>
    </message>
    <message>
        <source>Walk at</source>
        <translation>Gehen mit</translation>
    </message>
    <message>
        <source>1.0</source>
        <translation>1,0</translation>
    </message>
    <message>
        <source>Countdown before each turn</source>
        <translation>Countdown vor jedem Wenden</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>GESAMT</translation>
    </message>
    <message>
        <source>BACKWARD</source>
        <translation>RÜCKWÄRTS</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Incline %</source>
        <translation>Steigung %</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>times:</source>
        <translation>Mal:</translation>
    </message>
    <message>
        <source>+ Phase in the group</source>
        <translation>+ Phase in der Gruppe</translation>
    </message>
    <message>
        <source>+ Phase</source>
        <translation>+ Phase</translation>
    </message>
    <message>
        <source>+ Repeat group</source>
        <translation>+ Wiederholgruppe</translation>
    </message>
</context>
<context>
    <name>PresetsScreen</name>
    <message>
        <source>Import a preset or a workout</source>
        <translation>Programm oder Workout importieren</translation>
    </message>
    <message>
        <source>Presets (*.toml)</source>
        <translation>Programme (*.toml)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Presets and workouts (*.toml *.zwo *.fit)</source>
        <translation>Programme und Workouts (*.toml *.zwo *.fit)</translation>
    </message>
    <message>
        <source>Zwift workouts (*.zwo)</source>
        <translation>Zwift-Workouts (*.zwo)</translation>
    </message>
    <message>
        <source>FIT workouts (*.fit)</source>
        <translation>FIT-Workouts (*.fit)</translation>
    </message>
    <message>
        <source>Export the preset</source>
        <translation>Programm exportieren</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Training plans ›</source>
        <translation>Trainingspläne ›</translation>
    </message>
    <message>
        <source>BUILT-IN</source>
        <translation>EINGEBAUT</translation>
    </message>
    <message>
        <source>YOUR PRESETS</source>
        <translation>DEINE PROGRAMME</translation>
    </message>
    <message>
        <source>SUGGESTED NEXT</source>
        <translation>VORSCHLAG</translation>
    </message>
    <message>
        <source>Suggested next: %1</source>
        <translation>Als Nächstes: %1</translation>
    </message>
    <message>
        <source>Save as my preset</source>
        <translation>Als mein Programm speichern</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <source>Choose a preset on the left.</source>
        <translation>Wähle links ein Programm.</translation>
    </message>
    <message>
        <source>YOURS</source>
        <translation>DEINS</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>Keine Beschreibung.</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Vorwärts</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>Rückwärts</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>%1 at speed</source>
        <translation>%1 bei Tempo</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>Backward at</source>
        <translation>Rückwärts mit</translation>
    </message>
    <message>
        <source>Use this preset</source>
        <translation>Auswählen</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Edit a copy</source>
        <translation>Kopie bearbeiten</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Entf</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
</context>
<context>
    <name>SessionNotices</name>
    <message>
        <source>WHAT HAPPENED</source>
        <translation>WAS PASSIERTE</translation>
    </message>
</context>
<context>
    <name>SessionScreen</name>
    <message>
        <source>Time left in phase</source>
        <translation>Restzeit der Phase</translation>
    </message>
    <message>
        <source>session %1</source>
        <translation>Training %1</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Strecke</translation>
    </message>
    <message>
        <source>Incline</source>
        <translation>Steigung</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Puls</translation>
    </message>
    <message>
        <source>strap</source>
        <translation>Gurt</translation>
    </message>
    <message>
        <source>treadmill</source>
        <translation>Laufband</translation>
    </message>
    <message>
        <source>bpm</source>
        <translation>bpm</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Vergangen</translation>
    </message>
    <message>
        <source>NEXT</source>
        <translation>DANACH</translation>
    </message>
    <message>
        <source>⚠ NO SOUND — %1 You will not hear the cues while you run backward: check Settings → Sound before you start.</source>
        <translation>⚠ KEIN TON – %1 Beim Rückwärtslaufen hörst du keine Ansagen: Prüfe vor dem Start Einstellungen → Ton.</translation>
    </message>
    <message>
        <source>No session</source>
        <translation>Kein Training</translation>
    </message>
    <message>
        <source>Choose treadmill</source>
        <translation>Laufband wählen</translation>
    </message>
    <message>
        <source>Choose a preset</source>
        <translation>Programm wählen</translation>
    </message>
    <message>
        <source>START</source>
        <translation>START</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>RESUME</source>
        <translation>WEITER</translation>
    </message>
    <message>
        <source>PAUSE</source>
        <translation>PAUSE</translation>
    </message>
    <message>
        <source>− 0.1</source>
        <translation>− 0,1</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>↓</translation>
    </message>
    <message>
        <source>+ 0.1</source>
        <translation>+ 0,1</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>↑</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>+30 s</source>
        <translation>+30 s</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>Übersicht</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Folder for Bluetooth traffic logs</source>
        <translation>Ordner für Bluetooth-Protokolle</translation>
    </message>
    <message>
        <source>Less: %1</source>
        <translation>Weniger: %1</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>More: %1</source>
        <translation>Mehr: %1</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Saved at once to
%1</source>
        <translation>Sofort gespeichert in
%1</translation>
    </message>
    <message>
        <source>No audio device: running silently. Cues are shown on screen only.</source>
        <translation>Kein Audiogerät: läuft lautlos. Hinweise nur auf dem Bildschirm.</translation>
    </message>
    <message>
        <source>Last cue: %1</source>
        <translation>Letzte Ansage: %1</translation>
    </message>
    <message>
        <source>Sound check</source>
        <translation>Tontest</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Tastatur</translation>
    </message>
    <message>
        <source>Presenter clicker</source>
        <translation>Präsentations-Fernbedienung</translation>
    </message>
    <message>
        <source>To change a key, edit [key_bindings] in the settings file; a clicker can only be bound to STOP, pause and slower.</source>
        <translation>Eine Taste änderst du unter [key_bindings] in der Einstellungsdatei; eine Fernbedienung kann nur STOP, Pause und langsamer.</translation>
    </message>
    <message>
        <source>Reset keys</source>
        <translation>Tasten zurücksetzen</translation>
    </message>
</context>
<context>
    <name>SpeedChart</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
</context>
<context>
    <name>StopButton</name>
    <message>
        <source>STOP</source>
        <translation>STOP</translation>
    </message>
    <message>
        <source>Stop the belt</source>
        <translation>Band stoppen</translation>
    </message>
    <message>
        <source>Space · Esc</source>
        <translation>Leertaste · Esc</translation>
    </message>
</context>
<context>
    <name>StrapCard</name>
    <message>
        <source>HEART-RATE STRAP</source>
        <translation>PULSGURT</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>None chosen</source>
        <translation>Keiner gewählt</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Nutzen</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Suche…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Vergessen</translation>
    </message>
</context>
<context>
    <name>SummaryScreen</name>
    <message>
        <source>No session yet</source>
        <translation>Noch kein Training</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Vorwärts</translation>
    </message>
    <message>
        <source>belt moving</source>
        <translation>Band in Bewegung</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>Rückwärts</translation>
    </message>
    <message>
        <source>belt moving · %1</source>
        <translation>Band in Bewegung · %1</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Strecke</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>Backward blocks</source>
        <translation>Rückwärtsblöcke</translation>
    </message>
    <message>
        <source>all done</source>
        <translation>alle geschafft</translation>
    </message>
    <message>
        <source>done of planned</source>
        <translation>geschafft von geplant</translation>
    </message>
    <message>
        <source>How did it go? A short debrief keeps your effort and knee with this session.</source>
        <translation>Wie lief es? Eine kurze Rückmeldung speichert Anstrengung und Knie mit diesem Training.</translation>
    </message>
    <message>
        <source>Debrief</source>
        <translation>Rückmeldung</translation>
    </message>
    <message>
        <source>NEXT TIME</source>
        <translation>NÄCHSTES MAL</translation>
    </message>
    <message>
        <source>Repeat what you did, or pick a preset.</source>
        <translation>Wiederhole, was du gemacht hast, oder wähle ein Programm.</translation>
    </message>
    <message>
        <source>Save it and use it</source>
        <translation>Speichern und nutzen</translation>
    </message>
    <message>
        <source>Use it now</source>
        <translation>Jetzt nutzen</translation>
    </message>
    <message>
        <source>Save as my preset</source>
        <translation>Als mein Programm speichern</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>FORWARD</source>
        <translation>VORWÄRTS</translation>
    </message>
    <message>
        <source>BACKWARD</source>
        <translation>RÜCKWÄRTS</translation>
    </message>
</context>
</TS>
