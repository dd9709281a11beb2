<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Settings file: {problem}</source>
        <translation>Archivo de ajustes: {problem}</translation>
    </message>
    <message>
        <source>Virtual treadmill: nothing real moves.</source>
        <translation>Cinta virtual: nada real se mueve.</translation>
    </message>
    <message>
        <source>Unexpected error: {why}</source>
        <translation>Error inesperado: {why}</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Empezando</translation>
    </message>
    <message>
        <source>Changing speed</source>
        <translation>Cambiando velocidad</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En marcha</translation>
    </message>
    <message>
        <source>Slowing down to turn</source>
        <translation>Frenando para girar</translation>
    </message>
    <message>
        <source>Turn around</source>
        <translation>Date la vuelta</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Resuming</source>
        <translation>Reanudando</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Parando</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Terminando</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Parado</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>Cal.</translation>
    </message>
    <message>
        <source>Cool</source>
        <translation>Calma</translation>
    </message>
    <message>
        <source>Rec.</source>
        <translation>Rec.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Carrera</translation>
    </message>
    <message>
        <source>(no preset)</source>
        <translation>(sin programa)</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>Stopped by you</source>
        <translation>Parada por ti</translation>
    </message>
    <message>
        <source>Stopped by the treadmill</source>
        <translation>Parada por la cinta</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Conexión perdida</translation>
    </message>
    <message>
        <source>Ended by an error</source>
        <translation>Terminada por un error</translation>
    </message>
    <message>
        <source>Interrupted (app closed or crashed)</source>
        <translation>Interrumpida (app cerrada o bloqueada)</translation>
    </message>
    <message>
        <source>Recording now</source>
        <translation>Grabando ahora</translation>
    </message>
    <message>
        <source>Damaged record (cannot be read)</source>
        <translation>Registro dañado (ilegible)</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>This week: {time} backward in {blocks}</source>
        <translation>Esta semana: {time} hacia atrás en {blocks}</translation>
    </message>
    <message>
        <source>Deleted the session of {when}</source>
        <translation>Sesión del {when} borrada</translation>
    </message>
    <message>
        <source>Ended early: {why}</source>
        <translation>Terminada antes: {why}</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>The check starts the belt and runs it slowly (at most 3 km/h) for about a minute. Nobody may stand on the belt: the check changes speed, starts and stops on its own, and tries set-points a person would not expect. Is the belt clear and the safety key in?</source>
        <translation>La prueba arranca la cinta y la mueve despacio (como mucho 3 km/h) durante un minuto. Nadie puede estar sobre la cinta: la prueba cambia la velocidad, arranca y para sola y prueba valores que nadie esperaría. ¿Está la cinta libre y la llave de seguridad puesta?</translation>
    </message>
    <message>
        <source>Not checked yet: sessions use safe defaults. Check it once (nobody on the belt) so the app learns its unit, steps and timing.</source>
        <translation>Aún sin probar: las sesiones usan valores seguros. Pruébala una vez (nadie sobre la cinta) para que la app aprenda su unidad, sus pasos y sus tiempos.</translation>
    </message>
    <message>
        <source>The saved check cannot be read ({why}).</source>
        <translation>No se puede leer la prueba guardada ({why}).</translation>
    </message>
    <message>
        <source>A session is under way: stop and end it before the check.</source>
        <translation>Hay una sesión en curso: párala y termínala antes de la prueba.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Parando…</translation>
    </message>
    <message>
        <source>Check stopped by you before anything moved; nothing saved.</source>
        <translation>Prueba parada por ti antes de que nada se moviera; no se guardó nada.</translation>
    </message>
    <message>
        <source>The check could not connect: {why}</source>
        <translation>La prueba no pudo conectar: {why}</translation>
    </message>
    <message>
        <source>The check failed: {why}</source>
        <translation>La prueba falló: {why}</translation>
    </message>
    <message>
        <source>Check not saved: {why}</source>
        <translation>Prueba no guardada: {why}</translation>
    </message>
    <message>
        <source>Check stopped by you: the belt was stopped; nothing saved.</source>
        <translation>Prueba parada por ti: la cinta se paró; no se guardó nada.</translation>
    </message>
    <message>
        <source>DANGER: {dangers}. Sessions on this treadmill are refused until you clear it (&apos;treadmill-ctl check --unblock {address}&apos;).</source>
        <translation>PELIGRO: {dangers}. Las sesiones en esta cinta se rechazan hasta que la desbloquees (&apos;treadmill-ctl check --unblock {address}&apos;).</translation>
    </message>
    <message>
        <source>The check ended early (saved what it learned): {summary}</source>
        <translation>La prueba terminó antes (se guardó lo aprendido): {summary}</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Starting in</source>
        <translation>Empieza en</translation>
    </message>
    <message>
        <source>Resuming in</source>
        <translation>Sigue en</translation>
    </message>
    <message>
        <source>READY</source>
        <translation>LISTO</translation>
    </message>
    <message>
        <source>GET READY</source>
        <translation>PREPÁRATE</translation>
    </message>
    <message>
        <source>TURN AROUND</source>
        <translation>DATE LA VUELTA</translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation>PAUSA</translation>
    </message>
    <message>
        <source>STOPPING</source>
        <translation>PARANDO</translation>
    </message>
    <message>
        <source>SLOWING DOWN</source>
        <translation>FRENANDO</translation>
    </message>
    <message>
        <source>Belt stopped — turn around</source>
        <translation>Cinta parada: date la vuelta</translation>
    </message>
    <message>
        <source>STOPPED</source>
        <translation>PARADO</translation>
    </message>
    <message>
        <source>DONE</source>
        <translation>HECHO</translation>
    </message>
    <message>
        <source>CONNECTION LOST</source>
        <translation>SIN CONEXIÓN</translation>
    </message>
    <message>
        <source>starts at speed</source>
        <translation>empieza a velocidad</translation>
    </message>
    <message>
        <source>starts after the turn</source>
        <translation>empieza tras la vuelta</translation>
    </message>
    <message>
        <source>held: paused</source>
        <translation>parado: en pausa</translation>
    </message>
    <message>
        <source>held: stopped</source>
        <translation>parado: detenido</translation>
    </message>
    <message>
        <source>held: connection lost</source>
        <translation>parado: sin conexión</translation>
    </message>
    <message>
        <source>Keep running backward</source>
        <translation>Sigue corriendo hacia atrás</translation>
    </message>
    <message>
        <source>Keep running forward</source>
        <translation>Sigue corriendo hacia delante</translation>
    </message>
    <message>
        <source>Belt at walking speed</source>
        <translation>Cinta al paso</translation>
    </message>
    <message>
        <source>Keep running backward until the belt stops</source>
        <translation>Sigue hacia atrás hasta que pare la cinta</translation>
    </message>
    <message>
        <source>Keep running forward until the belt stops</source>
        <translation>Sigue hacia delante hasta que pare la cinta</translation>
    </message>
    <message>
        <source>NO SESSION</source>
        <translation>SIN SESIÓN</translation>
    </message>
    <message>
        <source>BACKWARD</source>
        <translation>ATRÁS</translation>
    </message>
    <message>
        <source>FORWARD</source>
        <translation>ADELANTE</translation>
    </message>
    <message>
        <source>Connect to your treadmill first</source>
        <translation>Conecta primero tu cinta</translation>
    </message>
    <message>
        <source>Choose a preset</source>
        <translation>Elige un programa</translation>
    </message>
    <message>
        <source>No session</source>
        <translation>Sin sesión</translation>
    </message>
    <message>
        <source>Press Enter or START to begin</source>
        <translation>Pulsa Intro o INICIAR para empezar</translation>
    </message>
    <message>
        <source>Press P or RESUME to continue</source>
        <translation>Pulsa P o SEGUIR para continuar</translation>
    </message>
    <message>
        <source>Reconnecting to the same treadmill…</source>
        <translation>Reconectando con la misma cinta…</translation>
    </message>
    <message>
        <source>Stopped. Press Enter to start again, or END to finish</source>
        <translation>Parado. Intro para reiniciar o FIN para terminar</translation>
    </message>
    <message>
        <source>Session over. Press Enter or START for a new one</source>
        <translation>Sesión terminada. Intro o INICIAR para otra</translation>
    </message>
    <message>
        <source>{duration} at {speed} {unit}</source>
        <translation>{duration} a {speed} {unit}</translation>
    </message>
    <message>
        <source>Backward block {n} of {total}</source>
        <translation>Bloque atrás {n}/{total}</translation>
    </message>
    <message>
        <source>{done} of 1 backward block done</source>
        <translation>Atrás: {done} de 1</translation>
    </message>
    <message>
        <source>{done} of {total} backward blocks done</source>
        <translation>Atrás: {done} de {total}</translation>
    </message>
    <message>
        <source>Next: {title}</source>
        <translation>Después: {title}</translation>
    </message>
    <message>
        <source>ends ≈ {time}</source>
        <translation>fin ≈ {time}</translation>
    </message>
    <message>
        <source>belt {speed}</source>
        <translation>cinta {speed}</translation>
    </message>
    <message>
        <source>target {speed}</source>
        <translation>objetivo {speed}</translation>
    </message>
    <message>
        <source>Connected to {name}</source>
        <translation>Conectado a {name}</translation>
    </message>
    <message>
        <source>no data {seconds} s</source>
        <translation>sin datos {seconds} s</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>sin datos</translation>
    </message>
    <message>
        <source>1 block</source>
        <translation>1 bloque</translation>
    </message>
    <message>
        <source>{n} blocks</source>
        <translation>{n} bloques</translation>
    </message>
    <message>
        <source>1 block done</source>
        <translation>1 bloque hecho</translation>
    </message>
    <message>
        <source>{n} blocks done</source>
        <translation>{n} bloques hechos</translation>
    </message>
    <message>
        <source>Session complete</source>
        <translation>Sesión completa</translation>
    </message>
    <message>
        <source>Ended early</source>
        <translation>Terminada antes</translation>
    </message>
    <message>
        <source>{done} of 1 block done</source>
        <translation>{done} de 1 bloque hecho</translation>
    </message>
    <message>
        <source>{done} of 1 block</source>
        <translation>{done} de 1 bloque</translation>
    </message>
    <message>
        <source>{done} of {total} blocks</source>
        <translation>{done} de {total} bloques</translation>
    </message>
    <message>
        <source>{done} of {total} blocks done</source>
        <translation>{done} de {total} bloques hechos</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>Backward cap</source>
        <translation>Límite atrás</translation>
    </message>
    <message>
        <source>No backward block runs faster. Never above {limit} km/h.</source>
        <translation>Ningún bloque atrás va más rápido. Nunca más de {limit} km/h.</translation>
    </message>
    <message>
        <source>Default backward speed</source>
        <translation>Velocidad atrás por defecto</translation>
    </message>
    <message>
        <source>Used by backward blocks that do not set a speed. At most the backward cap.</source>
        <translation>Para bloques atrás sin velocidad propia. Como mucho el límite atrás.</translation>
    </message>
    <message>
        <source>Forward cap</source>
        <translation>Límite adelante</translation>
    </message>
    <message>
        <source>No forward phase runs faster (the treadmill&apos;s own maximum also applies).</source>
        <translation>Ninguna fase adelante va más rápido (también rige el máximo de la cinta).</translation>
    </message>
    <message>
        <source>Ramp rate</source>
        <translation>Aceleración</translation>
    </message>
    <message>
        <source>How fast the speed may change, in steps. STOP is never ramped.</source>
        <translation>Lo rápido que puede cambiar la velocidad, por pasos. STOP nunca se suaviza.</translation>
    </message>
    <message>
        <source>Turning around</source>
        <translation>Al girar</translation>
    </message>
    <message>
        <source>Between forward and backward the belt slows down to this, then counts down.</source>
        <translation>Entre adelante y atrás la cinta frena hasta esto y luego cuenta atrás.</translation>
    </message>
    <message>
        <source>Belt stopped</source>
        <translation>Cinta parada</translation>
    </message>
    <message>
        <source>Slow walk</source>
        <translation>Caminar despacio</translation>
    </message>
    <message>
        <source>Turning walk speed</source>
        <translation>Velocidad al girar</translation>
    </message>
    <message>
        <source>Belt speed while turning with “Slow walk” (at most {limit} km/h).</source>
        <translation>Velocidad de la cinta al girar con «Caminar despacio» (máx. {limit} km/h).</translation>
    </message>
    <message>
        <source>Turn-around countdown</source>
        <translation>Cuenta atrás al girar</translation>
    </message>
    <message>
        <source>Seconds counted out loud before the belt moves in the new direction.</source>
        <translation>Segundos contados en voz alta antes de que la cinta cambie de sentido.</translation>
    </message>
    <message>
        <source>Start countdown</source>
        <translation>Cuenta atrás inicial</translation>
    </message>
    <message>
        <source>Seconds counted before the belt first moves.</source>
        <translation>Segundos contados antes de que arranque la cinta.</translation>
    </message>
    <message>
        <source>Heart-rate cap</source>
        <translation>Límite de pulso</translation>
    </message>
    <message>
        <source>Above it during a backward block, the belt slows to the turning speed.</source>
        <translation>Si lo superas en un bloque atrás, la cinta baja a la velocidad de giro.</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Pantalla</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Velocidad</translation>
    </message>
    <message>
        <source>Speeds on every screen and in the editor.</source>
        <translation>Velocidades en todas las pantallas y en el editor.</translation>
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
        <translation>Distancia</translation>
    </message>
    <message>
        <source>Distances on every screen.</source>
        <translation>Distancias en todas las pantallas.</translation>
    </message>
    <message>
        <source>Metric (km)</source>
        <translation>Métrico (km)</translation>
    </message>
    <message>
        <source>Imperial (mi)</source>
        <translation>Imperial (mi)</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Dark is easier to read from the treadmill.</source>
        <translation>El oscuro se lee mejor desde la cinta.</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Auto: the system&apos;s. EN English, DE Deutsch, ES Español, FR Français.</source>
        <translation>Auto: el del sistema. EN English, DE Deutsch, ES Español, FR Français.</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Sonido</translation>
    </message>
    <message>
        <source>Sound cues</source>
        <translation>Avisos sonoros</translation>
    </message>
    <message>
        <source>Beeps and tones before changes.</source>
        <translation>Pitidos y tonos antes de cada cambio.</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Voz</translation>
    </message>
    <message>
        <source>Spoken phrases: “backward in five”.</source>
        <translation>Frases habladas: «atrás en cinco».</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Presenter clicker</source>
        <translation>Presentador remoto</translation>
    </message>
    <message>
        <source>PageUp, PageDown, B, period, F5 and Escape from a clicker: any of them can stop; none can start the belt or speed it up.</source>
        <translation>RePág, AvPág, B, punto, F5 y Esc de un presentador: cualquiera puede parar; ninguna arranca ni acelera la cinta.</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Planes</translation>
    </message>
    <message>
        <source>Knee pain to move on</source>
        <translation>Dolor de rodilla para avanzar</translation>
    </message>
    <message>
        <source>A knee plan moves on only when knee pain stayed at or below this (0–10).</source>
        <translation>Un plan de rodilla solo avanza si el dolor de rodilla no pasó de este valor (0–10).</translation>
    </message>
    <message>
        <source>of 10</source>
        <translation>de 10</translation>
    </message>
    <message>
        <source>High knee pain</source>
        <translation>Dolor de rodilla alto</translation>
    </message>
    <message>
        <source>Knee pain at or above this steps the plan back; between: the same session.</source>
        <translation>Un dolor de rodilla igual o mayor hace retroceder el plan; entre ambos: la misma sesión.</translation>
    </message>
    <message>
        <source>Highest effort to move on</source>
        <translation>Esfuerzo máximo para avanzar</translation>
    </message>
    <message>
        <source>Effort (0–10) above this repeats the session instead of moving on.</source>
        <translation>Un esfuerzo (0–10) mayor repite la sesión en lugar de avanzar.</translation>
    </message>
    <message>
        <source>See a professional after</source>
        <translation>Consultar a un profesional tras</translation>
    </message>
    <message>
        <source>High knee pain this many sessions in a row: the plan says to see a professional.</source>
        <translation>Dolor de rodilla alto en tantas sesiones seguidas: el plan aconseja consultar a un profesional.</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>sesiones</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>Bluetooth traffic log</source>
        <translation>Registro Bluetooth</translation>
    </message>
    <message>
        <source>Records every packet to and from the treadmill, to attach to a bug report.</source>
        <translation>Guarda cada paquete hacia y desde la cinta, para adjuntar a un informe de error.</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Carpeta de registros</translation>
    </message>
    <message>
        <source>Where traffic logs are written.</source>
        <translation>Dónde se guardan los registros.</translation>
    </message>
    <message>
        <source>STOP</source>
        <translation>STOP</translation>
    </message>
    <message>
        <source>Pause / resume</source>
        <translation>Pausa / seguir</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Start / confirm</source>
        <translation>Iniciar / confirmar</translation>
    </message>
    <message>
        <source>Skip to the next phase</source>
        <translation>Saltar a la siguiente fase</translation>
    </message>
    <message>
        <source>Extend this phase</source>
        <translation>Alargar esta fase</translation>
    </message>
    <message>
        <source>STOP the belt at once (again: it stays stopped)</source>
        <translation>PARAR la cinta al instante (otra vez: sigue parada)</translation>
    </message>
    <message>
        <source>Pause / resume (resume counts down first)</source>
        <translation>Pausa / seguir (seguir cuenta atrás antes)</translation>
    </message>
    <message>
        <source>Pause (never resumes)</source>
        <translation>Pausa (nunca reanuda)</translation>
    </message>
    <message>
        <source>Start the session / confirm</source>
        <translation>Iniciar la sesión / confirmar</translation>
    </message>
    <message>
        <source>Extend the phase by 30 s</source>
        <translation>Alargar la fase 30 s</translation>
    </message>
    <message>
        <source>Speed +0.1</source>
        <translation>Velocidad +0,1</translation>
    </message>
    <message>
        <source>Speed −0.1</source>
        <translation>Velocidad −0,1</translation>
    </message>
    <message>
        <source>Speed +0.5</source>
        <translation>Velocidad +0,5</translation>
    </message>
    <message>
        <source>Speed −0.5</source>
        <translation>Velocidad −0,5</translation>
    </message>
    <message>
        <source>Full screen on / off</source>
        <translation>Pantalla completa sí / no</translation>
    </message>
    <message>
        <source>Show / hide this list</source>
        <translation>Mostrar / ocultar esta lista</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Teclado</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Pantalla completa</translation>
    </message>
    <message>
        <source>Show the keys</source>
        <translation>Mostrar las teclas</translation>
    </message>
    <message>
        <source>Type a number.</source>
        <translation>Escribe un número.</translation>
    </message>
    <message>
        <source>Refused: {typed} is outside {low}–{high} mph per s.</source>
        <translation>Rechazado: {typed} está fuera de {low}–{high} mph por s.</translation>
    </message>
    <message>
        <source>Type a whole number.</source>
        <translation>Escribe un número entero.</translation>
    </message>
    <message>
        <source>Unknown choice {value}.</source>
        <translation>Opción desconocida {value}.</translation>
    </message>
    <message>
        <source>Refused: {speed} {unit} is above the hard ceiling of {limit} {unit} for backward running.</source>
        <translation>Rechazado: {speed} {unit} supera el tope fijo de {limit} {unit} para correr hacia atrás.</translation>
    </message>
    <message>
        <source>Refused: {speed} {unit} is above the maximum, {limit} {unit}.</source>
        <translation>Rechazado: {speed} {unit} supera el máximo, {limit} {unit}.</translation>
    </message>
    <message>
        <source>Refused: {speed} {unit} is below the minimum, {limit} {unit}.</source>
        <translation>Rechazado: {speed} {unit} está por debajo del mínimo, {limit} {unit}.</translation>
    </message>
    <message>
        <source>Refused: {speed} {unit} is above your backward cap ({cap} {unit}). Raise the cap first.</source>
        <translation>Rechazado: {speed} {unit} supera tu límite atrás ({cap} {unit}). Sube antes el límite.</translation>
    </message>
    <message>
        <source>Refused: your default backward speed is {speed} {unit}. Lower it first.</source>
        <translation>Rechazado: tu velocidad atrás por defecto es {speed} {unit}. Bájala antes.</translation>
    </message>
    <message>
        <source>Refused: {reason}.</source>
        <translation>Rechazado: {reason}.</translation>
    </message>
    <message>
        <source>Bluetooth is off</source>
        <translation>Bluetooth está apagado</translation>
    </message>
    <message>
        <source>Turn Bluetooth on in your system settings, then scan again.</source>
        <translation>Activa Bluetooth en los ajustes del sistema y vuelve a buscar.</translation>
    </message>
    <message>
        <source>No Bluetooth on this computer</source>
        <translation>Este ordenador no tiene Bluetooth</translation>
    </message>
    <message>
        <source>This computer has no usable Bluetooth radio. Plug in a Bluetooth LE adapter, or try the app with --simulate.</source>
        <translation>Este ordenador no tiene una radio Bluetooth utilizable. Conecta un adaptador Bluetooth LE o prueba la app con --simulate.</translation>
    </message>
    <message>
        <source>No permission to use Bluetooth</source>
        <translation>Sin permiso para usar Bluetooth</translation>
    </message>
    <message>
        <source>Allow this app to use Bluetooth (macOS: System Settings › Privacy › Bluetooth; Linux: your user must be allowed to use BlueZ, e.g. the &apos;bluetooth&apos; group), then scan again.</source>
        <translation>Permite que esta app use Bluetooth (macOS: Ajustes del Sistema › Privacidad › Bluetooth; Linux: tu usuario debe poder usar BlueZ, p. ej. el grupo «bluetooth») y vuelve a buscar.</translation>
    </message>
    <message>
        <source>The treadmill is busy</source>
        <translation>La cinta está ocupada</translation>
    </message>
    <message>
        <source>It is connected to something else, or Bluetooth is still busy with a previous attempt. Close other fitness apps (phone, tablet, watch) that use the treadmill, wait a few seconds and try again.</source>
        <translation>Está conectada a otra cosa, o Bluetooth sigue ocupado con un intento anterior. Cierra otras apps de fitness (móvil, tableta, reloj) que usen la cinta, espera unos segundos y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Treadmill not found</source>
        <translation>Cinta no encontrada</translation>
    </message>
    <message>
        <source>Is it switched on and in range? Most treadmills stop advertising while another app is connected to them. Scan again when it is free.</source>
        <translation>¿Está encendida y al alcance? La mayoría de las cintas dejan de anunciarse mientras otra app está conectada. Vuelve a buscar cuando esté libre.</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>No se pudo conectar</translation>
    </message>
    <message>
        <source>Switch the treadmill off and on, then try again.</source>
        <translation>Apaga y enciende la cinta y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>{advice} ({detail})</source>
        <translation>{advice} ({detail})</translation>
    </message>
    <message>
        <source>Settings not saved: {why}</source>
        <translation>Ajustes no guardados: {why}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>débil</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>regular</translation>
    </message>
    <message>
        <source>good</source>
        <translation>buena</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>fuerte</translation>
    </message>
    <message>
        <source>signal unknown</source>
        <translation>señal desconocida</translation>
    </message>
    <message>
        <source>{quality} ({rssi} dBm)</source>
        <translation>{quality} ({rssi} dBm)</translation>
    </message>
    <message>
        <source>Scanning for treadmills…</source>
        <translation>Buscando cintas…</translation>
    </message>
    <message>
        <source>Not a treadmill</source>
        <translation>No es una cinta</translation>
    </message>
    <message>
        <source>This device does not say it is a fitness machine. If it is your treadmill, choose “This is my treadmill” first.</source>
        <translation>Este dispositivo no dice ser una máquina de fitness. Si es tu cinta, elige antes «Es mi cinta».</translation>
    </message>
    <message>
        <source>A session is under way</source>
        <translation>Hay una sesión en curso</translation>
    </message>
    <message>
        <source>Stop it (and end it) before connecting to another treadmill.</source>
        <translation>Párala (y termínala) antes de conectar otra cinta.</translation>
    </message>
    <message>
        <source>Connecting to {name}…</source>
        <translation>Conectando a {name}…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>Stop it (and end it) before disconnecting the treadmill.</source>
        <translation>Párala (y termínala) antes de desconectar la cinta.</translation>
    </message>
    <message>
        <source>Disconnecting from {name}…</source>
        <translation>Desconectando de {name}…</translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation>Desconectado.</translation>
    </message>
    <message>
        <source>Connected to {name}.</source>
        <translation>Conectado a {name}.</translation>
    </message>
    <message>
        <source>{problem} — this treadmill&apos;s check is not used; sessions use the safe defaults.</source>
        <translation>{problem} — no se usa la prueba de esta cinta; las sesiones usan valores seguros.</translation>
    </message>
    <message>
        <source>Sessions on this treadmill are refused</source>
        <translation>Se rechazan las sesiones en esta cinta</translation>
    </message>
    <message>
        <source>No treadmill found yet. Is it switched on and free (no other app connected)?</source>
        <translation>Aún no se ha encontrado ninguna cinta. ¿Está encendida y libre (sin otra app conectada)?</translation>
    </message>
    <message>
        <source>1 treadmill found.</source>
        <translation>1 cinta encontrada.</translation>
    </message>
    <message>
        <source>{count} treadmills found.</source>
        <translation>{count} cintas encontradas.</translation>
    </message>
    <message>
        <source>Slowing down: keep running forward</source>
        <translation>Frenando: sigue hacia delante</translation>
    </message>
    <message>
        <source>Belt stopped. Turn around</source>
        <translation>Cinta parada. Date la vuelta</translation>
    </message>
    <message>
        <source>Backward in {seconds}</source>
        <translation>Atrás en {seconds}</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>Sound is off: Qt Multimedia could not be loaded ({why}).</source>
        <translation>Sonido apagado: no se pudo cargar Qt Multimedia ({why}).</translation>
    </message>
    <message>
        <source>No audio output found: cues are shown on screen only.</source>
        <translation>No hay salida de audio: los avisos solo se ven en pantalla.</translation>
    </message>
    <message>
        <source>Sound plays on {device}.</source>
        <translation>El sonido sale por {device}.</translation>
    </message>
    <message>
        <source>Looking for an audio output…</source>
        <translation>Buscando salida de audio…</translation>
    </message>
    <message>
        <source>Sound is off.</source>
        <translation>Sonido apagado.</translation>
    </message>
    <message>
        <source>No sound files in {folder}: cues are shown on screen only.</source>
        <translation>No hay archivos de sonido en {folder}: los avisos solo se ven en pantalla.</translation>
    </message>
    <message>
        <source>Sound is off in Settings.</source>
        <translation>El sonido está apagado en Ajustes.</translation>
    </message>
    <message>
        <source>Speed {speed}</source>
        <translation>Velocidad {speed}</translation>
    </message>
    <message>
        <source>Sound could not be played ({file}): cues are shown on screen only.</source>
        <translation>No se pudo reproducir el sonido ({file}): los avisos solo se ven en pantalla.</translation>
    </message>
    <message>
        <source>Waiting for the belt to stop</source>
        <translation>Esperando a que pare la cinta</translation>
    </message>
    <message>
        <source>Waiting for the belt to slow down</source>
        <translation>Esperando a que frene la cinta</translation>
    </message>
    <message>
        <source>The treadmill did not start ({result}).</source>
        <translation>La cinta no arrancó ({result}).</translation>
    </message>
    <message>
        <source>The belt has not started moving yet; the ramp waits for it.</source>
        <translation>La cinta aún no se mueve; la subida la espera.</translation>
    </message>
    <message>
        <source>This treadmill cannot set an incline: running flat.</source>
        <translation>Esta cinta no puede inclinarse: se corre en plano.</translation>
    </message>
    <message>
        <source>Incline {incline} %: {result}.</source>
        <translation>Inclinación {incline} %: {result}.</translation>
    </message>
    <message>
        <source>{why}: the belt still runs at {speed} after {seconds} s.</source>
        <translation>{why}: la cinta sigue a {speed} tras {seconds} s.</translation>
    </message>
    <message>
        <source>The belt runs at {actual} instead of {peak} (does its console read speeds in mph?). Stopping.</source>
        <translation>La cinta va a {actual} en vez de {peak} (¿su consola lee la velocidad en mph?). Parando.</translation>
    </message>
    <message>
        <source>The belt sped up to {actual} on its own, faster than the ramp (set to {peak}): the treadmill may have gone back to an earlier speed. Stopping.</source>
        <translation>La cinta aceleró sola a {actual}, más rápido que la subida (fijada en {peak}): puede que la cinta volviera a una velocidad anterior. Parando.</translation>
    </message>
    <message>
        <source>The ramp to {speed} stalled.</source>
        <translation>La subida a {speed} se ha atascado.</translation>
    </message>
    <message>
        <source>The belt does not follow the ramp: it runs at {speed} after {seconds} s.</source>
        <translation>La cinta no sigue la subida: va a {speed} tras {seconds} s.</translation>
    </message>
    <message>
        <source>The belt runs at {speed} instead of {target}; the phase starts anyway.</source>
        <translation>La cinta va a {speed} en vez de {target}; la fase empieza igualmente.</translation>
    </message>
    <message>
        <source>Session done. Stopping the belt.</source>
        <translation>Sesión terminada. Parando la cinta.</translation>
    </message>
    <message>
        <source>Safety check failed ({why}). Stopping.</source>
        <translation>Falló la comprobación de seguridad ({why}). Parando.</translation>
    </message>
    <message>
        <source>The treadmill does not accept commands any more (control not permitted). Use its console or the safety key.</source>
        <translation>La cinta ya no acepta órdenes (control no permitido). Usa su consola o la llave de seguridad.</translation>
    </message>
    <message>
        <source>Speed {speed}: {result}.</source>
        <translation>Velocidad {speed}: {result}.</translation>
    </message>
    <message>
        <source>The treadmill keeps refusing speed changes.</source>
        <translation>La cinta sigue rechazando los cambios de velocidad.</translation>
    </message>
    <message>
        <source>Cannot connect to the treadmill: {error}</source>
        <translation>No se puede conectar con la cinta: {error}</translation>
    </message>
    <message>
        <source>Safety key pulled: the treadmill stopped.</source>
        <translation>Llave de seguridad quitada: la cinta se ha parado.</translation>
    </message>
    <message>
        <source>Stopped from the treadmill&apos;s console.</source>
        <translation>Parado desde la consola de la cinta.</translation>
    </message>
    <message>
        <source>The treadmill was reset.</source>
        <translation>La cinta se ha reiniciado.</translation>
    </message>
    <message>
        <source>The treadmill took back control; asking for it again.</source>
        <translation>La cinta recuperó el control; pidiéndolo de nuevo.</translation>
    </message>
    <message>
        <source>The belt was started from the treadmill&apos;s console.</source>
        <translation>La cinta se arrancó desde su consola.</translation>
    </message>
    <message>
        <source>Connection lost!</source>
        <translation>¡Conexión perdida!</translation>
    </message>
    <message>
        <source>Connection to the treadmill lost. The belt may still be running at {speed}: use the console or pull the safety key. Reconnecting…</source>
        <translation>Conexión con la cinta perdida. La cinta puede seguir a {speed}: usa la consola o quita la llave de seguridad. Reconectando…</translation>
    </message>
    <message>
        <source>Connection to the treadmill lost. Reconnecting…</source>
        <translation>Conexión con la cinta perdida. Reconectando…</translation>
    </message>
    <message>
        <source>Could not reconnect to the treadmill.</source>
        <translation>No se pudo reconectar con la cinta.</translation>
    </message>
    <message>
        <source>The session stopped on an {error}.</source>
        <translation>La sesión se paró por un error: {error}.</translation>
    </message>
    <message>
        <source>Pausing</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Resume only works while paused.</source>
        <translation>Seguir solo funciona en pausa.</translation>
    </message>
    <message>
        <source>STOP will be sent the moment the treadmill is reachable again. If the belt moves, pull the safety key.</source>
        <translation>STOP se enviará en cuanto la cinta vuelva a estar accesible. Si la cinta se mueve, quita la llave de seguridad.</translation>
    </message>
    <message>
        <source>Limited by the {limit}.</source>
        <translation>Limitado: {limit}.</translation>
    </message>
    <message>
        <source>Reconnected. The belt was stopped; press resume when you are ready.</source>
        <translation>Reconectado. La cinta se paró; pulsa SEGUIR cuando estés listo.</translation>
    </message>
    <message>
        <source>Reconnected. The belt was stopped; press start when you are ready.</source>
        <translation>Reconectado. La cinta se paró; pulsa INICIAR cuando estés listo.</translation>
    </message>
    <message>
        <source>Paused from the treadmill&apos;s console.</source>
        <translation>Pausado desde la consola de la cinta.</translation>
    </message>
    <message>
        <source>{what} Resume when ready.</source>
        <translation>{what} Sigue cuando estés listo.</translation>
    </message>
    <message>
        <source>{what} Press start when you are ready.</source>
        <translation>{what} Pulsa INICIAR cuando estés listo.</translation>
    </message>
    <message>
        <source>Speed set to {speed} on the console (above your {direction} cap {cap}): kept for this phase.</source>
        <translation>Velocidad puesta a {speed} en la consola (por encima de tu límite {direction} de {cap}): se mantiene en esta fase.</translation>
    </message>
    <message>
        <source>Speed set to {speed} on the console: kept for this phase.</source>
        <translation>Velocidad puesta a {speed} en la consola: se mantiene en esta fase.</translation>
    </message>
    <message>
        <source>The belt runs at {speed}, above your {direction} cap {cap}. Stopping.</source>
        <translation>La cinta va a {speed}, por encima de tu límite {direction} de {cap}. Parando.</translation>
    </message>
    <message>
        <source>The belt runs at {speed}, instead of {setpoint} (does its console read speeds in mph?). Stopping.</source>
        <translation>La cinta va a {speed} en vez de {setpoint} (¿su consola usa mph?). Parando.</translation>
    </message>
    <message>
        <source>The belt still runs at {speed} while the session is {state}: stopping it.</source>
        <translation>La cinta sigue a {speed} con la sesión {state}: parándola.</translation>
    </message>
    <message>
        <source>Heart rate {hr} is above your cap {limit} bpm: slowing to {speed} in {lead} s.</source>
        <translation>Pulso {hr} por encima de tu límite de {limit} ppm: bajando a {speed} en {lead} s.</translation>
    </message>
    <message>
        <source>Heart rate above {limit}: slowing to {speed} in {lead}</source>
        <translation>Pulso por encima de {limit}: bajando a {speed} en {lead}</translation>
    </message>
    <message>
        <source>{change} in {seconds}</source>
        <translation>{change} en {seconds}</translation>
    </message>
    <message>
        <source>Skip works while a phase runs (not during a turn-around or a pause).</source>
        <translation>Saltar funciona mientras corre una fase (no al girar ni en pausa).</translation>
    </message>
    <message>
        <source>Extend works while a phase runs.</source>
        <translation>Alargar funciona mientras corre una fase.</translation>
    </message>
    <message>
        <source>Speed changes work while a phase runs.</source>
        <translation>Cambiar la velocidad funciona mientras corre una fase.</translation>
    </message>
    <message>
        <source>The session is over.</source>
        <translation>La sesión ha terminado.</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>atrás</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>adelante</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pausa</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>parada</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminada</translation>
    </message>
    <message>
        <source>&apos;{action}&apos; does not apply now.</source>
        <translation>«{action}» no se puede ahora.</translation>
    </message>
    <message>
        <source>Pause: {result}; stopping the belt instead.</source>
        <translation>Pausa: {result}; se para la cinta en su lugar.</translation>
    </message>
    <message>
        <source>{why} Stopping the session.</source>
        <translation>{why} Parando la sesión.</translation>
    </message>
    <message>
        <source>{why} Stopping.</source>
        <translation>{why} Parando.</translation>
    </message>
    <message>
        <source>STOP not confirmed. Pull the safety key!</source>
        <translation>STOP sin confirmar. ¡Quita la llave de seguridad!</translation>
    </message>
    <message>
        <source>The treadmill did not confirm STOP. Pull the safety key now!</source>
        <translation>La cinta no confirmó STOP. ¡Quita ya la llave de seguridad!</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>Calentamiento</translation>
    </message>
    <message>
        <source>Backward block</source>
        <translation>Bloque atrás</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Adelante</translation>
    </message>
    <message>
        <source>Safety key pulled: the treadmill stopped</source>
        <translation>Llave de seguridad quitada: la cinta se ha parado</translation>
    </message>
    <message>
        <source>Stopped from the treadmill&apos;s console</source>
        <translation>Parado desde la consola de la cinta</translation>
    </message>
    <message>
        <source>The treadmill was reset</source>
        <translation>La cinta se ha reiniciado</translation>
    </message>
    <message>
        <source>Paused from the treadmill&apos;s console</source>
        <translation>Pausado desde la consola de la cinta</translation>
    </message>
    <message>
        <source>{name} skipped after {ran} of {planned}</source>
        <translation>{name} saltado tras {ran} de {planned}</translation>
    </message>
    <message>
        <source>{name} skipped after {ran}</source>
        <translation>{name} saltado tras {ran}</translation>
    </message>
    <message>
        <source>Connection lost for {lost}, not back by the end: the belt ran unattended at {speed} for up to {lost}</source>
        <translation>Conexión perdida durante {lost}, sin volver hasta el final: la cinta siguió sin control a {speed} hasta {lost}</translation>
    </message>
    <message>
        <source>Connection lost for {lost}: the belt ran unattended at {speed} for up to {lost}, until the app reconnected and stopped it</source>
        <translation>Conexión perdida durante {lost}: la cinta siguió sin control a {speed} hasta {lost}, hasta que la app reconectó y la paró</translation>
    </message>
    <message>
        <source>Connection lost for {lost}, not back by the end</source>
        <translation>Conexión perdida durante {lost}, sin volver hasta el final</translation>
    </message>
    <message>
        <source>Connection lost for {lost}</source>
        <translation>Conexión perdida durante {lost}</translation>
    </message>
    <message>
        <source>Forward run</source>
        <translation>Carrera adelante</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Recuperación</translation>
    </message>
    <message>
        <source>Cool-down</source>
        <translation>Vuelta a la calma</translation>
    </message>
    <message>
        <source>Walk</source>
        <translation>Caminar</translation>
    </message>
    <message>
        <source>{phase}: speed {speed}, incline {incline} %</source>
        <translation>{phase}: velocidad {speed}, inclinación {incline} %</translation>
    </message>
    <message>
        <source>{phase}: speed {speed}</source>
        <translation>{phase}: velocidad {speed}</translation>
    </message>
    <message>
        <source>Speed up to {speed} in {seconds}</source>
        <translation>Sube a {speed} en {seconds}</translation>
    </message>
    <message>
        <source>Speed down to {speed} in {seconds}</source>
        <translation>Baja a {speed} en {seconds}</translation>
    </message>
    <message>
        <source>Last block</source>
        <translation>Último bloque</translation>
    </message>
    <message>
        <source>Starting: backward in {seconds}</source>
        <translation>Empieza: atrás en {seconds}</translation>
    </message>
    <message>
        <source>Starting: forward in {seconds}</source>
        <translation>Empieza: adelante en {seconds}</translation>
    </message>
    <message>
        <source>{phase} at {speed} will run at {allowed} ({why}).</source>
        <translation>{phase} a {speed} irá a {allowed} ({why}).</translation>
    </message>
    <message>
        <source>Slowing down in {seconds}: keep running backward</source>
        <translation>Frenando en {seconds}: sigue hacia atrás</translation>
    </message>
    <message>
        <source>Slowing down in {seconds}: keep running forward</source>
        <translation>Frenando en {seconds}: sigue hacia delante</translation>
    </message>
    <message>
        <source>Slowing down: keep running backward</source>
        <translation>Frenando: sigue hacia atrás</translation>
    </message>
    <message>
        <source>Belt at walking speed. Turn around</source>
        <translation>Cinta al paso. Date la vuelta</translation>
    </message>
    <message>
        <source>Forward in {seconds}</source>
        <translation>Adelante en {seconds}</translation>
    </message>
    <message>
        <source>not supported by the treadmill</source>
        <translation>la cinta no lo admite</translation>
    </message>
    <message>
        <source>refused (invalid value)</source>
        <translation>rechazado (valor no válido)</translation>
    </message>
    <message>
        <source>refused by the treadmill</source>
        <translation>rechazado por la cinta</translation>
    </message>
    <message>
        <source>control not permitted</source>
        <translation>control no permitido</translation>
    </message>
    <message>
        <source>no answer from the treadmill</source>
        <translation>la cinta no responde</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>{result} ({detail})</source>
        <translation>{result} ({detail})</translation>
    </message>
    <message>
        <source>{task} failed: {why}</source>
        <translation>{task} falló: {why}</translation>
    </message>
    <message>
        <source>This session is being recorded right now.</source>
        <translation>Esta sesión se está grabando ahora mismo.</translation>
    </message>
    <message>
        <source>Not deleted: {why}</source>
        <translation>No se borró: {why}</translation>
    </message>
    <message>
        <source>Not restored: {why}</source>
        <translation>No se restauró: {why}</translation>
    </message>
    <message>
        <source>Not saved: {count} problem(s) to fix first.</source>
        <translation>No guardado: antes hay que corregir {count} problema(s).</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>No guardado: {why}</translation>
    </message>
    <message>
        <source>Saved “{name}”.</source>
        <translation>«{name}» guardado.</translation>
    </message>
    <message>
        <source>A session is under way: stop it before choosing another.</source>
        <translation>Hay una sesión en curso: párala antes de elegir otra.</translation>
    </message>
    <message>
        <source>This session is not recorded: {why}</source>
        <translation>Esta sesión no se graba: {why}</translation>
    </message>
    <message>
        <source>no contact</source>
        <translation>sin contacto</translation>
    </message>
    <message>
        <source>strap lost</source>
        <translation>banda perdida</translation>
    </message>
    <message>
        <source>Looking for heart-rate straps… (wear yours: most sleep until worn)</source>
        <translation>Buscando bandas de pulso… (póntela: la mayoría duermen hasta que se llevan puestas)</translation>
    </message>
    <message>
        <source>{problem}: {advice}</source>
        <translation>{problem}: {advice}</translation>
    </message>
    <message>
        <source>No heart-rate strap heard. Wear it (moisten the electrodes) and look again.</source>
        <translation>No se oye ninguna banda de pulso. Póntela (humedece los electrodos) y vuelve a buscar.</translation>
    </message>
    <message>
        <source>1 strap found.</source>
        <translation>1 banda encontrada.</translation>
    </message>
    <message>
        <source>{count} straps found.</source>
        <translation>{count} bandas encontradas.</translation>
    </message>
    <message>
        <source>Heart-rate strap back.</source>
        <translation>Banda de pulso de vuelta.</translation>
    </message>
    <message>
        <source>Not loaded (the files are left as they are):</source>
        <translation>No cargados (los archivos se quedan como están):</translation>
    </message>
    <message>
        <source>Deleted “{name}”</source>
        <translation>«{name}» borrado</translation>
    </message>
    <message>
        <source>That preset is gone (was its file removed?).</source>
        <translation>Ese programa ya no está (¿se borró su archivo?).</translation>
    </message>
    <message>
        <source>Could not duplicate “{name}”: {why}</source>
        <translation>No se pudo duplicar «{name}»: {why}</translation>
    </message>
    <message>
        <source>Saved a copy: “{name}”.</source>
        <translation>Copia guardada: «{name}».</translation>
    </message>
    <message>
        <source>Built-in presets cannot be deleted.</source>
        <translation>Los programas incluidos no se pueden borrar.</translation>
    </message>
    <message>
        <source>Could not delete “{name}”: {why}</source>
        <translation>No se pudo borrar «{name}»: {why}</translation>
    </message>
    <message>
        <source>Could not restore “{name}”: {why}</source>
        <translation>No se pudo restaurar «{name}»: {why}</translation>
    </message>
    <message>
        <source>Imported “{name}”.</source>
        <translation>«{name}» importado.</translation>
    </message>
    <message>
        <source>Imported “{name}”. Adapted: {why}.</source>
        <translation>«{name}» importado. Adaptado: {why}.</translation>
    </message>
    <message>
        <source>Imported “{name}”. Adapted: {why} (and {more} more).</source>
        <translation>«{name}» importado. Adaptado: {why} (y {more} más).</translation>
    </message>
    <message>
        <source>Not imported: {why}</source>
        <translation>No importado: {why}</translation>
    </message>
    <message>
        <source>Not imported: cannot read {path}: {why}</source>
        <translation>No importado: no se puede leer {path}: {why}</translation>
    </message>
    <message>
        <source>Not exported: no such preset.</source>
        <translation>No exportado: no existe ese programa.</translation>
    </message>
    <message>
        <source>New to backward running? Start here, at a gentle speed.</source>
        <translation>¿Nuevo en la carrera hacia atrás? Empieza aquí, a una velocidad suave.</translation>
    </message>
    <message>
        <source>Not exported: {why}</source>
        <translation>No exportado: {why}</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>Exportado a {path}.</translation>
    </message>
    <message>
        <source>Could not save the suggestion: {why}</source>
        <translation>No se pudo guardar la sugerencia: {why}</translation>
    </message>
    <message>
        <source>could not start the export: {why}</source>
        <translation>no se pudo iniciar la exportación: {why}</translation>
    </message>
    <message>
        <source>the export took longer than {seconds} s</source>
        <translation>la exportación tardó más de {seconds} s</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exportado a {path}</translation>
    </message>
    <message>
        <source>Plans need the history: {why}</source>
        <translation>Los planes necesitan el historial: {why}</translation>
    </message>
    <message>
        <source>Plans: {why}</source>
        <translation>Planes: {why}</translation>
    </message>
    <message>
        <source>{per_week}× a week · about {weeks} weeks · {steps} steps</source>
        <translation>{per_week}× por semana · unas {weeks} semanas · {steps} etapas</translation>
    </message>
    <message>
        <source>{load} · 1 good session</source>
        <translation>{load} · 1 sesión buena</translation>
    </message>
    <message>
        <source>{load} · {n} good sessions</source>
        <translation>{load} · {n} sesiones buenas</translation>
    </message>
    <message>
        <source>Step {step} of {total}</source>
        <translation>Etapa {step} de {total}</translation>
    </message>
    <message>
        <source>{load} · {good} of {total} good sessions done</source>
        <translation>{load} · {good} de {total} sesiones buenas hechas</translation>
    </message>
    <message>
        <source>The plan was not started: {why}</source>
        <translation>El plan no se inició: {why}</translation>
    </message>
    <message>
        <source>The plan was not stopped: {why}</source>
        <translation>El plan no se detuvo: {why}</translation>
    </message>
    <message>
        <source>This session is not in the history: the plan cannot count it.</source>
        <translation>Esta sesión no está en el historial: el plan no puede contarla.</translation>
    </message>
    <message>
        <source>Heart rate {hr} (zone {zone}): easing to {speed}</source>
        <translation>Pulso {hr} (zona {zone}): bajando a {speed}</translation>
    </message>
    <message>
        <source>Heart rate {hr} (zone {zone}): up to {speed}</source>
        <translation>Pulso {hr} (zona {zone}): subiendo a {speed}</translation>
    </message>
    <message>
        <source>Heart rate lost: back to {speed}</source>
        <translation>Pulso perdido: vuelta a {speed}</translation>
    </message>
    <message>
        <source>your knee said {pain}/10, {count} sessions in a row: please see a physiotherapist or doctor before you go on</source>
        <translation>tu rodilla marcó {pain}/10, {count} sesiones seguidas: consulta a un fisioterapeuta o a un médico antes de seguir</translation>
    </message>
    <message>
        <source>your knee said {pain}/10</source>
        <translation>tu rodilla marcó {pain}/10</translation>
    </message>
    <message>
        <source>the session ended early</source>
        <translation>la sesión terminó antes de tiempo</translation>
    </message>
    <message>
        <source>no debrief was given</source>
        <translation>no hubo valoración</translation>
    </message>
    <message>
        <source>no knee pain was given</source>
        <translation>no se indicó el dolor de rodilla</translation>
    </message>
    <message>
        <source>effort {rpe}/10 was above {most}/10</source>
        <translation>el esfuerzo {rpe}/10 superó {most}/10</translation>
    </message>
    <message>
        <source>finished, effort {rpe}/10, knee {pain}/10</source>
        <translation>terminada, esfuerzo {rpe}/10, rodilla {pain}/10</translation>
    </message>
    <message>
        <source>finished, effort {rpe}/10</source>
        <translation>terminada, esfuerzo {rpe}/10</translation>
    </message>
    <message>
        <source>Plan complete: well done. Keep the last session going, or start a new plan.</source>
        <translation>Plan completado: ¡bien hecho! Sigue con la última sesión o empieza un plan nuevo.</translation>
    </message>
    <message>
        <source>First session: step 1, “{title}”.</source>
        <translation>Primera sesión: etapa 1, «{title}».</translation>
    </message>
    <message>
        <source>Next time: the first step again, “{title}” — {why}.</source>
        <translation>La próxima vez: otra vez la primera etapa, «{title}» — {why}.</translation>
    </message>
    <message>
        <source>Next time: one step back, “{title}” — {why}.</source>
        <translation>La próxima vez: una etapa atrás, «{title}» — {why}.</translation>
    </message>
    <message>
        <source>Next time: same session — {why}.</source>
        <translation>La próxima vez: la misma sesión — {why}.</translation>
    </message>
    <message>
        <source>Next time: step {step}, “{title}” — {why}.</source>
        <translation>La próxima vez: etapa {step}, «{title}» — {why}.</translation>
    </message>
    <message>
        <source>Next time: same session, {good} of {total} good sessions done — {why}.</source>
        <translation>La próxima vez: la misma sesión, {good} de {total} sesiones buenas hechas — {why}.</translation>
    </message>
    <message>
        <source>Week {week} · {sessions} so far</source>
        <translation>Semana {week} · {sessions} hasta ahora</translation>
    </message>
    <message>
        <source>Week {week} · {sessions} · {percent} % of the planned sessions in the weeks gone</source>
        <translation>Semana {week} · {sessions} · {percent} % de las sesiones previstas en las semanas pasadas</translation>
    </message>
    <message>
        <source>{n} session</source>
        <translation>{n} sesión</translation>
    </message>
    <message>
        <source>{n} sessions</source>
        <translation>{n} sesiones</translation>
    </message>
    <message>
        <source>The treadmill sends its speed again: the session goes on.</source>
        <translation>La cinta vuelve a enviar su velocidad: la sesión sigue.</translation>
    </message>
    <message>
        <source>The belt runs at {actual} after the treadmill was silent (the session asked for {asked}): stopping.</source>
        <translation>La cinta va a {actual} tras estar callada (la sesión pidió {asked}): se para.</translation>
    </message>
    <message>
        <source>No speed from the treadmill</source>
        <translation>La cinta no envía la velocidad</translation>
    </message>
    <message>
        <source>No speed from the treadmill for {silent} s: holding every automatic change and asking it again. The session stops in {give_up} s unless it answers.</source>
        <translation>La cinta no envía la velocidad desde hace {silent} s: se retiene todo cambio automático y se le vuelve a pedir. La sesión se para en {give_up} s si no responde.</translation>
    </message>
    <message>
        <source>The treadmill stopped sending its speed ({silent} s without data): stopping. Check the treadmill, then press start to go on or END to finish.</source>
        <translation>La cinta dejó de enviar su velocidad ({silent} s sin datos): se para. Revisa la cinta y pulsa INICIAR para seguir o FIN para terminar.</translation>
    </message>
    <message>
        <source>{blocks} × {seconds} s backward at {speed} km/h</source>
        <translation>{blocks} × {seconds} s atrás a {speed} km/h</translation>
    </message>
    <message>
        <source>1 mile</source>
        <translation>1 milla</translation>
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
        <translation>media maratón</translation>
    </message>
    <message>
        <source>marathon</source>
        <translation>maratón</translation>
    </message>
    <message>
        <source>pace {value} is not one of Zwift&apos;s run paces (0 mile, 1 5 km, 2 10 km, 3 half marathon, 4 marathon): approximated by your threshold pace</source>
        <translation>pace {value} no es uno de los ritmos de carrera de Zwift (0 milla, 1 5 km, 2 10 km, 3 media maratón, 4 maratón): aproximado por tu ritmo umbral</translation>
    </message>
    <message>
        <source>pace {value} ({name} pace) approximated as {percent} of your threshold pace (Riegel&apos;s race-time formula)</source>
        <translation>pace {value} (ritmo de {name}) aproximado como {percent} de tu ritmo umbral (fórmula de Riegel para tiempos de carrera)</translation>
    </message>
    <message>
        <source>treadmill{prefix}HrLow and …HrHigh come together</source>
        <translation>treadmill{prefix}HrLow y …HrHigh van siempre juntos</translation>
    </message>
    <message>
        <source>a heart-rate step without its speed: it starts at {speed} km/h</source>
        <translation>un paso de frecuencia cardiaca sin velocidad: empieza a {speed} km/h</translation>
    </message>
    <message>
        <source>a heart-rate zone of the watch{which}: the file gives no heart rate</source>
        <translation>una zona de frecuencia cardiaca del reloj{which}: el archivo no da ninguna frecuencia cardiaca</translation>
    </message>
    <message>
        <source>a heart-rate target in % of the maximum: give it in bpm</source>
        <translation>un objetivo de frecuencia cardiaca en % del máximo: indícalo en ppm</translation>
    </message>
    <message>
        <source>a backward step cannot follow the heart rate (its speed stays fixed)</source>
        <translation>un paso hacia atrás no puede seguir la frecuencia cardiaca (su velocidad queda fija)</translation>
    </message>
    <message>
        <source>backward cap {speed}</source>
        <translation>límite atrás {speed}</translation>
    </message>
    <message>
        <source>the treadmill&apos;s maximum {speed}</source>
        <translation>máximo de la cinta {speed}</translation>
    </message>
    <message>
        <source>forward cap {speed}</source>
        <translation>límite adelante {speed}</translation>
    </message>
    <message>
        <source>the treadmill&apos;s minimum {speed}</source>
        <translation>mínimo de la cinta {speed}</translation>
    </message>
    <message>
        <source>{file}: {why}</source>
        <translation>{file}: {why}</translation>
    </message>
    <message>
        <source>{file}, line {line}: {why}</source>
        <translation>{file}, línea {line}: {why}</translation>
    </message>
    <message>
        <source>Backward warm-up</source>
        <translation>Calentamiento hacia atrás</translation>
    </message>
    <message>
        <source>A nine-minute warm-up before your training: an easy walk, then three minutes of backward walking at 2.5 km/h in one-minute blocks, with a minute of forward jogging after each. Wakes up the calves, the quads and your balance.</source>
        <translation>Un calentamiento de nueve minutos antes de entrenar: caminar suave y luego tres minutos caminando hacia atrás a 2,5 km/h en bloques de un minuto, con un minuto de trote hacia delante después de cada uno. Despierta los gemelos, los cuádriceps y el equilibrio.</translation>
    </message>
    <message>
        <source>Eight by ninety (45 min)</source>
        <translation>Ocho por noventa (45 min)</translation>
    </message>
    <message>
        <source>A full 45-minute session for experienced backward runners: a long warm-up, a steady forward run, then eight backward blocks of 90 seconds at 3.0 km/h with two minutes of forward recovery, and a cool-down. Twelve minutes backward in all.</source>
        <translation>Una sesión completa de 45 minutos para corredores hacia atrás con experiencia: un calentamiento largo, una carrera constante hacia delante, luego ocho bloques hacia atrás de 90 segundos a 3,0 km/h con dos minutos de recuperación hacia delante y una vuelta a la calma. Doce minutos hacia atrás en total.</translation>
    </message>
    <message>
        <source>First steps</source>
        <translation>Primeros pasos</translation>
    </message>
    <message>
        <source>Your first backward running. An easy warm-up walk and a gentle forward jog, then two short backward blocks of 30 seconds at a slow 3.0 km/h, each followed by 90 seconds of easy forward running to recover. Keep your steps short, land on the balls of your feet, and hold the rails if you need to. About 15 minutes.</source>
        <translation>Tu primera carrera hacia atrás. Una caminata suave de calentamiento y un trote suave hacia delante, luego dos bloques cortos hacia atrás de 30 segundos a unos lentos 3,0 km/h, cada uno seguido de 90 segundos de carrera suave hacia delante para recuperar. Da pasos cortos, apoya la parte delantera del pie y sujétate a las barras si lo necesitas. Unos 15 minutos.</translation>
    </message>
    <message>
        <source>Four by forty-five</source>
        <translation>Cuatro por cuarenta y cinco</translation>
    </message>
    <message>
        <source>Longer blocks, same speed: four backward blocks of 45 seconds at 3.0 km/h with 90 seconds of forward recovery. Stay relaxed and upright; if your calves burn, step back down to &quot;Four by thirty&quot;. About 20 minutes.</source>
        <translation>Bloques más largos, la misma velocidad: cuatro bloques hacia atrás de 45 segundos a 3,0 km/h con 90 segundos de recuperación hacia delante. Mantente relajado y erguido; si te arden los gemelos, vuelve a «Cuatro por treinta». Unos 20 minutos.</translation>
    </message>
    <message>
        <source>Four by ninety</source>
        <translation>Cuatro por noventa</translation>
    </message>
    <message>
        <source>Four backward blocks of 90 seconds at 3.0 km/h with two minutes of forward recovery. Long enough to settle into a rhythm: short quick steps, eyes ahead, arms relaxed. About 25 minutes.</source>
        <translation>Cuatro bloques hacia atrás de 90 segundos a 3,0 km/h con dos minutos de recuperación hacia delante. Lo bastante largos para coger el ritmo: pasos cortos y rápidos, la vista al frente, los brazos relajados. Unos 25 minutos.</translation>
    </message>
    <message>
        <source>Four by sixty</source>
        <translation>Cuatro por sesenta</translation>
    </message>
    <message>
        <source>A full minute backward, four times, at 3.0 km/h, with 90 seconds of forward recovery in between. This is where backward running starts to work your quads and knees in a new way. About 21 minutes.</source>
        <translation>Un minuto entero hacia atrás, cuatro veces, a 3,0 km/h, con 90 segundos de recuperación hacia delante entre medias. Aquí la carrera hacia atrás empieza a trabajar los cuádriceps y las rodillas de una forma nueva. Unos 21 minutos.</translation>
    </message>
    <message>
        <source>Four by thirty</source>
        <translation>Cuatro por treinta</translation>
    </message>
    <message>
        <source>The classic start once &quot;First steps&quot; feels easy: four backward blocks of 30 seconds at 3.0 km/h, each followed by 90 seconds of easy forward running. Same gentle speed, twice the blocks. About 19 minutes.</source>
        <translation>El comienzo clásico cuando «Primeros pasos» ya resulta fácil: cuatro bloques hacia atrás de 30 segundos a 3,0 km/h, cada uno seguido de 90 segundos de carrera suave hacia delante. La misma velocidad suave, el doble de bloques. Unos 19 minutos.</translation>
    </message>
    <message>
        <source>Knee-friendly backward walk</source>
        <translation>Caminar hacia atrás, suave para las rodillas</translation>
    </message>
    <message>
        <source>Backward walking uphill is used in knee rehabilitation: it strengthens the thigh muscles with little load on the front of the knee. Six blocks of two minutes walking backward at 2.0 km/h on a 4 % incline, each followed by a minute of easy forward walking. On a treadmill that cannot incline it is walked flat. About 26 minutes.</source>
        <translation>Caminar hacia atrás cuesta arriba se usa en la rehabilitación de rodilla: fortalece los músculos del muslo con poca carga en la parte delantera de la rodilla. Seis bloques de dos minutos caminando hacia atrás a 2,0 km/h con una inclinación del 4 %, cada uno seguido de un minuto de caminata suave hacia delante. En una cinta sin inclinación se camina en llano. Unos 26 minutos.</translation>
    </message>
    <message>
        <source>Referee / defender conditioning</source>
        <translation>Preparación para árbitros y defensas</translation>
    </message>
    <message>
        <source>For referees and defenders, who back-pedal many times in a match: ten short backward segments of 20 seconds at 4.0 km/h between 40-second forward runs at 8.0 km/h. The belt turns at a walk instead of stopping, so the turns come quickly: listen for the countdown. About 28 minutes, most of it turning and running.</source>
        <translation>Para árbitros y defensas, que corren hacia atrás muchas veces en un partido: diez tramos cortos hacia atrás de 20 segundos a 4,0 km/h entre carreras hacia delante de 40 segundos a 8,0 km/h. La cinta gira al paso en lugar de pararse, así que los giros llegan rápido: atento a la cuenta atrás. Unos 28 minutos, casi todo girando y corriendo.</translation>
    </message>
    <message>
        <source>Six by ninety</source>
        <translation>Seis por noventa</translation>
    </message>
    <message>
        <source>More blocks instead of faster ones: six backward blocks of 90 seconds at 3.0 km/h with two minutes of forward recovery. Nine minutes of backward running in all. About 32 minutes.</source>
        <translation>Más bloques en lugar de más rápidos: seis bloques hacia atrás de 90 segundos a 3,0 km/h con dos minutos de recuperación hacia delante. Nueve minutos de carrera hacia atrás en total. Unos 32 minutos.</translation>
    </message>
    <message>
        <source>Back-pedal</source>
        <translation>Carrera hacia atrás</translation>
    </message>
    <message>
        <source>Backward walk</source>
        <translation>Caminar hacia atrás</translation>
    </message>
    <message>
        <source>Backward walk uphill</source>
        <translation>Hacia atrás cuesta arriba</translation>
    </message>
    <message>
        <source>Brisk walk</source>
        <translation>Caminata rápida</translation>
    </message>
    <message>
        <source>Easy jog</source>
        <translation>Trote suave</translation>
    </message>
    <message>
        <source>Easy walk</source>
        <translation>Caminata suave</translation>
    </message>
    <message>
        <source>Forward walk</source>
        <translation>Caminar hacia delante</translation>
    </message>
    <message>
        <source>Jog</source>
        <translation>Trote</translation>
    </message>
    <message>
        <source>Steady run</source>
        <translation>Carrera constante</translation>
    </message>
    <message>
        <source>Knee-friendly backward walking</source>
        <translation>Caminar hacia atrás, suave para las rodillas</translation>
    </message>
    <message>
        <source>Backward walking for knees that hurt, three times a week for about six weeks: about 10 minutes of backward walking at 2.0 km/h, growing towards 30 minutes while the knee says 2/10 or less. Walked flat; a gentle incline (2 %) is optional, in your own copy of the plan (incline_pct = 2.0 on a step). In a trial in knee osteoarthritis, 10 minutes of backward walking added to usual care three days a week for six weeks reduced pain more than usual care alone (Alghadir, Anwer, Sarkar et al. 2019, BMC Musculoskeletal Disorders); the growth towards 30 minutes is this plan&apos;s own, gated by pain. After each session the app asks how the knee felt; high pain steps the plan back, and pain that stays high means: see a physiotherapist or doctor. This is not medical advice. See docs/plans.md.</source>
        <translation>Caminar hacia atrás para rodillas que duelen, tres veces por semana durante unas seis semanas: unos 10 minutos caminando hacia atrás a 2,0 km/h, subiendo hacia 30 minutos mientras la rodilla diga 2/10 o menos. En llano; una inclinación suave (2 %) es opcional, en tu propia copia del plan (incline_pct = 2.0 en un paso). En un ensayo sobre artrosis de rodilla, 10 minutos de caminar hacia atrás añadidos al tratamiento habitual tres días por semana durante seis semanas redujeron el dolor más que el tratamiento habitual solo (Alghadir, Anwer, Sarkar et al. 2019, BMC Musculoskeletal Disorders); la subida hacia 30 minutos es propia de este plan, limitada por el dolor. Tras cada sesión la app pregunta cómo se sintió la rodilla; un dolor alto hace retroceder el plan, y un dolor que sigue alto significa: consulta a un fisioterapeuta o a un médico. Esto no es un consejo médico. Ver docs/plans.md.</translation>
    </message>
    <message>
        <source>Learn backward running</source>
        <translation>Aprender a correr hacia atrás</translation>
    </message>
    <message>
        <source>For runners new to backward (retro) running, twice a week for about eight weeks. It starts with two to four blocks of 30 seconds at a slow 3.0 km/h at the end of an easy run, then makes the blocks longer, then adds more of them, and only then runs them as intervals a little faster (3.5 km/h). The plan moves on after two good sessions at a step: finished, knee pain 2/10 or less, effort 7/10 or less. Backward running puts less compressive force on the kneecap joint than forward running (Flynn &amp; Soutas-Little 1995, J Orthop Sports Phys Ther; Roos, Barton &amp; van Deursen 2012, J Biomech), but it is a new movement for the calves and thighs: new loads are added a little at a time. See docs/plans.md.</source>
        <translation>Para corredores que empiezan a correr hacia atrás (retro running), dos veces por semana durante unas ocho semanas. Empieza con dos a cuatro bloques de 30 segundos a unos lentos 3,0 km/h al final de una carrera suave, luego alarga los bloques, luego añade más, y solo entonces los corre como intervalos un poco más rápidos (3,5 km/h). El plan avanza tras dos buenas sesiones en un paso: terminada, dolor de rodilla 2/10 o menos, esfuerzo 7/10 o menos. Correr hacia atrás pone menos fuerza de compresión en la articulación de la rótula que correr hacia delante (Flynn &amp; Soutas-Little 1995, J Orthop Sports Phys Ther; Roos, Barton &amp; van Deursen 2012, J Biomech), pero es un movimiento nuevo para los gemelos y los muslos: las cargas nuevas se añaden poco a poco. Ver docs/plans.md.</translation>
    </message>
    <message>
        <source>For referees and defenders, who back-pedal many times in a match, twice a week for about six weeks. Short back-pedal segments between forward runs, with walking turns: first more of them, then longer ones, and only then a little faster (3.5 → 4.0 km/h, 0.5 km/h at a time). Match analyses show soccer referees spend a real share of the game moving backward (e.g. Krustrup &amp; Bangsbo 2001, J Sports Sci). See docs/plans.md.</source>
        <translation>Para árbitros y defensas, que corren hacia atrás muchas veces en un partido, dos veces por semana durante unas seis semanas. Tramos cortos hacia atrás entre carreras hacia delante, con giros al paso: primero más tramos, luego más largos, y solo entonces un poco más rápidos (3,5 → 4,0 km/h, 0,5 km/h cada vez). Los análisis de partidos muestran que los árbitros de fútbol pasan una parte real del juego moviéndose hacia atrás (p. ej. Krustrup &amp; Bangsbo 2001, J Sports Sci). Ver docs/plans.md.</translation>
    </message>
    <message>
        <source>10 min backward walking</source>
        <translation>10 min caminando hacia atrás</translation>
    </message>
    <message>
        <source>Five blocks of 2 minutes walking backward, a minute forward between them.</source>
        <translation>Cinco bloques de 2 minutos caminando hacia atrás, con un minuto hacia delante entre ellos.</translation>
    </message>
    <message>
        <source>15 min backward walking</source>
        <translation>15 min caminando hacia atrás</translation>
    </message>
    <message>
        <source>Five blocks of 3 minutes.</source>
        <translation>Cinco bloques de 3 minutos.</translation>
    </message>
    <message>
        <source>20 min backward walking</source>
        <translation>20 min caminando hacia atrás</translation>
    </message>
    <message>
        <source>Five blocks of 4 minutes.</source>
        <translation>Cinco bloques de 4 minutos.</translation>
    </message>
    <message>
        <source>24 min backward walking</source>
        <translation>24 min caminando hacia atrás</translation>
    </message>
    <message>
        <source>Six blocks of 4 minutes.</source>
        <translation>Seis bloques de 4 minutos.</translation>
    </message>
    <message>
        <source>27 min backward walking</source>
        <translation>27 min caminando hacia atrás</translation>
    </message>
    <message>
        <source>Six blocks of 4½ minutes.</source>
        <translation>Seis bloques de 4½ minutos.</translation>
    </message>
    <message>
        <source>30 min backward walking</source>
        <translation>30 min caminando hacia atrás</translation>
    </message>
    <message>
        <source>Six blocks of 5 minutes: 30 minutes backward.</source>
        <translation>Seis bloques de 5 minutos: 30 minutos hacia atrás.</translation>
    </message>
    <message>
        <source>2 × 30 s backward after an easy jog. Short steps, land on the balls of your feet.</source>
        <translation>2 × 30 s hacia atrás tras un trote suave. Pasos cortos, apoya la parte delantera del pie.</translation>
    </message>
    <message>
        <source>Four blocks of 30 s: the same speed, twice the blocks.</source>
        <translation>Cuatro bloques de 30 s: la misma velocidad, el doble de bloques.</translation>
    </message>
    <message>
        <source>Longer blocks: 45 s.</source>
        <translation>Bloques más largos: 45 s.</translation>
    </message>
    <message>
        <source>Longer blocks: a whole minute.</source>
        <translation>Bloques más largos: un minuto entero.</translation>
    </message>
    <message>
        <source>Longer blocks: 90 s.</source>
        <translation>Bloques más largos: 90 s.</translation>
    </message>
    <message>
        <source>More blocks: six of 90 s.</source>
        <translation>Más bloques: seis de 90 s.</translation>
    </message>
    <message>
        <source>More blocks: eight of 90 s, a longer run around them.</source>
        <translation>Más bloques: ocho de 90 s, con una carrera más larga alrededor.</translation>
    </message>
    <message>
        <source>Backward intervals at 3.5 km/h</source>
        <translation>Intervalos hacia atrás a 3,5 km/h</translation>
    </message>
    <message>
        <source>The same eight blocks as intervals, 0.5 km/h faster: the only speed step.</source>
        <translation>Los mismos ocho bloques como intervalos, 0,5 km/h más rápido: el único paso de velocidad.</translation>
    </message>
    <message>
        <source>6 back-pedals of 20 s</source>
        <translation>6 tramos hacia atrás de 20 s</translation>
    </message>
    <message>
        <source>8 back-pedals of 20 s</source>
        <translation>8 tramos hacia atrás de 20 s</translation>
    </message>
    <message>
        <source>10 back-pedals of 20 s</source>
        <translation>10 tramos hacia atrás de 20 s</translation>
    </message>
    <message>
        <source>10 back-pedals of 30 s</source>
        <translation>10 tramos hacia atrás de 30 s</translation>
    </message>
    <message>
        <source>10 back-pedals of 30 s, faster</source>
        <translation>10 tramos hacia atrás de 30 s, más rápido</translation>
    </message>
    <message>
        <source>The speed step: 0.5 km/h faster, same blocks.</source>
        <translation>El paso de velocidad: 0,5 km/h más rápido, los mismos bloques.</translation>
    </message>
    <message>
        <source>stopped: {why}</source>
        <translation>detenida: {why}</translation>
    </message>
    <message>
        <source>control and Stop with the belt still</source>
        <translation>control y parada con la cinta quieta</translation>
    </message>
    <message>
        <source>Start: the belt moves slowly</source>
        <translation>Inicio: la cinta avanza despacio</translation>
    </message>
    <message>
        <source>a set-point to learn the console&apos;s unit</source>
        <translation>una consigna para conocer la unidad de la consola</translation>
    </message>
    <message>
        <source>ramps up and down (acceleration, deceleration)</source>
        <translation>rampas arriba y abajo (aceleración, deceleración)</translation>
    </message>
    <message>
        <source>a set-point below the range</source>
        <translation>una consigna por debajo del rango</translation>
    </message>
    <message>
        <source>Start while the belt runs</source>
        <translation>Inicio con la cinta en marcha</translation>
    </message>
    <message>
        <source>a set-point between two steps</source>
        <translation>una consigna entre dos pasos</translation>
    </message>
    <message>
        <source>Stop: the run-down</source>
        <translation>Parada: la frenada</translation>
    </message>
    <message>
        <source>mph console</source>
        <translation>consola en mph</translation>
    </message>
    <message>
        <source>km/h console</source>
        <translation>consola en km/h</translation>
    </message>
    <message>
        <source>target unit unknown</source>
        <translation>unidad de las consignas desconocida</translation>
    </message>
    <message>
        <source>{step} km/h steps</source>
        <translation>pasos de {step} km/h</translation>
    </message>
    <message>
        <source>belt moves {seconds} s after Start</source>
        <translation>la cinta arranca {seconds} s tras el inicio</translation>
    </message>
    <message>
        <source>speeds up {rate} km/h/s</source>
        <translation>acelera {rate} km/h/s</translation>
    </message>
    <message>
        <source>data every {seconds} s</source>
        <translation>datos cada {seconds} s</translation>
    </message>
    <message>
        <source>1 quirk not determined</source>
        <translation>1 peculiaridad sin determinar</translation>
    </message>
    <message>
        <source>{n} quirks not determined</source>
        <translation>{n} peculiaridades sin determinar</translation>
    </message>
    <message>
        <source>Checked on {date}: {found}. SESSIONS REFUSED: {dangers}</source>
        <translation>Comprobada el {date}: {found}. SESIONES BLOQUEADAS: {dangers}</translation>
    </message>
    <message>
        <source>Checked on {date}: {found}</source>
        <translation>Comprobada el {date}: {found}</translation>
    </message>
    <message>
        <source>You skipped part of it</source>
        <translation>Te saltaste una parte</translation>
    </message>
    <message>
        <source>The treadmill stopped it</source>
        <translation>La cinta la detuvo</translation>
    </message>
    <message>
        <source>The connection was lost</source>
        <translation>Se perdió la conexión</translation>
    </message>
    <message>
        <source>An error ended it</source>
        <translation>Un error la terminó</translation>
    </message>
    <message>
        <source>You stopped before the end</source>
        <translation>Paraste antes del final</translation>
    </message>
    <message>
        <source>{why}: do “{name}” again before moving on.</source>
        <translation>{why}: repite «{name}» antes de avanzar.</translation>
    </message>
    <message>
        <source>This session had no backward blocks: nothing to progress.</source>
        <translation>Esta sesión no tenía bloques hacia atrás: nada que progresar.</translation>
    </message>
    <message>
        <source>Next: longer blocks — {blocks} × {seconds} s backward (you did {done} × {done_s} s), same speed.</source>
        <translation>Siguiente: bloques más largos — {blocks} × {seconds} s hacia atrás (hiciste {done} × {done_s} s), misma velocidad.</translation>
    </message>
    <message>
        <source>Next: more blocks — {blocks} × {seconds} s backward (you did {done} × {done_s} s), same speed.</source>
        <translation>Siguiente: más bloques — {blocks} × {seconds} s hacia atrás (hiciste {done} × {done_s} s), misma velocidad.</translation>
    </message>
    <message>
        <source>Next: {blocks} × {seconds} s backward (you did {done} × {done_s} s), same speed.</source>
        <translation>Siguiente: {blocks} × {seconds} s hacia atrás (hiciste {done} × {done_s} s), misma velocidad.</translation>
    </message>
    <message>
        <source>You are at the top of this progression: repeat it, or raise the backward speed yourself in small steps.</source>
        <translation>Has llegado a lo más alto de esta progresión: repítela o sube tú la velocidad hacia atrás en pasos pequeños.</translation>
    </message>
    <message>
        <source>The recording stops without an end</source>
        <translation>La grabación se corta sin final</translation>
    </message>
    <message>
        <source>1 phase skipped</source>
        <translation>1 fase saltada</translation>
    </message>
    <message>
        <source>{n} phases skipped</source>
        <translation>{n} fases saltadas</translation>
    </message>
    <message>
        <source>unknown key &apos;{key}&apos;{hint}; allowed here: {allowed}</source>
        <translation>clave desconocida «{key}»{hint}; aquí se permiten: {allowed}</translation>
    </message>
    <message>
        <source>{key} must be text in quotes, not {value}</source>
        <translation>{key} debe ser texto entre comillas, no {value}</translation>
    </message>
    <message>
        <source>{key} must be a whole number from {lo} to {hi}, not {value}</source>
        <translation>{key} debe ser un número entero de {lo} a {hi}, no {value}</translation>
    </message>
    <message>
        <source>{n} phases</source>
        <translation>{n} fases</translation>
    </message>
    <message>
        <source>no backward blocks</source>
        <translation>sin bloques hacia atrás</translation>
    </message>
    <message>
        <source>{n} × {time} backward</source>
        <translation>{n} × {time} hacia atrás</translation>
    </message>
    <message>
        <source>{n} backward blocks ({shortest}–{longest})</source>
        <translation>{n} bloques hacia atrás ({shortest}–{longest})</translation>
    </message>
</context>
<context>
    <name>ConnectScreen</name>
    <message>
        <source>Your treadmill</source>
        <translation>Tu cinta</translation>
    </message>
    <message>
        <source>CONNECTED</source>
        <translation>CONECTADA</translation>
    </message>
    <message>
        <source>USED LAST TIME</source>
        <translation>USADA LA ÚLTIMA VEZ</translation>
    </message>
    <message>
        <source>None chosen yet</source>
        <translation>Ninguna elegida aún</translation>
    </message>
    <message>
        <source>Choose it in the list. The app connects only to the treadmill you choose, never to another one nearby.</source>
        <translation>Elígela en la lista. La app solo se conecta a la cinta que elijas, nunca a otra cercana.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Olvidar</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Programas</translation>
    </message>
    <message>
        <source>choose one</source>
        <translation>elige uno</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Desconectar</translation>
    </message>
    <message>
        <source>Virtual treadmill mode: the simulated treadmill is in the list; nothing real moves.</source>
        <translation>Modo cinta virtual: la cinta simulada está en la lista; nada real se mueve.</translation>
    </message>
    <message>
        <source>Before you connect: clip the safety key to your clothes, switch the treadmill on, and close other apps that use it (a treadmill takes one connection at a time).</source>
        <translation>Antes de conectar: engancha la llave de seguridad a tu ropa, enciende la cinta y cierra otras apps que la usen (una cinta admite una sola conexión).</translation>
    </message>
    <message>
        <source>Nearby</source>
        <translation>Cerca</translation>
    </message>
    <message>
        <source>Show other devices</source>
        <translation>Mostrar otros dispositivos</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>Scan again</source>
        <translation>Buscar de nuevo</translation>
    </message>
    <message>
        <source>LAST USED</source>
        <translation>ÚLTIMA</translation>
    </message>
    <message>
        <source>MARKED AS TREADMILL</source>
        <translation>MARCADA COMO CINTA</translation>
    </message>
    <message>
        <source>NO FITNESS SERVICE</source>
        <translation>SIN SERVICIO FITNESS</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectada</translation>
    </message>
    <message>
        <source>This is my treadmill</source>
        <translation>Es mi cinta</translation>
    </message>
    <message>
        <source>Looking for treadmills…</source>
        <translation>Buscando cintas…</translation>
    </message>
    <message>
        <source>No treadmill in the list.
Switch it on, close other apps connected to it, and scan again.
If yours does not show up, turn on “Show other devices”.</source>
        <translation>No hay ninguna cinta en la lista.
Enciéndela, cierra otras apps conectadas y busca de nuevo.
Si la tuya no aparece, activa «Mostrar otros dispositivos».</translation>
    </message>
    <message>
        <source>Check this treadmill</source>
        <translation>Probar esta cinta</translation>
    </message>
    <message>
        <source>nobody on the belt</source>
        <translation>nadie en la cinta</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <source>then </source>
        <translation>luego </translation>
    </message>
</context>
<context>
    <name>DebriefScreen</name>
    <message>
        <source>Effort: how hard was it? (0 rest … 10 maximal)</source>
        <translation>Esfuerzo: ¿cuánto costó? (0 reposo … 10 máximo)</translation>
    </message>
    <message>
        <source>Knee pain during the session (0 none … 10 worst)</source>
        <translation>Dolor de rodilla en la sesión (0 nada … 10 máximo)</translation>
    </message>
    <message>
        <source>Knee pain now, after it (0 none … 10 worst)</source>
        <translation>Dolor de rodilla ahora, después (0 nada … 10 máximo)</translation>
    </message>
    <message>
        <source>How did it go?</source>
        <translation>¿Qué tal fue?</translation>
    </message>
    <message>
        <source> (ended early)</source>
        <translation> (terminada antes)</translation>
    </message>
    <message>
        <source>A note (optional)</source>
        <translation>Una nota (opcional)</translation>
    </message>
    <message>
        <source>Keys 0–9 answer, Backspace goes back, Enter saves.</source>
        <translation>Teclas 0–9 responden, Retroceso vuelve, Intro guarda.</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Saltar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
</context>
<context>
    <name>HistoryScreen</name>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>%1 · %2 backward · %3</source>
        <translation>%1 · %2 atrás · %3</translation>
    </message>
    <message>
        <source>No sessions yet.
Every session is recorded here as it runs.</source>
        <translation>Aún no hay sesiones.
Cada sesión se graba aquí mientras corres.</translation>
    </message>
    <message>
        <source>Choose a session on the left.</source>
        <translation>Elige una sesión a la izquierda.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Supr</translation>
    </message>
    <message>
        <source>Export FIT</source>
        <translation>Exportar FIT</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Export TCX</source>
        <translation>Exportar TCX</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <source>forward %1</source>
        <translation>adelante %1</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distancia</translation>
    </message>
    <message>
        <source>top %1</source>
        <translation>máx. %1</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Pulso</translation>
    </message>
    <message>
        <source>bpm</source>
        <translation>ppm</translation>
    </message>
    <message>
        <source>avg · max %1</source>
        <translation>med · máx %1</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Adelante</translation>
    </message>
    <message>
        <source>Backward (hatched)</source>
        <translation>Atrás (rayado)</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 ya existe. ¿Reemplazarlo?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Reemplazar</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
</context>
<context>
    <name>KeyHelpOverlay</name>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Press ? or click anywhere to close this list. Space and Esc stop the belt, here too.</source>
        <translation>Pulsa ? o haz clic en cualquier sitio para cerrar la lista. Espacio y Esc paran la cinta, también aquí.</translation>
    </message>
</context>
<context>
    <name>MachineCheckOverlay</name>
    <message>
        <source>Checking the treadmill — any key stops the belt</source>
        <translation>Probando la cinta: cualquier tecla la para</translation>
    </message>
    <message>
        <source>Machine check</source>
        <translation>Prueba de la cinta</translation>
    </message>
    <message>
        <source>Check this treadmill</source>
        <translation>Probar esta cinta</translation>
    </message>
    <message>
        <source>Nobody is on the belt, the safety key is in: start</source>
        <translation>Nadie en la cinta, llave puesta: empezar</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <source>STOP</source>
        <translation>STOP</translation>
    </message>
    <message>
        <source>any key</source>
        <translation>cualquier tecla</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Virtual treadmill</source>
        <translation>Cinta virtual</translation>
    </message>
    <message>
        <source>VIRTUAL</source>
        <translation>VIRTUAL</translation>
    </message>
    <message>
        <source>Treadmill</source>
        <translation>Cinta</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Programas</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>STOP</source>
        <translation>STOP</translation>
    </message>
    <message>
        <source>Show the keys</source>
        <translation>Mostrar las teclas</translation>
    </message>
    <message>
        <source>CONNECTION LOST — THE BELT MAY STILL BE MOVING</source>
        <translation>SIN CONEXIÓN: LA CINTA PUEDE SEGUIR MOVIÉNDOSE</translation>
    </message>
    <message>
        <source>Last known speed %1. </source>
        <translation>Última velocidad conocida %1. </translation>
    </message>
    <message>
        <source>Use the treadmill&apos;s own stop key or pull the safety key. Reconnecting to the same treadmill: STOP is sent first.</source>
        <translation>Usa el botón de parada de la cinta o quita la llave de seguridad. Reconectando con la misma cinta: primero se envía STOP.</translation>
    </message>
    <message>
        <source>STOP NOT CONFIRMED — PULL THE SAFETY KEY</source>
        <translation>STOP SIN CONFIRMAR: QUITA LA LLAVE DE SEGURIDAD</translation>
    </message>
    <message>
        <source>A session is running. Quit and STOP the belt?</source>
        <translation>Hay una sesión en curso. ¿Salir y PARAR la cinta?</translation>
    </message>
    <message>
        <source>STOP and quit</source>
        <translation>STOP y salir</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Seguir corriendo</translation>
    </message>
    <message>
        <source>This preset has unsaved changes. Leave and lose them?</source>
        <translation>Este programa tiene cambios sin guardar. ¿Salir y perderlos?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Descartar cambios</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
</context>
<context>
    <name>PlansScreen</name>
    <message>
        <source>Plans</source>
        <translation>Planes</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Programas</translation>
    </message>
    <message>
        <source> · asks about knee pain</source>
        <translation> · pregunta por la rodilla</translation>
    </message>
    <message>
        <source>Switch to this plan</source>
        <translation>Cambiar a este plan</translation>
    </message>
    <message>
        <source>Start this plan</source>
        <translation>Empezar este plan</translation>
    </message>
    <message>
        <source>The current plan “%1” cannot be read any more: start another one.</source>
        <translation>El plan actual «%1» ya no se puede leer: empieza otro.</translation>
    </message>
    <message>
        <source>No plan yet. Pick one on the left: it suggests a session each time, and moves on only when the last one went well.</source>
        <translation>Aún no hay plan. Elige uno a la izquierda: propone una sesión cada vez y solo avanza cuando la última fue bien.</translation>
    </message>
    <message>
        <source>PLAN COMPLETE</source>
        <translation>PLAN COMPLETADO</translation>
    </message>
    <message>
        <source>TODAY</source>
        <translation>HOY</translation>
    </message>
    <message>
        <source>Run today&apos;s session</source>
        <translation>Hacer la sesión de hoy</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Stop the plan</source>
        <translation>Dejar el plan</translation>
    </message>
</context>
<context>
    <name>PresetEditorScreen</name>
    <message>
        <source>Name: </source>
        <translation>Nombre: </translation>
    </message>
    <message>
        <source>Time: </source>
        <translation>Tiempo: </translation>
    </message>
    <message>
        <source>Speed: </source>
        <translation>Velocidad: </translation>
    </message>
    <message>
        <source>Incline: </source>
        <translation>Inclinación: </translation>
    </message>
    <message>
        <source>(name)</source>
        <translation>(nombre)</translation>
    </message>
    <message>
        <source>default</source>
        <translation>por defecto</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Remove this phase</source>
        <translation>Quitar esta fase</translation>
    </message>
    <message>
        <source>1 problem to fix</source>
        <translation>1 problema por corregir</translation>
    </message>
    <message>
        <source>%1 problems to fix</source>
        <translation>%1 problemas por corregir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Kind of phase</source>
        <translation>Tipo de fase</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Velocidad</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>What is this session for?</source>
        <translation>¿Para qué es esta sesión?</translation>
    </message>
    <message>
        <source>Turning around</source>
        <translation>Al girar</translation>
    </message>
    <message>
        <source>As in settings</source>
        <translation>Como en ajustes</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <source>Walk</source>
        <translation>Caminar</translation>
    </message>
    <message>
        <source>Walk at</source>
        <translation>Caminar a</translation>
    </message>
    <message>
        <source>1.0</source>
        <translation>1,0</translation>
    </message>
    <message>
        <source>Countdown before each turn</source>
        <translation>Cuenta atrás antes de cada giro</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <source>BACKWARD</source>
        <translation>ATRÁS</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <source>Incline %</source>
        <translation>Inclinación %</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repetir</translation>
    </message>
    <message>
        <source>times:</source>
        <translation>veces:</translation>
    </message>
    <message>
        <source>+ Phase in the group</source>
        <translation>+ Fase en el grupo</translation>
    </message>
    <message>
        <source>+ Phase</source>
        <translation>+ Fase</translation>
    </message>
    <message>
        <source>+ Repeat group</source>
        <translation>+ Grupo de repetición</translation>
    </message>
</context>
<context>
    <name>PresetsScreen</name>
    <message>
        <source>Import a preset or a workout</source>
        <translation>Importar un programa o un entrenamiento</translation>
    </message>
    <message>
        <source>Presets (*.toml)</source>
        <translation>Programas (*.toml)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Presets and workouts (*.toml *.zwo *.fit)</source>
        <translation>Programas y entrenamientos (*.toml *.zwo *.fit)</translation>
    </message>
    <message>
        <source>Zwift workouts (*.zwo)</source>
        <translation>Entrenamientos de Zwift (*.zwo)</translation>
    </message>
    <message>
        <source>FIT workouts (*.fit)</source>
        <translation>Entrenamientos FIT (*.fit)</translation>
    </message>
    <message>
        <source>Export the preset</source>
        <translation>Exportar el programa</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Programas</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Training plans ›</source>
        <translation>Planes ›</translation>
    </message>
    <message>
        <source>BUILT-IN</source>
        <translation>INCLUIDOS</translation>
    </message>
    <message>
        <source>YOUR PRESETS</source>
        <translation>TUS PROGRAMAS</translation>
    </message>
    <message>
        <source>SUGGESTED NEXT</source>
        <translation>SUGERIDO</translation>
    </message>
    <message>
        <source>Suggested next: %1</source>
        <translation>Siguiente sugerido: %1</translation>
    </message>
    <message>
        <source>Save as my preset</source>
        <translation>Guardar como mío</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Ver</translation>
    </message>
    <message>
        <source>Choose a preset on the left.</source>
        <translation>Elige un programa a la izquierda.</translation>
    </message>
    <message>
        <source>YOURS</source>
        <translation>TUYO</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>Sin descripción.</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Adelante</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>%1 at speed</source>
        <translation>%1 a velocidad</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>en %1</translation>
    </message>
    <message>
        <source>Backward at</source>
        <translation>Atrás a</translation>
    </message>
    <message>
        <source>Use this preset</source>
        <translation>Usar programa</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Edit a copy</source>
        <translation>Editar una copia</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Supr</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
</context>
<context>
    <name>SessionNotices</name>
    <message>
        <source>WHAT HAPPENED</source>
        <translation>QUÉ PASÓ</translation>
    </message>
</context>
<context>
    <name>SessionScreen</name>
    <message>
        <source>Time left in phase</source>
        <translation>Tiempo restante de la fase</translation>
    </message>
    <message>
        <source>session %1</source>
        <translation>sesión %1</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Velocidad</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distancia</translation>
    </message>
    <message>
        <source>Incline</source>
        <translation>Inclinación</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Pulso</translation>
    </message>
    <message>
        <source>strap</source>
        <translation>banda</translation>
    </message>
    <message>
        <source>treadmill</source>
        <translation>cinta</translation>
    </message>
    <message>
        <source>bpm</source>
        <translation>ppm</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Transcurrido</translation>
    </message>
    <message>
        <source>NEXT</source>
        <translation>LUEGO</translation>
    </message>
    <message>
        <source>⚠ NO SOUND — %1 You will not hear the cues while you run backward: check Settings → Sound before you start.</source>
        <translation>⚠ SIN SONIDO: %1 No oirás los avisos al correr hacia atrás: revisa Ajustes → Sonido antes de empezar.</translation>
    </message>
    <message>
        <source>No session</source>
        <translation>Sin sesión</translation>
    </message>
    <message>
        <source>Choose treadmill</source>
        <translation>Elegir cinta</translation>
    </message>
    <message>
        <source>Choose a preset</source>
        <translation>Elegir programa</translation>
    </message>
    <message>
        <source>START</source>
        <translation>INICIAR</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>RESUME</source>
        <translation>SEGUIR</translation>
    </message>
    <message>
        <source>PAUSE</source>
        <translation>PAUSA</translation>
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
        <translation>Saltar</translation>
    </message>
    <message>
        <source>+30 s</source>
        <translation>+30 s</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>resumen</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Folder for Bluetooth traffic logs</source>
        <translation>Carpeta para registros Bluetooth</translation>
    </message>
    <message>
        <source>Less: %1</source>
        <translation>Menos: %1</translation>
    </message>
    <message>
        <source>off</source>
        <translation>no</translation>
    </message>
    <message>
        <source>More: %1</source>
        <translation>Más: %1</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Por defecto</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Saved at once to
%1</source>
        <translation>Se guarda al momento en
%1</translation>
    </message>
    <message>
        <source>No audio device: running silently. Cues are shown on screen only.</source>
        <translation>Sin dispositivo de audio: en silencio. Los avisos solo se ven en pantalla.</translation>
    </message>
    <message>
        <source>Last cue: %1</source>
        <translation>Último aviso: %1</translation>
    </message>
    <message>
        <source>Sound check</source>
        <translation>Prueba de sonido</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Teclado</translation>
    </message>
    <message>
        <source>Presenter clicker</source>
        <translation>Presentador remoto</translation>
    </message>
    <message>
        <source>To change a key, edit [key_bindings] in the settings file; a clicker can only be bound to STOP, pause and slower.</source>
        <translation>Para cambiar una tecla, edita [key_bindings] en el archivo de ajustes; un presentador solo puede STOP, pausa y más lento.</translation>
    </message>
    <message>
        <source>Reset keys</source>
        <translation>Restablecer teclas</translation>
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
        <translation>Parar la cinta</translation>
    </message>
    <message>
        <source>Space · Esc</source>
        <translation>Espacio · Esc</translation>
    </message>
</context>
<context>
    <name>StrapCard</name>
    <message>
        <source>HEART-RATE STRAP</source>
        <translation>BANDA DE PULSO</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>None chosen</source>
        <translation>Ninguna elegida</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Usar</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Desconectar</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Olvidar</translation>
    </message>
</context>
<context>
    <name>SummaryScreen</name>
    <message>
        <source>No session yet</source>
        <translation>Aún no hay sesión</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Programas</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Adelante</translation>
    </message>
    <message>
        <source>belt moving</source>
        <translation>cinta en marcha</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>belt moving · %1</source>
        <translation>cinta en marcha · %1</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distancia</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>en %1</translation>
    </message>
    <message>
        <source>Backward blocks</source>
        <translation>Bloques atrás</translation>
    </message>
    <message>
        <source>all done</source>
        <translation>todos hechos</translation>
    </message>
    <message>
        <source>done of planned</source>
        <translation>hechos de previstos</translation>
    </message>
    <message>
        <source>How did it go? A short debrief keeps your effort and knee with this session.</source>
        <translation>¿Qué tal fue? Una breve valoración guarda tu esfuerzo y tu rodilla con esta sesión.</translation>
    </message>
    <message>
        <source>Debrief</source>
        <translation>Valorar</translation>
    </message>
    <message>
        <source>NEXT TIME</source>
        <translation>LA PRÓXIMA VEZ</translation>
    </message>
    <message>
        <source>Repeat what you did, or pick a preset.</source>
        <translation>Repite lo que hiciste o elige un programa.</translation>
    </message>
    <message>
        <source>Save it and use it</source>
        <translation>Guardar y usar</translation>
    </message>
    <message>
        <source>Use it now</source>
        <translation>Usar ahora</translation>
    </message>
    <message>
        <source>Save as my preset</source>
        <translation>Guardar como mío</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>FORWARD</source>
        <translation>ADELANTE</translation>
    </message>
    <message>
        <source>BACKWARD</source>
        <translation>ATRÁS</translation>
    </message>
</context>
</TS>
