<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Settings file: {problem}</source>
        <translation>Fichier de réglages&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Virtual treadmill: nothing real moves.</source>
        <translation>Tapis virtuel&#xa0;: rien de réel ne bouge.</translation>
    </message>
    <message>
        <source>Unexpected error: {why}</source>
        <translation>Erreur inattendue&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Démarrage</translation>
    </message>
    <message>
        <source>Changing speed</source>
        <translation>Changement de vitesse</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Slowing down to turn</source>
        <translation>Ralentit pour se retourner</translation>
    </message>
    <message>
        <source>Turn around</source>
        <translation>Retournez-vous</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Resuming</source>
        <translation>Reprise</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Arrêt</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>Éch.</translation>
    </message>
    <message>
        <source>Cool</source>
        <translation>Calme</translation>
    </message>
    <message>
        <source>Rec.</source>
        <translation>Récup.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Arr.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>(no preset)</source>
        <translation>(aucun programme)</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Stopped by you</source>
        <translation>Arrêtée par vous</translation>
    </message>
    <message>
        <source>Stopped by the treadmill</source>
        <translation>Arrêtée par le tapis</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Connexion perdue</translation>
    </message>
    <message>
        <source>Ended by an error</source>
        <translation>Terminée par une erreur</translation>
    </message>
    <message>
        <source>Interrupted (app closed or crashed)</source>
        <translation>Interrompue (appli fermée ou plantée)</translation>
    </message>
    <message>
        <source>Recording now</source>
        <translation>En cours d&apos;enregistrement</translation>
    </message>
    <message>
        <source>Damaged record (cannot be read)</source>
        <translation>Enregistrement abîmé (illisible)</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>This week: {time} backward in {blocks}</source>
        <translation>Cette semaine : {time} en arrière en {blocks}</translation>
    </message>
    <message>
        <source>Deleted the session of {when}</source>
        <translation>Séance du {when} supprimée</translation>
    </message>
    <message>
        <source>Ended early: {why}</source>
        <translation>Terminée plus tôt&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>The check starts the belt and runs it slowly (at most 3 km/h) for about a minute. Nobody may stand on the belt: the check changes speed, starts and stops on its own, and tries set-points a person would not expect. Is the belt clear and the safety key in?</source>
        <translation>Le test démarre le tapis et le fait tourner lentement (3 km/h au plus) pendant environ une minute. Personne ne doit être sur le tapis&#xa0;: le test change la vitesse, démarre et s&apos;arrête tout seul et essaie des consignes inattendues. Le tapis est-il libre et la clé de sécurité en place&#xa0;?</translation>
    </message>
    <message>
        <source>Not checked yet: sessions use safe defaults. Check it once (nobody on the belt) so the app learns its unit, steps and timing.</source>
        <translation>Pas encore testé&#xa0;: les séances utilisent des valeurs sûres. Testez-le une fois (personne sur le tapis) pour que l&apos;app apprenne son unité, ses pas et ses délais.</translation>
    </message>
    <message>
        <source>The saved check cannot be read ({why}).</source>
        <translation>Le test enregistré est illisible ({why}).</translation>
    </message>
    <message>
        <source>A session is under way: stop and end it before the check.</source>
        <translation>Une séance est en cours&#xa0;: arrêtez-la et terminez-la avant le test.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt…</translation>
    </message>
    <message>
        <source>Check stopped by you before anything moved; nothing saved.</source>
        <translation>Test arrêté par vous avant tout mouvement&#xa0;; rien n&apos;est enregistré.</translation>
    </message>
    <message>
        <source>The check could not connect: {why}</source>
        <translation>Le test n&apos;a pas pu se connecter&#xa0;: {why}</translation>
    </message>
    <message>
        <source>The check failed: {why}</source>
        <translation>Le test a échoué&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Check not saved: {why}</source>
        <translation>Test non enregistré&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Check stopped by you: the belt was stopped; nothing saved.</source>
        <translation>Test arrêté par vous&#xa0;: le tapis a été arrêté&#xa0;; rien n&apos;est enregistré.</translation>
    </message>
    <message>
        <source>DANGER: {dangers}. Sessions on this treadmill are refused until you clear it (&apos;treadmill-ctl check --unblock {address}&apos;).</source>
        <translation>DANGER&#xa0;: {dangers}. Les séances sur ce tapis sont refusées jusqu&apos;à son déblocage (&apos;treadmill-ctl check --unblock {address}&apos;).</translation>
    </message>
    <message>
        <source>The check ended early (saved what it learned): {summary}</source>
        <translation>Le test s&apos;est arrêté tôt (acquis enregistrés)&#xa0;: {summary}</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Starting in</source>
        <translation>Départ dans</translation>
    </message>
    <message>
        <source>Resuming in</source>
        <translation>Reprise dans</translation>
    </message>
    <message>
        <source>READY</source>
        <translation>PRÊT</translation>
    </message>
    <message>
        <source>GET READY</source>
        <translation>PRÉPAREZ-VOUS</translation>
    </message>
    <message>
        <source>TURN AROUND</source>
        <translation>RETOURNEZ-VOUS</translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation>PAUSE</translation>
    </message>
    <message>
        <source>STOPPING</source>
        <translation>ARRÊT</translation>
    </message>
    <message>
        <source>SLOWING DOWN</source>
        <translation>RALENTIT</translation>
    </message>
    <message>
        <source>Belt stopped — turn around</source>
        <translation>Tapis arrêté — retournez-vous</translation>
    </message>
    <message>
        <source>STOPPED</source>
        <translation>ARRÊTÉ</translation>
    </message>
    <message>
        <source>DONE</source>
        <translation>TERMINÉ</translation>
    </message>
    <message>
        <source>CONNECTION LOST</source>
        <translation>CONNEXION PERDUE</translation>
    </message>
    <message>
        <source>starts at speed</source>
        <translation>part à la vitesse</translation>
    </message>
    <message>
        <source>starts after the turn</source>
        <translation>part après le demi-tour</translation>
    </message>
    <message>
        <source>held: paused</source>
        <translation>suspendu&#xa0;: pause</translation>
    </message>
    <message>
        <source>held: stopped</source>
        <translation>suspendu&#xa0;: arrêté</translation>
    </message>
    <message>
        <source>held: connection lost</source>
        <translation>suspendu&#xa0;: hors ligne</translation>
    </message>
    <message>
        <source>Keep running backward</source>
        <translation>Continuez en arrière</translation>
    </message>
    <message>
        <source>Keep running forward</source>
        <translation>Continuez en avant</translation>
    </message>
    <message>
        <source>Belt at walking speed</source>
        <translation>Tapis au pas</translation>
    </message>
    <message>
        <source>Keep running backward until the belt stops</source>
        <translation>Continuez en arrière jusqu&apos;à l&apos;arrêt du tapis</translation>
    </message>
    <message>
        <source>Keep running forward until the belt stops</source>
        <translation>Continuez en avant jusqu&apos;à l&apos;arrêt du tapis</translation>
    </message>
    <message>
        <source>NO SESSION</source>
        <translation>AUCUNE SÉANCE</translation>
    </message>
    <message>
        <source>BACKWARD</source>
        <translation>ARRIÈRE</translation>
    </message>
    <message>
        <source>FORWARD</source>
        <translation>AVANT</translation>
    </message>
    <message>
        <source>Connect to your treadmill first</source>
        <translation>Connectez d&apos;abord votre tapis</translation>
    </message>
    <message>
        <source>Choose a preset</source>
        <translation>Choisissez un programme</translation>
    </message>
    <message>
        <source>No session</source>
        <translation>Aucune séance</translation>
    </message>
    <message>
        <source>Press Enter or START to begin</source>
        <translation>Appuyez sur Entrée ou DÉPART pour commencer</translation>
    </message>
    <message>
        <source>Press P or RESUME to continue</source>
        <translation>Appuyez sur P ou REPRENDRE pour continuer</translation>
    </message>
    <message>
        <source>Reconnecting to the same treadmill…</source>
        <translation>Reconnexion au même tapis…</translation>
    </message>
    <message>
        <source>Stopped. Press Enter to start again, or END to finish</source>
        <translation>Arrêté. Entrée pour relancer, FIN pour terminer</translation>
    </message>
    <message>
        <source>Session over. Press Enter or START for a new one</source>
        <translation>Séance finie. Entrée ou DÉPART pour une nouvelle</translation>
    </message>
    <message>
        <source>{duration} at {speed} {unit}</source>
        <translation>{duration} à {speed} {unit}</translation>
    </message>
    <message>
        <source>Backward block {n} of {total}</source>
        <translation>Bloc arrière {n}/{total}</translation>
    </message>
    <message>
        <source>{done} of 1 backward block done</source>
        <translation>Arrière&#xa0;: {done} sur 1</translation>
    </message>
    <message>
        <source>{done} of {total} backward blocks done</source>
        <translation>Arrière&#xa0;: {done} sur {total}</translation>
    </message>
    <message>
        <source>Next: {title}</source>
        <translation>Ensuite&#xa0;: {title}</translation>
    </message>
    <message>
        <source>ends ≈ {time}</source>
        <translation>finit ≈ {time}</translation>
    </message>
    <message>
        <source>belt {speed}</source>
        <translation>tapis {speed}</translation>
    </message>
    <message>
        <source>target {speed}</source>
        <translation>cible {speed}</translation>
    </message>
    <message>
        <source>Connected to {name}</source>
        <translation>Connecté à {name}</translation>
    </message>
    <message>
        <source>no data {seconds} s</source>
        <translation>pas de données {seconds} s</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>pas de données</translation>
    </message>
    <message>
        <source>1 block</source>
        <translation>1 bloc</translation>
    </message>
    <message>
        <source>{n} blocks</source>
        <translation>{n} blocs</translation>
    </message>
    <message>
        <source>1 block done</source>
        <translation>1 bloc fait</translation>
    </message>
    <message>
        <source>{n} blocks done</source>
        <translation>{n} blocs faits</translation>
    </message>
    <message>
        <source>Session complete</source>
        <translation>Séance complète</translation>
    </message>
    <message>
        <source>Ended early</source>
        <translation>Terminée plus tôt</translation>
    </message>
    <message>
        <source>{done} of 1 block done</source>
        <translation>{done} bloc sur 1 fait</translation>
    </message>
    <message>
        <source>{done} of 1 block</source>
        <translation>{done} sur 1 bloc</translation>
    </message>
    <message>
        <source>{done} of {total} blocks</source>
        <translation>{done} sur {total} blocs</translation>
    </message>
    <message>
        <source>{done} of {total} blocks done</source>
        <translation>{done} blocs sur {total} faits</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>Backward cap</source>
        <translation>Limite arrière</translation>
    </message>
    <message>
        <source>No backward block runs faster. Never above {limit} km/h.</source>
        <translation>Aucun bloc arrière ne va plus vite. Jamais plus de {limit} km/h.</translation>
    </message>
    <message>
        <source>Default backward speed</source>
        <translation>Vitesse arrière par défaut</translation>
    </message>
    <message>
        <source>Used by backward blocks that do not set a speed. At most the backward cap.</source>
        <translation>Pour les blocs arrière sans vitesse propre. Au plus la limite arrière.</translation>
    </message>
    <message>
        <source>Forward cap</source>
        <translation>Limite avant</translation>
    </message>
    <message>
        <source>No forward phase runs faster (the treadmill&apos;s own maximum also applies).</source>
        <translation>Aucune phase avant ne va plus vite (le maximum du tapis s&apos;applique aussi).</translation>
    </message>
    <message>
        <source>Ramp rate</source>
        <translation>Accélération</translation>
    </message>
    <message>
        <source>How fast the speed may change, in steps. STOP is never ramped.</source>
        <translation>À quelle vitesse l&apos;allure peut changer, par paliers. STOP n&apos;est jamais progressif.</translation>
    </message>
    <message>
        <source>Turning around</source>
        <translation>Demi-tour</translation>
    </message>
    <message>
        <source>Between forward and backward the belt slows down to this, then counts down.</source>
        <translation>Entre avant et arrière, le tapis ralentit jusque-là puis décompte.</translation>
    </message>
    <message>
        <source>Belt stopped</source>
        <translation>Tapis arrêté</translation>
    </message>
    <message>
        <source>Slow walk</source>
        <translation>Marche lente</translation>
    </message>
    <message>
        <source>Turning walk speed</source>
        <translation>Vitesse de demi-tour</translation>
    </message>
    <message>
        <source>Belt speed while turning with “Slow walk” (at most {limit} km/h).</source>
        <translation>Vitesse du tapis au demi-tour en «&#xa0;Marche lente&#xa0;» (au plus {limit} km/h).</translation>
    </message>
    <message>
        <source>Turn-around countdown</source>
        <translation>Décompte du demi-tour</translation>
    </message>
    <message>
        <source>Seconds counted out loud before the belt moves in the new direction.</source>
        <translation>Secondes comptées à voix haute avant que le tapis change de sens.</translation>
    </message>
    <message>
        <source>Start countdown</source>
        <translation>Décompte de départ</translation>
    </message>
    <message>
        <source>Seconds counted before the belt first moves.</source>
        <translation>Secondes comptées avant que le tapis démarre.</translation>
    </message>
    <message>
        <source>Heart-rate cap</source>
        <translation>Limite cardiaque</translation>
    </message>
    <message>
        <source>Above it during a backward block, the belt slows to the turning speed.</source>
        <translation>Au-dessus pendant un bloc arrière, le tapis ralentit à la vitesse de demi-tour.</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Affichage</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <source>Speeds on every screen and in the editor.</source>
        <translation>Vitesses sur tous les écrans et dans l&apos;éditeur.</translation>
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
        <translation>Distance</translation>
    </message>
    <message>
        <source>Distances on every screen.</source>
        <translation>Distances sur tous les écrans.</translation>
    </message>
    <message>
        <source>Metric (km)</source>
        <translation>Métrique (km)</translation>
    </message>
    <message>
        <source>Imperial (mi)</source>
        <translation>Impérial (mi)</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Dark is easier to read from the treadmill.</source>
        <translation>Le sombre se lit mieux depuis le tapis.</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Contraste élevé</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Auto: the system&apos;s. EN English, DE Deutsch, ES Español, FR Français.</source>
        <translation>Auto&#xa0;: celle du système. EN English, DE Deutsch, ES Español, FR Français.</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Son</translation>
    </message>
    <message>
        <source>Sound cues</source>
        <translation>Signaux sonores</translation>
    </message>
    <message>
        <source>Beeps and tones before changes.</source>
        <translation>Bips et tonalités avant les changements.</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Voix</translation>
    </message>
    <message>
        <source>Spoken phrases: “backward in five”.</source>
        <translation>Phrases parlées&#xa0;: «&#xa0;arrière dans cinq&#xa0;».</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Presenter clicker</source>
        <translation>Télécommande de présentation</translation>
    </message>
    <message>
        <source>PageUp, PageDown, B, period, F5 and Escape from a clicker: any of them can stop; none can start the belt or speed it up.</source>
        <translation>Page préc., Page suiv., B, point, F5 et Échap d&apos;une télécommande&#xa0;: toutes peuvent arrêter, aucune ne démarre ni n&apos;accélère le tapis.</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Plans</translation>
    </message>
    <message>
        <source>Knee pain to move on</source>
        <translation>Douleur au genou pour avancer</translation>
    </message>
    <message>
        <source>A knee plan moves on only when knee pain stayed at or below this (0–10).</source>
        <translation>Un plan genou n’avance que si la douleur au genou est restée à ce niveau ou en dessous (0–10).</translation>
    </message>
    <message>
        <source>of 10</source>
        <translation>sur 10</translation>
    </message>
    <message>
        <source>High knee pain</source>
        <translation>Douleur au genou forte</translation>
    </message>
    <message>
        <source>Knee pain at or above this steps the plan back; between: the same session.</source>
        <translation>Une douleur au genou à ce niveau ou plus fait reculer le plan ; entre les deux : la même séance.</translation>
    </message>
    <message>
        <source>Highest effort to move on</source>
        <translation>Effort maximal pour avancer</translation>
    </message>
    <message>
        <source>Effort (0–10) above this repeats the session instead of moving on.</source>
        <translation>Un effort (0–10) supérieur fait répéter la séance au lieu d’avancer.</translation>
    </message>
    <message>
        <source>See a professional after</source>
        <translation>Consulter un professionnel après</translation>
    </message>
    <message>
        <source>High knee pain this many sessions in a row: the plan says to see a professional.</source>
        <translation>Douleur au genou forte autant de séances de suite : le plan conseille de consulter un professionnel.</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>séances</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <source>Bluetooth traffic log</source>
        <translation>Journal Bluetooth</translation>
    </message>
    <message>
        <source>Records every packet to and from the treadmill, to attach to a bug report.</source>
        <translation>Enregistre chaque paquet échangé avec le tapis, à joindre à un rapport de bug.</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Dossier des journaux</translation>
    </message>
    <message>
        <source>Where traffic logs are written.</source>
        <translation>Où les journaux sont écrits.</translation>
    </message>
    <message>
        <source>STOP</source>
        <translation>STOP</translation>
    </message>
    <message>
        <source>Pause / resume</source>
        <translation>Pause / reprise</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Start / confirm</source>
        <translation>Départ / valider</translation>
    </message>
    <message>
        <source>Skip to the next phase</source>
        <translation>Passer à la phase suivante</translation>
    </message>
    <message>
        <source>Extend this phase</source>
        <translation>Prolonger cette phase</translation>
    </message>
    <message>
        <source>STOP the belt at once (again: it stays stopped)</source>
        <translation>ARRÊTER le tapis tout de suite (encore&#xa0;: il reste arrêté)</translation>
    </message>
    <message>
        <source>Pause / resume (resume counts down first)</source>
        <translation>Pause / reprise (la reprise décompte d&apos;abord)</translation>
    </message>
    <message>
        <source>Pause (never resumes)</source>
        <translation>Pause (ne reprend jamais)</translation>
    </message>
    <message>
        <source>Start the session / confirm</source>
        <translation>Démarrer la séance / valider</translation>
    </message>
    <message>
        <source>Extend the phase by 30 s</source>
        <translation>Prolonger la phase de 30 s</translation>
    </message>
    <message>
        <source>Speed +0.1</source>
        <translation>Vitesse +0,1</translation>
    </message>
    <message>
        <source>Speed −0.1</source>
        <translation>Vitesse −0,1</translation>
    </message>
    <message>
        <source>Speed +0.5</source>
        <translation>Vitesse +0,5</translation>
    </message>
    <message>
        <source>Speed −0.5</source>
        <translation>Vitesse −0,5</translation>
    </message>
    <message>
        <source>Full screen on / off</source>
        <translation>Plein écran oui / non</translation>
    </message>
    <message>
        <source>Show / hide this list</source>
        <translation>Afficher / masquer cette liste</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Clavier</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Plein écran</translation>
    </message>
    <message>
        <source>Show the keys</source>
        <translation>Afficher les touches</translation>
    </message>
    <message>
        <source>Type a number.</source>
        <translation>Saisissez un nombre.</translation>
    </message>
    <message>
        <source>Refused: {typed} is outside {low}–{high} mph per s.</source>
        <translation>Refusé&#xa0;: {typed} est hors de {low}–{high} mph par s.</translation>
    </message>
    <message>
        <source>Type a whole number.</source>
        <translation>Saisissez un nombre entier.</translation>
    </message>
    <message>
        <source>Unknown choice {value}.</source>
        <translation>Choix inconnu {value}.</translation>
    </message>
    <message>
        <source>Refused: {speed} {unit} is above the hard ceiling of {limit} {unit} for backward running.</source>
        <translation>Refusé&#xa0;: {speed} {unit} dépasse le plafond fixe de {limit} {unit} en arrière.</translation>
    </message>
    <message>
        <source>Refused: {speed} {unit} is above the maximum, {limit} {unit}.</source>
        <translation>Refusé&#xa0;: {speed} {unit} dépasse le maximum, {limit} {unit}.</translation>
    </message>
    <message>
        <source>Refused: {speed} {unit} is below the minimum, {limit} {unit}.</source>
        <translation>Refusé&#xa0;: {speed} {unit} est sous le minimum, {limit} {unit}.</translation>
    </message>
    <message>
        <source>Refused: {speed} {unit} is above your backward cap ({cap} {unit}). Raise the cap first.</source>
        <translation>Refusé&#xa0;: {speed} {unit} dépasse votre limite arrière ({cap} {unit}). Relevez d&apos;abord la limite.</translation>
    </message>
    <message>
        <source>Refused: your default backward speed is {speed} {unit}. Lower it first.</source>
        <translation>Refusé&#xa0;: votre vitesse arrière par défaut est {speed} {unit}. Baissez-la d&apos;abord.</translation>
    </message>
    <message>
        <source>Refused: {reason}.</source>
        <translation>Refusé&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Bluetooth is off</source>
        <translation>Le Bluetooth est désactivé</translation>
    </message>
    <message>
        <source>Turn Bluetooth on in your system settings, then scan again.</source>
        <translation>Activez le Bluetooth dans les réglages du système, puis relancez la recherche.</translation>
    </message>
    <message>
        <source>No Bluetooth on this computer</source>
        <translation>Pas de Bluetooth sur cet ordinateur</translation>
    </message>
    <message>
        <source>This computer has no usable Bluetooth radio. Plug in a Bluetooth LE adapter, or try the app with --simulate.</source>
        <translation>Cet ordinateur n&apos;a pas de Bluetooth utilisable. Branchez un adaptateur Bluetooth LE, ou essayez l&apos;appli avec --simulate.</translation>
    </message>
    <message>
        <source>No permission to use Bluetooth</source>
        <translation>Pas d&apos;autorisation pour le Bluetooth</translation>
    </message>
    <message>
        <source>Allow this app to use Bluetooth (macOS: System Settings › Privacy › Bluetooth; Linux: your user must be allowed to use BlueZ, e.g. the &apos;bluetooth&apos; group), then scan again.</source>
        <translation>Autorisez cette appli à utiliser le Bluetooth (macOS&#xa0;: Réglages Système › Confidentialité › Bluetooth&#xa0;; Linux&#xa0;: votre utilisateur doit pouvoir utiliser BlueZ, p. ex. le groupe «&#xa0;bluetooth&#xa0;»), puis relancez la recherche.</translation>
    </message>
    <message>
        <source>The treadmill is busy</source>
        <translation>Le tapis est occupé</translation>
    </message>
    <message>
        <source>It is connected to something else, or Bluetooth is still busy with a previous attempt. Close other fitness apps (phone, tablet, watch) that use the treadmill, wait a few seconds and try again.</source>
        <translation>Il est connecté à autre chose, ou le Bluetooth est encore occupé par une tentative précédente. Fermez les autres applis de sport (téléphone, tablette, montre) qui utilisent le tapis, attendez quelques secondes et réessayez.</translation>
    </message>
    <message>
        <source>Treadmill not found</source>
        <translation>Tapis introuvable</translation>
    </message>
    <message>
        <source>Is it switched on and in range? Most treadmills stop advertising while another app is connected to them. Scan again when it is free.</source>
        <translation>Est-il allumé et à portée&#xa0;? La plupart des tapis ne se signalent plus quand une autre appli y est connectée. Relancez la recherche quand il est libre.</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>Connexion impossible</translation>
    </message>
    <message>
        <source>Switch the treadmill off and on, then try again.</source>
        <translation>Éteignez puis rallumez le tapis, et réessayez.</translation>
    </message>
    <message>
        <source>{advice} ({detail})</source>
        <translation>{advice} ({detail})</translation>
    </message>
    <message>
        <source>Settings not saved: {why}</source>
        <translation>Réglages non enregistrés&#xa0;: {why}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>faible</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>moyen</translation>
    </message>
    <message>
        <source>good</source>
        <translation>bon</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>fort</translation>
    </message>
    <message>
        <source>signal unknown</source>
        <translation>signal inconnu</translation>
    </message>
    <message>
        <source>{quality} ({rssi} dBm)</source>
        <translation>{quality} ({rssi} dBm)</translation>
    </message>
    <message>
        <source>Scanning for treadmills…</source>
        <translation>Recherche de tapis…</translation>
    </message>
    <message>
        <source>Not a treadmill</source>
        <translation>Pas un tapis</translation>
    </message>
    <message>
        <source>This device does not say it is a fitness machine. If it is your treadmill, choose “This is my treadmill” first.</source>
        <translation>Cet appareil ne se présente pas comme un appareil de fitness. Si c&apos;est votre tapis, choisissez d&apos;abord «&#xa0;C&apos;est mon tapis&#xa0;».</translation>
    </message>
    <message>
        <source>A session is under way</source>
        <translation>Une séance est en cours</translation>
    </message>
    <message>
        <source>Stop it (and end it) before connecting to another treadmill.</source>
        <translation>Arrêtez-la (et terminez-la) avant de connecter un autre tapis.</translation>
    </message>
    <message>
        <source>Connecting to {name}…</source>
        <translation>Connexion à {name}…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Stop it (and end it) before disconnecting the treadmill.</source>
        <translation>Arrêtez-la (et terminez-la) avant de déconnecter le tapis.</translation>
    </message>
    <message>
        <source>Disconnecting from {name}…</source>
        <translation>Déconnexion de {name}…</translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation>Déconnecté.</translation>
    </message>
    <message>
        <source>Connected to {name}.</source>
        <translation>Connecté à {name}.</translation>
    </message>
    <message>
        <source>{problem} — this treadmill&apos;s check is not used; sessions use the safe defaults.</source>
        <translation>{problem} — le test de ce tapis n&apos;est pas utilisé&#xa0;; les séances prennent les valeurs sûres.</translation>
    </message>
    <message>
        <source>Sessions on this treadmill are refused</source>
        <translation>Les séances sur ce tapis sont refusées</translation>
    </message>
    <message>
        <source>No treadmill found yet. Is it switched on and free (no other app connected)?</source>
        <translation>Aucun tapis trouvé pour l&apos;instant. Est-il allumé et libre (aucune autre appli connectée)&#xa0;?</translation>
    </message>
    <message>
        <source>1 treadmill found.</source>
        <translation>1 tapis trouvé.</translation>
    </message>
    <message>
        <source>{count} treadmills found.</source>
        <translation>{count} tapis trouvés.</translation>
    </message>
    <message>
        <source>Slowing down: keep running forward</source>
        <translation>Ralentissement&#xa0;: continuez en avant</translation>
    </message>
    <message>
        <source>Belt stopped. Turn around</source>
        <translation>Tapis arrêté. Retournez-vous</translation>
    </message>
    <message>
        <source>Backward in {seconds}</source>
        <translation>Arrière dans {seconds}</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Partez</translation>
    </message>
    <message>
        <source>Sound is off: Qt Multimedia could not be loaded ({why}).</source>
        <translation>Son coupé&#xa0;: Qt Multimedia n&apos;a pas pu être chargé ({why}).</translation>
    </message>
    <message>
        <source>No audio output found: cues are shown on screen only.</source>
        <translation>Aucune sortie audio&#xa0;: les signaux s&apos;affichent seulement à l&apos;écran.</translation>
    </message>
    <message>
        <source>Sound plays on {device}.</source>
        <translation>Le son sort sur {device}.</translation>
    </message>
    <message>
        <source>Looking for an audio output…</source>
        <translation>Recherche d&apos;une sortie audio…</translation>
    </message>
    <message>
        <source>Sound is off.</source>
        <translation>Son coupé.</translation>
    </message>
    <message>
        <source>No sound files in {folder}: cues are shown on screen only.</source>
        <translation>Aucun fichier son dans {folder}&#xa0;: les signaux s&apos;affichent seulement à l&apos;écran.</translation>
    </message>
    <message>
        <source>Sound is off in Settings.</source>
        <translation>Le son est coupé dans les Réglages.</translation>
    </message>
    <message>
        <source>Speed {speed}</source>
        <translation>Vitesse {speed}</translation>
    </message>
    <message>
        <source>Sound could not be played ({file}): cues are shown on screen only.</source>
        <translation>Le son n&apos;a pas pu être joué ({file})&#xa0;: les signaux s&apos;affichent seulement à l&apos;écran.</translation>
    </message>
    <message>
        <source>Waiting for the belt to stop</source>
        <translation>En attente de l&apos;arrêt du tapis</translation>
    </message>
    <message>
        <source>Waiting for the belt to slow down</source>
        <translation>En attente du ralentissement du tapis</translation>
    </message>
    <message>
        <source>The treadmill did not start ({result}).</source>
        <translation>Le tapis n&apos;a pas démarré ({result}).</translation>
    </message>
    <message>
        <source>The belt has not started moving yet; the ramp waits for it.</source>
        <translation>Le tapis ne tourne pas encore&#xa0;; la montée l&apos;attend.</translation>
    </message>
    <message>
        <source>This treadmill cannot set an incline: running flat.</source>
        <translation>Ce tapis ne peut pas s&apos;incliner&#xa0;: course à plat.</translation>
    </message>
    <message>
        <source>Incline {incline} %: {result}.</source>
        <translation>Inclinaison {incline} %&#xa0;: {result}.</translation>
    </message>
    <message>
        <source>{why}: the belt still runs at {speed} after {seconds} s.</source>
        <translation>{why}&#xa0;: le tapis tourne encore à {speed} après {seconds} s.</translation>
    </message>
    <message>
        <source>The belt runs at {actual} instead of {peak} (does its console read speeds in mph?). Stopping.</source>
        <translation>Le tapis tourne à {actual} au lieu de {peak} (sa console lit-elle les vitesses en mph&#xa0;?). Arrêt.</translation>
    </message>
    <message>
        <source>The belt sped up to {actual} on its own, faster than the ramp (set to {peak}): the treadmill may have gone back to an earlier speed. Stopping.</source>
        <translation>Le tapis a accéléré seul à {actual}, plus vite que la montée (réglée à {peak})&#xa0;: il est peut-être revenu à une vitesse antérieure. Arrêt.</translation>
    </message>
    <message>
        <source>The ramp to {speed} stalled.</source>
        <translation>La montée à {speed} est bloquée.</translation>
    </message>
    <message>
        <source>The belt does not follow the ramp: it runs at {speed} after {seconds} s.</source>
        <translation>Le tapis ne suit pas la montée&#xa0;: il tourne à {speed} après {seconds} s.</translation>
    </message>
    <message>
        <source>The belt runs at {speed} instead of {target}; the phase starts anyway.</source>
        <translation>Le tapis tourne à {speed} au lieu de {target}&#xa0;; la phase commence quand même.</translation>
    </message>
    <message>
        <source>Session done. Stopping the belt.</source>
        <translation>Séance terminée. Arrêt du tapis.</translation>
    </message>
    <message>
        <source>Safety check failed ({why}). Stopping.</source>
        <translation>Contrôle de sécurité échoué ({why}). Arrêt.</translation>
    </message>
    <message>
        <source>The treadmill does not accept commands any more (control not permitted). Use its console or the safety key.</source>
        <translation>Le tapis n&apos;accepte plus de commandes (contrôle non autorisé). Utilisez sa console ou la clé de sécurité.</translation>
    </message>
    <message>
        <source>Speed {speed}: {result}.</source>
        <translation>Vitesse {speed}&#xa0;: {result}.</translation>
    </message>
    <message>
        <source>The treadmill keeps refusing speed changes.</source>
        <translation>Le tapis refuse sans cesse les changements de vitesse.</translation>
    </message>
    <message>
        <source>Cannot connect to the treadmill: {error}</source>
        <translation>Connexion au tapis impossible&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Safety key pulled: the treadmill stopped.</source>
        <translation>Clé de sécurité retirée&#xa0;: le tapis s&apos;est arrêté.</translation>
    </message>
    <message>
        <source>Stopped from the treadmill&apos;s console.</source>
        <translation>Arrêté depuis la console du tapis.</translation>
    </message>
    <message>
        <source>The treadmill was reset.</source>
        <translation>Le tapis a été réinitialisé.</translation>
    </message>
    <message>
        <source>The treadmill took back control; asking for it again.</source>
        <translation>Le tapis a repris le contrôle&#xa0;; nouvelle demande.</translation>
    </message>
    <message>
        <source>The belt was started from the treadmill&apos;s console.</source>
        <translation>Le tapis a été démarré depuis sa console.</translation>
    </message>
    <message>
        <source>Connection lost!</source>
        <translation>Connexion perdue&#xa0;!</translation>
    </message>
    <message>
        <source>Connection to the treadmill lost. The belt may still be running at {speed}: use the console or pull the safety key. Reconnecting…</source>
        <translation>Connexion au tapis perdue. Le tapis tourne peut-être encore à {speed}&#xa0;: utilisez la console ou retirez la clé de sécurité. Reconnexion…</translation>
    </message>
    <message>
        <source>Connection to the treadmill lost. Reconnecting…</source>
        <translation>Connexion au tapis perdue. Reconnexion…</translation>
    </message>
    <message>
        <source>Could not reconnect to the treadmill.</source>
        <translation>Impossible de se reconnecter au tapis.</translation>
    </message>
    <message>
        <source>The session stopped on an {error}.</source>
        <translation>La séance s&apos;est arrêtée sur une erreur&#xa0;: {error}.</translation>
    </message>
    <message>
        <source>Pausing</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume only works while paused.</source>
        <translation>Reprendre ne marche qu&apos;en pause.</translation>
    </message>
    <message>
        <source>STOP will be sent the moment the treadmill is reachable again. If the belt moves, pull the safety key.</source>
        <translation>STOP sera envoyé dès que le tapis sera de nouveau joignable. S&apos;il tourne, retirez la clé de sécurité.</translation>
    </message>
    <message>
        <source>Limited by the {limit}.</source>
        <translation>Limité&#xa0;: {limit}.</translation>
    </message>
    <message>
        <source>Reconnected. The belt was stopped; press resume when you are ready.</source>
        <translation>Reconnecté. Le tapis a été arrêté&#xa0;; appuyez sur REPRENDRE quand vous êtes prêt.</translation>
    </message>
    <message>
        <source>Reconnected. The belt was stopped; press start when you are ready.</source>
        <translation>Reconnecté. Le tapis a été arrêté&#xa0;; appuyez sur DÉPART quand vous êtes prêt.</translation>
    </message>
    <message>
        <source>Paused from the treadmill&apos;s console.</source>
        <translation>Mis en pause depuis la console du tapis.</translation>
    </message>
    <message>
        <source>{what} Resume when ready.</source>
        <translation>{what} Reprenez quand vous êtes prêt.</translation>
    </message>
    <message>
        <source>{what} Press start when you are ready.</source>
        <translation>{what} Appuyez sur DÉPART quand vous êtes prêt.</translation>
    </message>
    <message>
        <source>Speed set to {speed} on the console (above your {direction} cap {cap}): kept for this phase.</source>
        <translation>Vitesse réglée à {speed} sur la console (au-dessus de votre limite {direction} de {cap})&#xa0;: gardée pour cette phase.</translation>
    </message>
    <message>
        <source>Speed set to {speed} on the console: kept for this phase.</source>
        <translation>Vitesse réglée à {speed} sur la console&#xa0;: gardée pour cette phase.</translation>
    </message>
    <message>
        <source>The belt runs at {speed}, above your {direction} cap {cap}. Stopping.</source>
        <translation>Le tapis tourne à {speed}, au-dessus de votre limite {direction} de {cap}. Arrêt.</translation>
    </message>
    <message>
        <source>The belt runs at {speed}, instead of {setpoint} (does its console read speeds in mph?). Stopping.</source>
        <translation>Le tapis tourne à {speed} au lieu de {setpoint} (sa console lit-elle des mph&#xa0;?). Arrêt.</translation>
    </message>
    <message>
        <source>The belt still runs at {speed} while the session is {state}: stopping it.</source>
        <translation>Le tapis tourne encore à {speed} alors que la séance est {state}&#xa0;: arrêt.</translation>
    </message>
    <message>
        <source>Heart rate {hr} is above your cap {limit} bpm: slowing to {speed} in {lead} s.</source>
        <translation>Pouls {hr} au-dessus de votre limite de {limit} bpm&#xa0;: ralentit à {speed} dans {lead} s.</translation>
    </message>
    <message>
        <source>Heart rate above {limit}: slowing to {speed} in {lead}</source>
        <translation>Pouls au-dessus de {limit}&#xa0;: ralentit à {speed} dans {lead}</translation>
    </message>
    <message>
        <source>{change} in {seconds}</source>
        <translation>{change} dans {seconds}</translation>
    </message>
    <message>
        <source>Skip works while a phase runs (not during a turn-around or a pause).</source>
        <translation>Passer marche pendant une phase (pas pendant un demi-tour ni une pause).</translation>
    </message>
    <message>
        <source>Extend works while a phase runs.</source>
        <translation>Prolonger marche pendant une phase.</translation>
    </message>
    <message>
        <source>Speed changes work while a phase runs.</source>
        <translation>Changer la vitesse marche pendant une phase.</translation>
    </message>
    <message>
        <source>The session is over.</source>
        <translation>La séance est terminée.</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>arrière</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>avant</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêtée</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>&apos;{action}&apos; does not apply now.</source>
        <translation>«&#xa0;{action}&#xa0;» ne s&apos;applique pas maintenant.</translation>
    </message>
    <message>
        <source>Pause: {result}; stopping the belt instead.</source>
        <translation>Pause&#xa0;: {result}&#xa0;; arrêt du tapis à la place.</translation>
    </message>
    <message>
        <source>{why} Stopping the session.</source>
        <translation>{why} Arrêt de la séance.</translation>
    </message>
    <message>
        <source>{why} Stopping.</source>
        <translation>{why} Arrêt.</translation>
    </message>
    <message>
        <source>STOP not confirmed. Pull the safety key!</source>
        <translation>STOP non confirmé. Retirez la clé de sécurité&#xa0;!</translation>
    </message>
    <message>
        <source>The treadmill did not confirm STOP. Pull the safety key now!</source>
        <translation>Le tapis n&apos;a pas confirmé STOP. Retirez la clé de sécurité maintenant&#xa0;!</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>Échauffement</translation>
    </message>
    <message>
        <source>Backward block</source>
        <translation>Bloc arrière</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>Safety key pulled: the treadmill stopped</source>
        <translation>Clé de sécurité retirée&#xa0;: le tapis s&apos;est arrêté</translation>
    </message>
    <message>
        <source>Stopped from the treadmill&apos;s console</source>
        <translation>Arrêté depuis la console du tapis</translation>
    </message>
    <message>
        <source>The treadmill was reset</source>
        <translation>Le tapis a été réinitialisé</translation>
    </message>
    <message>
        <source>Paused from the treadmill&apos;s console</source>
        <translation>Mis en pause depuis la console du tapis</translation>
    </message>
    <message>
        <source>{name} skipped after {ran} of {planned}</source>
        <translation>{name} passé après {ran} sur {planned}</translation>
    </message>
    <message>
        <source>{name} skipped after {ran}</source>
        <translation>{name} passé après {ran}</translation>
    </message>
    <message>
        <source>Connection lost for {lost}, not back by the end: the belt ran unattended at {speed} for up to {lost}</source>
        <translation>Connexion perdue pendant {lost}, pas revenue avant la fin&#xa0;: le tapis a tourné sans surveillance à {speed} jusqu&apos;à {lost}</translation>
    </message>
    <message>
        <source>Connection lost for {lost}: the belt ran unattended at {speed} for up to {lost}, until the app reconnected and stopped it</source>
        <translation>Connexion perdue pendant {lost}&#xa0;: le tapis a tourné sans surveillance à {speed} jusqu&apos;à {lost}, jusqu&apos;à ce que l&apos;app se reconnecte et l&apos;arrête</translation>
    </message>
    <message>
        <source>Connection lost for {lost}, not back by the end</source>
        <translation>Connexion perdue pendant {lost}, pas revenue avant la fin</translation>
    </message>
    <message>
        <source>Connection lost for {lost}</source>
        <translation>Connexion perdue pendant {lost}</translation>
    </message>
    <message>
        <source>Forward run</source>
        <translation>Course avant</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>Arrière</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Récupération</translation>
    </message>
    <message>
        <source>Cool-down</source>
        <translation>Retour au calme</translation>
    </message>
    <message>
        <source>Walk</source>
        <translation>Marche</translation>
    </message>
    <message>
        <source>{phase}: speed {speed}, incline {incline} %</source>
        <translation>{phase}&#xa0;: vitesse {speed}, inclinaison {incline} %</translation>
    </message>
    <message>
        <source>{phase}: speed {speed}</source>
        <translation>{phase}&#xa0;: vitesse {speed}</translation>
    </message>
    <message>
        <source>Speed up to {speed} in {seconds}</source>
        <translation>Accélère à {speed} dans {seconds}</translation>
    </message>
    <message>
        <source>Speed down to {speed} in {seconds}</source>
        <translation>Ralentit à {speed} dans {seconds}</translation>
    </message>
    <message>
        <source>Last block</source>
        <translation>Dernier bloc</translation>
    </message>
    <message>
        <source>Starting: backward in {seconds}</source>
        <translation>Départ&#xa0;: arrière dans {seconds}</translation>
    </message>
    <message>
        <source>Starting: forward in {seconds}</source>
        <translation>Départ&#xa0;: avant dans {seconds}</translation>
    </message>
    <message>
        <source>{phase} at {speed} will run at {allowed} ({why}).</source>
        <translation>{phase} à {speed} tournera à {allowed} ({why}).</translation>
    </message>
    <message>
        <source>Slowing down in {seconds}: keep running backward</source>
        <translation>Ralentissement dans {seconds}&#xa0;: continuez en arrière</translation>
    </message>
    <message>
        <source>Slowing down in {seconds}: keep running forward</source>
        <translation>Ralentissement dans {seconds}&#xa0;: continuez en avant</translation>
    </message>
    <message>
        <source>Slowing down: keep running backward</source>
        <translation>Ralentissement&#xa0;: continuez en arrière</translation>
    </message>
    <message>
        <source>Belt at walking speed. Turn around</source>
        <translation>Tapis au pas. Retournez-vous</translation>
    </message>
    <message>
        <source>Forward in {seconds}</source>
        <translation>Avant dans {seconds}</translation>
    </message>
    <message>
        <source>not supported by the treadmill</source>
        <translation>non pris en charge par le tapis</translation>
    </message>
    <message>
        <source>refused (invalid value)</source>
        <translation>refusé (valeur non valide)</translation>
    </message>
    <message>
        <source>refused by the treadmill</source>
        <translation>refusé par le tapis</translation>
    </message>
    <message>
        <source>control not permitted</source>
        <translation>contrôle non autorisé</translation>
    </message>
    <message>
        <source>no answer from the treadmill</source>
        <translation>pas de réponse du tapis</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>{result} ({detail})</source>
        <translation>{result} ({detail})</translation>
    </message>
    <message>
        <source>{task} failed: {why}</source>
        <translation>{task} a échoué&#xa0;: {why}</translation>
    </message>
    <message>
        <source>This session is being recorded right now.</source>
        <translation>Cette séance est en cours d&apos;enregistrement.</translation>
    </message>
    <message>
        <source>Not deleted: {why}</source>
        <translation>Non supprimé&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Not restored: {why}</source>
        <translation>Non restauré&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Not saved: {count} problem(s) to fix first.</source>
        <translation>Non enregistré&#xa0;: {count} problème(s) à corriger d&apos;abord.</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>Non enregistré&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Saved “{name}”.</source>
        <translation>«&#xa0;{name}&#xa0;» enregistré.</translation>
    </message>
    <message>
        <source>A session is under way: stop it before choosing another.</source>
        <translation>Une séance est en cours&#xa0;: arrêtez-la avant d&apos;en choisir une autre.</translation>
    </message>
    <message>
        <source>This session is not recorded: {why}</source>
        <translation>Cette séance n&apos;est pas enregistrée&#xa0;: {why}</translation>
    </message>
    <message>
        <source>no contact</source>
        <translation>pas de contact</translation>
    </message>
    <message>
        <source>strap lost</source>
        <translation>ceinture perdue</translation>
    </message>
    <message>
        <source>Looking for heart-rate straps… (wear yours: most sleep until worn)</source>
        <translation>Recherche de ceintures cardio… (portez la vôtre&#xa0;: la plupart dorment tant qu&apos;on ne les porte pas)</translation>
    </message>
    <message>
        <source>{problem}: {advice}</source>
        <translation>{problem}&#xa0;: {advice}</translation>
    </message>
    <message>
        <source>No heart-rate strap heard. Wear it (moisten the electrodes) and look again.</source>
        <translation>Aucune ceinture cardio détectée. Portez-la (humidifiez les électrodes) et relancez la recherche.</translation>
    </message>
    <message>
        <source>1 strap found.</source>
        <translation>1 ceinture trouvée.</translation>
    </message>
    <message>
        <source>{count} straps found.</source>
        <translation>{count} ceintures trouvées.</translation>
    </message>
    <message>
        <source>Heart-rate strap back.</source>
        <translation>Ceinture cardio de retour.</translation>
    </message>
    <message>
        <source>Not loaded (the files are left as they are):</source>
        <translation>Non chargés (les fichiers restent tels quels)&#xa0;:</translation>
    </message>
    <message>
        <source>Deleted “{name}”</source>
        <translation>«&#xa0;{name}&#xa0;» supprimé</translation>
    </message>
    <message>
        <source>That preset is gone (was its file removed?).</source>
        <translation>Ce programme a disparu (son fichier a-t-il été supprimé&#xa0;?).</translation>
    </message>
    <message>
        <source>Could not duplicate “{name}”: {why}</source>
        <translation>Impossible de dupliquer «&#xa0;{name}&#xa0;»&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Saved a copy: “{name}”.</source>
        <translation>Copie enregistrée&#xa0;: «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <source>Built-in presets cannot be deleted.</source>
        <translation>Les programmes intégrés ne peuvent pas être supprimés.</translation>
    </message>
    <message>
        <source>Could not delete “{name}”: {why}</source>
        <translation>Impossible de supprimer «&#xa0;{name}&#xa0;»&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Could not restore “{name}”: {why}</source>
        <translation>Impossible de restaurer «&#xa0;{name}&#xa0;»&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Imported “{name}”.</source>
        <translation>«&#xa0;{name}&#xa0;» importé.</translation>
    </message>
    <message>
        <source>Imported “{name}”. Adapted: {why}.</source>
        <translation>«&#xa0;{name}&#xa0;» importé. Adapté&#xa0;: {why}.</translation>
    </message>
    <message>
        <source>Imported “{name}”. Adapted: {why} (and {more} more).</source>
        <translation>«&#xa0;{name}&#xa0;» importé. Adapté&#xa0;: {why} (et {more} de plus).</translation>
    </message>
    <message>
        <source>Not imported: {why}</source>
        <translation>Non importé&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Not imported: cannot read {path}: {why}</source>
        <translation>Non importé&#xa0;: impossible de lire {path}&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Not exported: no such preset.</source>
        <translation>Non exporté&#xa0;: programme introuvable.</translation>
    </message>
    <message>
        <source>New to backward running? Start here, at a gentle speed.</source>
        <translation>Nouveau à la course en arrière ? Commencez ici, à vitesse douce.</translation>
    </message>
    <message>
        <source>Not exported: {why}</source>
        <translation>Non exporté&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>Exporté vers {path}.</translation>
    </message>
    <message>
        <source>Could not save the suggestion: {why}</source>
        <translation>Impossible d&apos;enregistrer la suggestion&#xa0;: {why}</translation>
    </message>
    <message>
        <source>could not start the export: {why}</source>
        <translation>impossible de lancer l&apos;export&#xa0;: {why}</translation>
    </message>
    <message>
        <source>the export took longer than {seconds} s</source>
        <translation>l&apos;export a pris plus de {seconds} s</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exporté vers {path}</translation>
    </message>
    <message>
        <source>Plans need the history: {why}</source>
        <translation>Les plans ont besoin de l&apos;historique&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Plans: {why}</source>
        <translation>Plans&#xa0;: {why}</translation>
    </message>
    <message>
        <source>{per_week}× a week · about {weeks} weeks · {steps} steps</source>
        <translation>{per_week}× par semaine · environ {weeks} semaines · {steps} étapes</translation>
    </message>
    <message>
        <source>{load} · 1 good session</source>
        <translation>{load} · 1 bonne séance</translation>
    </message>
    <message>
        <source>{load} · {n} good sessions</source>
        <translation>{load} · {n} bonnes séances</translation>
    </message>
    <message>
        <source>Step {step} of {total}</source>
        <translation>Étape {step} sur {total}</translation>
    </message>
    <message>
        <source>{load} · {good} of {total} good sessions done</source>
        <translation>{load} · {good} bonnes séances sur {total} faites</translation>
    </message>
    <message>
        <source>The plan was not started: {why}</source>
        <translation>Le plan n&apos;a pas démarré&#xa0;: {why}</translation>
    </message>
    <message>
        <source>The plan was not stopped: {why}</source>
        <translation>Le plan n&apos;a pas été arrêté&#xa0;: {why}</translation>
    </message>
    <message>
        <source>This session is not in the history: the plan cannot count it.</source>
        <translation>Cette séance n&apos;est pas dans l&apos;historique&#xa0;: le plan ne peut pas la compter.</translation>
    </message>
    <message>
        <source>Heart rate {hr} (zone {zone}): easing to {speed}</source>
        <translation>Pouls {hr} (zone {zone})&#xa0;: on baisse à {speed}</translation>
    </message>
    <message>
        <source>Heart rate {hr} (zone {zone}): up to {speed}</source>
        <translation>Pouls {hr} (zone {zone})&#xa0;: on monte à {speed}</translation>
    </message>
    <message>
        <source>Heart rate lost: back to {speed}</source>
        <translation>Pouls perdu&#xa0;: retour à {speed}</translation>
    </message>
    <message>
        <source>your knee said {pain}/10, {count} sessions in a row: please see a physiotherapist or doctor before you go on</source>
        <translation>votre genou a dit {pain}/10, {count} séances de suite&#xa0;: consultez un kiné ou un médecin avant de continuer</translation>
    </message>
    <message>
        <source>your knee said {pain}/10</source>
        <translation>votre genou a dit {pain}/10</translation>
    </message>
    <message>
        <source>the session ended early</source>
        <translation>la séance s&apos;est terminée tôt</translation>
    </message>
    <message>
        <source>no debrief was given</source>
        <translation>aucun bilan donné</translation>
    </message>
    <message>
        <source>no knee pain was given</source>
        <translation>aucune douleur au genou indiquée</translation>
    </message>
    <message>
        <source>effort {rpe}/10 was above {most}/10</source>
        <translation>effort {rpe}/10 au-dessus de {most}/10</translation>
    </message>
    <message>
        <source>finished, effort {rpe}/10, knee {pain}/10</source>
        <translation>terminée, effort {rpe}/10, genou {pain}/10</translation>
    </message>
    <message>
        <source>finished, effort {rpe}/10</source>
        <translation>terminée, effort {rpe}/10</translation>
    </message>
    <message>
        <source>Plan complete: well done. Keep the last session going, or start a new plan.</source>
        <translation>Plan terminé&#xa0;: bravo&#xa0;! Gardez la dernière séance ou commencez un nouveau plan.</translation>
    </message>
    <message>
        <source>First session: step 1, “{title}”.</source>
        <translation>Première séance&#xa0;: étape 1, «&#xa0;{title}&#xa0;».</translation>
    </message>
    <message>
        <source>Next time: the first step again, “{title}” — {why}.</source>
        <translation>La prochaine fois&#xa0;: de nouveau la première étape, «&#xa0;{title}&#xa0;» — {why}.</translation>
    </message>
    <message>
        <source>Next time: one step back, “{title}” — {why}.</source>
        <translation>La prochaine fois&#xa0;: une étape en arrière, «&#xa0;{title}&#xa0;» — {why}.</translation>
    </message>
    <message>
        <source>Next time: same session — {why}.</source>
        <translation>La prochaine fois&#xa0;: même séance — {why}.</translation>
    </message>
    <message>
        <source>Next time: step {step}, “{title}” — {why}.</source>
        <translation>La prochaine fois&#xa0;: étape {step}, «&#xa0;{title}&#xa0;» — {why}.</translation>
    </message>
    <message>
        <source>Next time: same session, {good} of {total} good sessions done — {why}.</source>
        <translation>La prochaine fois&#xa0;: même séance, {good} bonnes séances sur {total} faites — {why}.</translation>
    </message>
    <message>
        <source>Week {week} · {sessions} so far</source>
        <translation>Semaine {week} · {sessions} pour l&apos;instant</translation>
    </message>
    <message>
        <source>Week {week} · {sessions} · {percent} % of the planned sessions in the weeks gone</source>
        <translation>Semaine {week} · {sessions} · {percent} % des séances prévues les semaines passées</translation>
    </message>
    <message>
        <source>{n} session</source>
        <translation>{n} séance</translation>
    </message>
    <message>
        <source>{n} sessions</source>
        <translation>{n} séances</translation>
    </message>
    <message>
        <source>The treadmill sends its speed again: the session goes on.</source>
        <translation>Le tapis renvoie sa vitesse&#xa0;: la séance continue.</translation>
    </message>
    <message>
        <source>The belt runs at {actual} after the treadmill was silent (the session asked for {asked}): stopping.</source>
        <translation>Le tapis tourne à {actual} après un silence (la séance demandait {asked})&#xa0;: arrêt.</translation>
    </message>
    <message>
        <source>No speed from the treadmill</source>
        <translation>Pas de vitesse du tapis</translation>
    </message>
    <message>
        <source>No speed from the treadmill for {silent} s: holding every automatic change and asking it again. The session stops in {give_up} s unless it answers.</source>
        <translation>Pas de vitesse du tapis depuis {silent} s&#xa0;: tout changement automatique est suspendu et la vitesse redemandée. La séance s&apos;arrête dans {give_up} s sans réponse.</translation>
    </message>
    <message>
        <source>The treadmill stopped sending its speed ({silent} s without data): stopping. Check the treadmill, then press start to go on or END to finish.</source>
        <translation>Le tapis n&apos;envoie plus sa vitesse ({silent} s sans données)&#xa0;: arrêt. Vérifiez le tapis, puis appuyez sur DÉPART pour continuer ou FIN pour terminer.</translation>
    </message>
    <message>
        <source>{blocks} × {seconds} s backward at {speed} km/h</source>
        <translation>{blocks} × {seconds} s en arrière à {speed} km/h</translation>
    </message>
    <message>
        <source>1 mile</source>
        <translation>1 mile</translation>
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
        <translation>semi-marathon</translation>
    </message>
    <message>
        <source>marathon</source>
        <translation>marathon</translation>
    </message>
    <message>
        <source>pace {value} is not one of Zwift&apos;s run paces (0 mile, 1 5 km, 2 10 km, 3 half marathon, 4 marathon): approximated by your threshold pace</source>
        <translation>pace {value} n’est pas une des allures de course de Zwift (0 mile, 1 5 km, 2 10 km, 3 semi-marathon, 4 marathon) : approchée par votre allure seuil</translation>
    </message>
    <message>
        <source>pace {value} ({name} pace) approximated as {percent} of your threshold pace (Riegel&apos;s race-time formula)</source>
        <translation>pace {value} (allure sur {name}) approchée à {percent} de votre allure seuil (formule de Riegel des temps de course)</translation>
    </message>
    <message>
        <source>treadmill{prefix}HrLow and …HrHigh come together</source>
        <translation>treadmill{prefix}HrLow et …HrHigh vont ensemble</translation>
    </message>
    <message>
        <source>a heart-rate step without its speed: it starts at {speed} km/h</source>
        <translation>une étape à la fréquence cardiaque sans vitesse : elle commence à {speed} km/h</translation>
    </message>
    <message>
        <source>a heart-rate zone of the watch{which}: the file gives no heart rate</source>
        <translation>une zone de fréquence cardiaque de la montre{which} : le fichier ne donne aucune fréquence cardiaque</translation>
    </message>
    <message>
        <source>a heart-rate target in % of the maximum: give it in bpm</source>
        <translation>un objectif de fréquence cardiaque en % du maximum : indiquez-le en bpm</translation>
    </message>
    <message>
        <source>a backward step cannot follow the heart rate (its speed stays fixed)</source>
        <translation>une étape en arrière ne peut pas suivre la fréquence cardiaque (sa vitesse reste fixe)</translation>
    </message>
    <message>
        <source>backward cap {speed}</source>
        <translation>limite arrière {speed}</translation>
    </message>
    <message>
        <source>the treadmill&apos;s maximum {speed}</source>
        <translation>maximum du tapis {speed}</translation>
    </message>
    <message>
        <source>forward cap {speed}</source>
        <translation>limite avant {speed}</translation>
    </message>
    <message>
        <source>the treadmill&apos;s minimum {speed}</source>
        <translation>minimum du tapis {speed}</translation>
    </message>
    <message>
        <source>{file}: {why}</source>
        <translation>{file} : {why}</translation>
    </message>
    <message>
        <source>{file}, line {line}: {why}</source>
        <translation>{file}, ligne {line} : {why}</translation>
    </message>
    <message>
        <source>Backward warm-up</source>
        <translation>Échauffement en arrière</translation>
    </message>
    <message>
        <source>A nine-minute warm-up before your training: an easy walk, then three minutes of backward walking at 2.5 km/h in one-minute blocks, with a minute of forward jogging after each. Wakes up the calves, the quads and your balance.</source>
        <translation>Un échauffement de neuf minutes avant l’entraînement : une marche tranquille, puis trois minutes de marche arrière à 2,5 km/h en blocs d’une minute, avec une minute de footing en avant après chacun. Réveille les mollets, les quadriceps et l’équilibre.</translation>
    </message>
    <message>
        <source>Eight by ninety (45 min)</source>
        <translation>Huit fois quatre-vingt-dix (45 min)</translation>
    </message>
    <message>
        <source>A full 45-minute session for experienced backward runners: a long warm-up, a steady forward run, then eight backward blocks of 90 seconds at 3.0 km/h with two minutes of forward recovery, and a cool-down. Twelve minutes backward in all.</source>
        <translation>Une séance complète de 45 minutes pour coureurs en arrière expérimentés : un long échauffement, une course régulière en avant, puis huit blocs en arrière de 90 secondes à 3,0 km/h avec deux minutes de récupération en avant, et un retour au calme. Douze minutes en arrière au total.</translation>
    </message>
    <message>
        <source>First steps</source>
        <translation>Premiers pas</translation>
    </message>
    <message>
        <source>Your first backward running. An easy warm-up walk and a gentle forward jog, then two short backward blocks of 30 seconds at a slow 3.0 km/h, each followed by 90 seconds of easy forward running to recover. Keep your steps short, land on the balls of your feet, and hold the rails if you need to. About 15 minutes.</source>
        <translation>Votre première course en arrière. Une marche d’échauffement tranquille et un footing doux en avant, puis deux courts blocs en arrière de 30 secondes à 3,0 km/h, lentement, chacun suivi de 90 secondes de course facile en avant pour récupérer. Faites de petits pas, posez l’avant du pied et tenez les barres si besoin. Environ 15 minutes.</translation>
    </message>
    <message>
        <source>Four by forty-five</source>
        <translation>Quatre fois quarante-cinq</translation>
    </message>
    <message>
        <source>Longer blocks, same speed: four backward blocks of 45 seconds at 3.0 km/h with 90 seconds of forward recovery. Stay relaxed and upright; if your calves burn, step back down to &quot;Four by thirty&quot;. About 20 minutes.</source>
        <translation>Des blocs plus longs, la même vitesse : quatre blocs en arrière de 45 secondes à 3,0 km/h avec 90 secondes de récupération en avant. Restez détendu et droit ; si vos mollets brûlent, revenez à « Quatre fois trente ». Environ 20 minutes.</translation>
    </message>
    <message>
        <source>Four by ninety</source>
        <translation>Quatre fois quatre-vingt-dix</translation>
    </message>
    <message>
        <source>Four backward blocks of 90 seconds at 3.0 km/h with two minutes of forward recovery. Long enough to settle into a rhythm: short quick steps, eyes ahead, arms relaxed. About 25 minutes.</source>
        <translation>Quatre blocs en arrière de 90 secondes à 3,0 km/h avec deux minutes de récupération en avant. Assez longs pour trouver un rythme : petits pas rapides, regard devant, bras détendus. Environ 25 minutes.</translation>
    </message>
    <message>
        <source>Four by sixty</source>
        <translation>Quatre fois soixante</translation>
    </message>
    <message>
        <source>A full minute backward, four times, at 3.0 km/h, with 90 seconds of forward recovery in between. This is where backward running starts to work your quads and knees in a new way. About 21 minutes.</source>
        <translation>Une minute entière en arrière, quatre fois, à 3,0 km/h, avec 90 secondes de récupération en avant entre les blocs. C’est là que la course en arrière commence à travailler les quadriceps et les genoux d’une façon nouvelle. Environ 21 minutes.</translation>
    </message>
    <message>
        <source>Four by thirty</source>
        <translation>Quatre fois trente</translation>
    </message>
    <message>
        <source>The classic start once &quot;First steps&quot; feels easy: four backward blocks of 30 seconds at 3.0 km/h, each followed by 90 seconds of easy forward running. Same gentle speed, twice the blocks. About 19 minutes.</source>
        <translation>Le début classique quand « Premiers pas » devient facile : quatre blocs en arrière de 30 secondes à 3,0 km/h, chacun suivi de 90 secondes de course facile en avant. La même vitesse douce, deux fois plus de blocs. Environ 19 minutes.</translation>
    </message>
    <message>
        <source>Knee-friendly backward walk</source>
        <translation>Marche arrière douce pour les genoux</translation>
    </message>
    <message>
        <source>Backward walking uphill is used in knee rehabilitation: it strengthens the thigh muscles with little load on the front of the knee. Six blocks of two minutes walking backward at 2.0 km/h on a 4 % incline, each followed by a minute of easy forward walking. On a treadmill that cannot incline it is walked flat. About 26 minutes.</source>
        <translation>La marche arrière en montée sert à la rééducation du genou : elle renforce les muscles de la cuisse avec peu de charge sur l’avant du genou. Six blocs de deux minutes de marche arrière à 2,0 km/h sur une pente de 4 %, chacun suivi d’une minute de marche facile en avant. Sur un tapis sans inclinaison, on marche à plat. Environ 26 minutes.</translation>
    </message>
    <message>
        <source>Referee / defender conditioning</source>
        <translation>Préparation arbitres et défenseurs</translation>
    </message>
    <message>
        <source>For referees and defenders, who back-pedal many times in a match: ten short backward segments of 20 seconds at 4.0 km/h between 40-second forward runs at 8.0 km/h. The belt turns at a walk instead of stopping, so the turns come quickly: listen for the countdown. About 28 minutes, most of it turning and running.</source>
        <translation>Pour les arbitres et les défenseurs, qui reculent souvent pendant un match : dix courts passages en arrière de 20 secondes à 4,0 km/h entre des courses en avant de 40 secondes à 8,0 km/h. Le tapis tourne au pas au lieu de s’arrêter, les demi-tours arrivent donc vite : écoutez le compte à rebours. Environ 28 minutes, surtout des demi-tours et de la course.</translation>
    </message>
    <message>
        <source>Six by ninety</source>
        <translation>Six fois quatre-vingt-dix</translation>
    </message>
    <message>
        <source>More blocks instead of faster ones: six backward blocks of 90 seconds at 3.0 km/h with two minutes of forward recovery. Nine minutes of backward running in all. About 32 minutes.</source>
        <translation>Plus de blocs plutôt que plus rapides : six blocs en arrière de 90 secondes à 3,0 km/h avec deux minutes de récupération en avant. Neuf minutes de course en arrière au total. Environ 32 minutes.</translation>
    </message>
    <message>
        <source>Back-pedal</source>
        <translation>Course arrière</translation>
    </message>
    <message>
        <source>Backward walk</source>
        <translation>Marche arrière</translation>
    </message>
    <message>
        <source>Backward walk uphill</source>
        <translation>Marche arrière en montée</translation>
    </message>
    <message>
        <source>Brisk walk</source>
        <translation>Marche rapide</translation>
    </message>
    <message>
        <source>Easy jog</source>
        <translation>Footing léger</translation>
    </message>
    <message>
        <source>Easy walk</source>
        <translation>Marche tranquille</translation>
    </message>
    <message>
        <source>Forward walk</source>
        <translation>Marche avant</translation>
    </message>
    <message>
        <source>Jog</source>
        <translation>Footing</translation>
    </message>
    <message>
        <source>Steady run</source>
        <translation>Course régulière</translation>
    </message>
    <message>
        <source>Knee-friendly backward walking</source>
        <translation>Marche arrière douce pour les genoux</translation>
    </message>
    <message>
        <source>Backward walking for knees that hurt, three times a week for about six weeks: about 10 minutes of backward walking at 2.0 km/h, growing towards 30 minutes while the knee says 2/10 or less. Walked flat; a gentle incline (2 %) is optional, in your own copy of the plan (incline_pct = 2.0 on a step). In a trial in knee osteoarthritis, 10 minutes of backward walking added to usual care three days a week for six weeks reduced pain more than usual care alone (Alghadir, Anwer, Sarkar et al. 2019, BMC Musculoskeletal Disorders); the growth towards 30 minutes is this plan&apos;s own, gated by pain. After each session the app asks how the knee felt; high pain steps the plan back, and pain that stays high means: see a physiotherapist or doctor. This is not medical advice. See docs/plans.md.</source>
        <translation>La marche arrière pour les genoux douloureux, trois fois par semaine pendant environ six semaines : environ 10 minutes de marche arrière à 2,0 km/h, en allant vers 30 minutes tant que le genou dit 2/10 ou moins. À plat ; une pente douce (2 %) est possible, dans votre propre copie du plan (incline_pct = 2.0 sur une étape). Dans un essai sur l’arthrose du genou, 10 minutes de marche arrière ajoutées aux soins habituels trois jours par semaine pendant six semaines ont réduit la douleur plus que les soins habituels seuls (Alghadir, Anwer, Sarkar et al. 2019, BMC Musculoskeletal Disorders) ; la progression vers 30 minutes est propre à ce plan, limitée par la douleur. Après chaque séance, l’application demande comment allait le genou ; une forte douleur fait reculer le plan, et une douleur qui reste forte veut dire : consultez un kinésithérapeute ou un médecin. Ceci n’est pas un avis médical. Voir docs/plans.md.</translation>
    </message>
    <message>
        <source>Learn backward running</source>
        <translation>Apprendre la course en arrière</translation>
    </message>
    <message>
        <source>For runners new to backward (retro) running, twice a week for about eight weeks. It starts with two to four blocks of 30 seconds at a slow 3.0 km/h at the end of an easy run, then makes the blocks longer, then adds more of them, and only then runs them as intervals a little faster (3.5 km/h). The plan moves on after two good sessions at a step: finished, knee pain 2/10 or less, effort 7/10 or less. Backward running puts less compressive force on the kneecap joint than forward running (Flynn &amp; Soutas-Little 1995, J Orthop Sports Phys Ther; Roos, Barton &amp; van Deursen 2012, J Biomech), but it is a new movement for the calves and thighs: new loads are added a little at a time. See docs/plans.md.</source>
        <translation>Pour les coureurs qui découvrent la course en arrière (rétro-running), deux fois par semaine pendant environ huit semaines. Il commence par deux à quatre blocs de 30 secondes à 3,0 km/h, lentement, à la fin d’une course facile, puis allonge les blocs, puis en ajoute, et seulement ensuite les court en intervalles un peu plus vite (3,5 km/h). Le plan avance après deux bonnes séances à une étape : terminée, douleur au genou 2/10 ou moins, effort 7/10 ou moins. La course en arrière exerce moins de force de compression sur l’articulation de la rotule que la course en avant (Flynn &amp; Soutas-Little 1995, J Orthop Sports Phys Ther ; Roos, Barton &amp; van Deursen 2012, J Biomech), mais c’est un mouvement nouveau pour les mollets et les cuisses : les nouvelles charges s’ajoutent peu à peu. Voir docs/plans.md.</translation>
    </message>
    <message>
        <source>For referees and defenders, who back-pedal many times in a match, twice a week for about six weeks. Short back-pedal segments between forward runs, with walking turns: first more of them, then longer ones, and only then a little faster (3.5 → 4.0 km/h, 0.5 km/h at a time). Match analyses show soccer referees spend a real share of the game moving backward (e.g. Krustrup &amp; Bangsbo 2001, J Sports Sci). See docs/plans.md.</source>
        <translation>Pour les arbitres et les défenseurs, qui reculent souvent pendant un match, deux fois par semaine pendant environ six semaines. De courts passages en arrière entre des courses en avant, avec des demi-tours au pas : d’abord plus nombreux, puis plus longs, et seulement ensuite un peu plus rapides (3,5 → 4,0 km/h, 0,5 km/h à la fois). Les analyses de matchs montrent que les arbitres de football passent une vraie part du jeu à se déplacer en arrière (p. ex. Krustrup &amp; Bangsbo 2001, J Sports Sci). Voir docs/plans.md.</translation>
    </message>
    <message>
        <source>10 min backward walking</source>
        <translation>10 min de marche arrière</translation>
    </message>
    <message>
        <source>Five blocks of 2 minutes walking backward, a minute forward between them.</source>
        <translation>Cinq blocs de 2 minutes de marche arrière, une minute en avant entre eux.</translation>
    </message>
    <message>
        <source>15 min backward walking</source>
        <translation>15 min de marche arrière</translation>
    </message>
    <message>
        <source>Five blocks of 3 minutes.</source>
        <translation>Cinq blocs de 3 minutes.</translation>
    </message>
    <message>
        <source>20 min backward walking</source>
        <translation>20 min de marche arrière</translation>
    </message>
    <message>
        <source>Five blocks of 4 minutes.</source>
        <translation>Cinq blocs de 4 minutes.</translation>
    </message>
    <message>
        <source>24 min backward walking</source>
        <translation>24 min de marche arrière</translation>
    </message>
    <message>
        <source>Six blocks of 4 minutes.</source>
        <translation>Six blocs de 4 minutes.</translation>
    </message>
    <message>
        <source>27 min backward walking</source>
        <translation>27 min de marche arrière</translation>
    </message>
    <message>
        <source>Six blocks of 4½ minutes.</source>
        <translation>Six blocs de 4½ minutes.</translation>
    </message>
    <message>
        <source>30 min backward walking</source>
        <translation>30 min de marche arrière</translation>
    </message>
    <message>
        <source>Six blocks of 5 minutes: 30 minutes backward.</source>
        <translation>Six blocs de 5 minutes : 30 minutes en arrière.</translation>
    </message>
    <message>
        <source>2 × 30 s backward after an easy jog. Short steps, land on the balls of your feet.</source>
        <translation>2 × 30 s en arrière après un footing léger. Petits pas, posez l’avant du pied.</translation>
    </message>
    <message>
        <source>Four blocks of 30 s: the same speed, twice the blocks.</source>
        <translation>Quatre blocs de 30 s : la même vitesse, deux fois plus de blocs.</translation>
    </message>
    <message>
        <source>Longer blocks: 45 s.</source>
        <translation>Blocs plus longs : 45 s.</translation>
    </message>
    <message>
        <source>Longer blocks: a whole minute.</source>
        <translation>Blocs plus longs : une minute entière.</translation>
    </message>
    <message>
        <source>Longer blocks: 90 s.</source>
        <translation>Blocs plus longs : 90 s.</translation>
    </message>
    <message>
        <source>More blocks: six of 90 s.</source>
        <translation>Plus de blocs : six de 90 s.</translation>
    </message>
    <message>
        <source>More blocks: eight of 90 s, a longer run around them.</source>
        <translation>Plus de blocs : huit de 90 s, avec une course plus longue autour.</translation>
    </message>
    <message>
        <source>Backward intervals at 3.5 km/h</source>
        <translation>Intervalles en arrière à 3,5 km/h</translation>
    </message>
    <message>
        <source>The same eight blocks as intervals, 0.5 km/h faster: the only speed step.</source>
        <translation>Les mêmes huit blocs en intervalles, 0,5 km/h plus vite : le seul palier de vitesse.</translation>
    </message>
    <message>
        <source>6 back-pedals of 20 s</source>
        <translation>6 passages en arrière de 20 s</translation>
    </message>
    <message>
        <source>8 back-pedals of 20 s</source>
        <translation>8 passages en arrière de 20 s</translation>
    </message>
    <message>
        <source>10 back-pedals of 20 s</source>
        <translation>10 passages en arrière de 20 s</translation>
    </message>
    <message>
        <source>10 back-pedals of 30 s</source>
        <translation>10 passages en arrière de 30 s</translation>
    </message>
    <message>
        <source>10 back-pedals of 30 s, faster</source>
        <translation>10 passages en arrière de 30 s, plus vite</translation>
    </message>
    <message>
        <source>The speed step: 0.5 km/h faster, same blocks.</source>
        <translation>Le palier de vitesse : 0,5 km/h plus vite, mêmes blocs.</translation>
    </message>
    <message>
        <source>stopped: {why}</source>
        <translation>arrêté : {why}</translation>
    </message>
    <message>
        <source>control and Stop with the belt still</source>
        <translation>contrôle et arrêt, tapis immobile</translation>
    </message>
    <message>
        <source>Start: the belt moves slowly</source>
        <translation>Départ : le tapis avance lentement</translation>
    </message>
    <message>
        <source>a set-point to learn the console&apos;s unit</source>
        <translation>une consigne pour connaître l’unité de la console</translation>
    </message>
    <message>
        <source>ramps up and down (acceleration, deceleration)</source>
        <translation>montées et descentes (accélération, décélération)</translation>
    </message>
    <message>
        <source>a set-point below the range</source>
        <translation>une consigne sous la plage</translation>
    </message>
    <message>
        <source>Start while the belt runs</source>
        <translation>Départ tapis en marche</translation>
    </message>
    <message>
        <source>a set-point between two steps</source>
        <translation>une consigne entre deux paliers</translation>
    </message>
    <message>
        <source>Stop: the run-down</source>
        <translation>Arrêt : le ralentissement</translation>
    </message>
    <message>
        <source>mph console</source>
        <translation>console en mph</translation>
    </message>
    <message>
        <source>km/h console</source>
        <translation>console en km/h</translation>
    </message>
    <message>
        <source>target unit unknown</source>
        <translation>unité des consignes inconnue</translation>
    </message>
    <message>
        <source>{step} km/h steps</source>
        <translation>paliers de {step} km/h</translation>
    </message>
    <message>
        <source>belt moves {seconds} s after Start</source>
        <translation>le tapis part {seconds} s après le départ</translation>
    </message>
    <message>
        <source>speeds up {rate} km/h/s</source>
        <translation>accélère de {rate} km/h/s</translation>
    </message>
    <message>
        <source>data every {seconds} s</source>
        <translation>données toutes les {seconds} s</translation>
    </message>
    <message>
        <source>1 quirk not determined</source>
        <translation>1 particularité non déterminée</translation>
    </message>
    <message>
        <source>{n} quirks not determined</source>
        <translation>{n} particularités non déterminées</translation>
    </message>
    <message>
        <source>Checked on {date}: {found}. SESSIONS REFUSED: {dangers}</source>
        <translation>Vérifié le {date} : {found}. SÉANCES REFUSÉES : {dangers}</translation>
    </message>
    <message>
        <source>Checked on {date}: {found}</source>
        <translation>Vérifié le {date} : {found}</translation>
    </message>
    <message>
        <source>You skipped part of it</source>
        <translation>Vous en avez sauté une partie</translation>
    </message>
    <message>
        <source>The treadmill stopped it</source>
        <translation>Le tapis l’a arrêtée</translation>
    </message>
    <message>
        <source>The connection was lost</source>
        <translation>La connexion a été perdue</translation>
    </message>
    <message>
        <source>An error ended it</source>
        <translation>Une erreur l’a terminée</translation>
    </message>
    <message>
        <source>You stopped before the end</source>
        <translation>Vous avez arrêté avant la fin</translation>
    </message>
    <message>
        <source>{why}: do “{name}” again before moving on.</source>
        <translation>{why} : refaites « {name} » avant de passer à la suite.</translation>
    </message>
    <message>
        <source>This session had no backward blocks: nothing to progress.</source>
        <translation>Cette séance n’avait aucun bloc en arrière : rien à faire progresser.</translation>
    </message>
    <message>
        <source>Next: longer blocks — {blocks} × {seconds} s backward (you did {done} × {done_s} s), same speed.</source>
        <translation>Ensuite : des blocs plus longs — {blocks} × {seconds} s en arrière (vous avez fait {done} × {done_s} s), même vitesse.</translation>
    </message>
    <message>
        <source>Next: more blocks — {blocks} × {seconds} s backward (you did {done} × {done_s} s), same speed.</source>
        <translation>Ensuite : plus de blocs — {blocks} × {seconds} s en arrière (vous avez fait {done} × {done_s} s), même vitesse.</translation>
    </message>
    <message>
        <source>Next: {blocks} × {seconds} s backward (you did {done} × {done_s} s), same speed.</source>
        <translation>Ensuite : {blocks} × {seconds} s en arrière (vous avez fait {done} × {done_s} s), même vitesse.</translation>
    </message>
    <message>
        <source>You are at the top of this progression: repeat it, or raise the backward speed yourself in small steps.</source>
        <translation>Vous êtes en haut de cette progression : répétez-la, ou augmentez vous-même la vitesse en arrière par petits pas.</translation>
    </message>
    <message>
        <source>The recording stops without an end</source>
        <translation>L’enregistrement s’arrête sans fin</translation>
    </message>
    <message>
        <source>1 phase skipped</source>
        <translation>1 phase sautée</translation>
    </message>
    <message>
        <source>{n} phases skipped</source>
        <translation>{n} phases sautées</translation>
    </message>
    <message>
        <source>unknown key &apos;{key}&apos;{hint}; allowed here: {allowed}</source>
        <translation>clé inconnue « {key} »{hint} ; autorisées ici : {allowed}</translation>
    </message>
    <message>
        <source>{key} must be text in quotes, not {value}</source>
        <translation>{key} doit être du texte entre guillemets, pas {value}</translation>
    </message>
    <message>
        <source>{key} must be a whole number from {lo} to {hi}, not {value}</source>
        <translation>{key} doit être un nombre entier de {lo} à {hi}, pas {value}</translation>
    </message>
    <message>
        <source>{n} phases</source>
        <translation>{n} phases</translation>
    </message>
    <message>
        <source>no backward blocks</source>
        <translation>aucun bloc en arrière</translation>
    </message>
    <message>
        <source>{n} × {time} backward</source>
        <translation>{n} × {time} en arrière</translation>
    </message>
    <message>
        <source>{n} backward blocks ({shortest}–{longest})</source>
        <translation>{n} blocs en arrière ({shortest}–{longest})</translation>
    </message>
</context>
<context>
    <name>ConnectScreen</name>
    <message>
        <source>Your treadmill</source>
        <translation>Votre tapis</translation>
    </message>
    <message>
        <source>CONNECTED</source>
        <translation>CONNECTÉ</translation>
    </message>
    <message>
        <source>USED LAST TIME</source>
        <translation>UTILISÉ LA DERNIÈRE FOIS</translation>
    </message>
    <message>
        <source>None chosen yet</source>
        <translation>Aucun choisi pour l&apos;instant</translation>
    </message>
    <message>
        <source>Choose it in the list. The app connects only to the treadmill you choose, never to another one nearby.</source>
        <translation>Choisissez-le dans la liste. L&apos;appli ne se connecte qu&apos;au tapis choisi, jamais à un autre à proximité.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connecter</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Oublier</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <source>choose one</source>
        <translation>en choisir un</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <source>Virtual treadmill mode: the simulated treadmill is in the list; nothing real moves.</source>
        <translation>Mode tapis virtuel&#xa0;: le tapis simulé est dans la liste&#xa0;; rien de réel ne bouge.</translation>
    </message>
    <message>
        <source>Before you connect: clip the safety key to your clothes, switch the treadmill on, and close other apps that use it (a treadmill takes one connection at a time).</source>
        <translation>Avant de connecter&#xa0;: accrochez la clé de sécurité à vos vêtements, allumez le tapis et fermez les autres applis qui l&apos;utilisent (un tapis n&apos;accepte qu&apos;une connexion).</translation>
    </message>
    <message>
        <source>Nearby</source>
        <translation>À portée</translation>
    </message>
    <message>
        <source>Show other devices</source>
        <translation>Tous les appareils</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Scan again</source>
        <translation>Relancer la recherche</translation>
    </message>
    <message>
        <source>LAST USED</source>
        <translation>DERNIER</translation>
    </message>
    <message>
        <source>MARKED AS TREADMILL</source>
        <translation>MARQUÉ COMME TAPIS</translation>
    </message>
    <message>
        <source>NO FITNESS SERVICE</source>
        <translation>SANS SERVICE FITNESS</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>This is my treadmill</source>
        <translation>C&apos;est mon tapis</translation>
    </message>
    <message>
        <source>Looking for treadmills…</source>
        <translation>Recherche de tapis…</translation>
    </message>
    <message>
        <source>No treadmill in the list.
Switch it on, close other apps connected to it, and scan again.
If yours does not show up, turn on “Show other devices”.</source>
        <translation>Aucun tapis dans la liste.
Allumez-le, fermez les autres applis connectées et relancez la recherche.
Si le vôtre n&apos;apparaît pas, activez «&#xa0;Tous les appareils&#xa0;».</translation>
    </message>
    <message>
        <source>Check this treadmill</source>
        <translation>Tester ce tapis</translation>
    </message>
    <message>
        <source>nobody on the belt</source>
        <translation>personne sur le tapis</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <source>then </source>
        <translation>puis </translation>
    </message>
</context>
<context>
    <name>DebriefScreen</name>
    <message>
        <source>Effort: how hard was it? (0 rest … 10 maximal)</source>
        <translation>Effort&#xa0;: c&apos;était dur&#xa0;? (0 repos … 10 maximal)</translation>
    </message>
    <message>
        <source>Knee pain during the session (0 none … 10 worst)</source>
        <translation>Douleur au genou pendant la séance (0 aucune … 10 pire)</translation>
    </message>
    <message>
        <source>Knee pain now, after it (0 none … 10 worst)</source>
        <translation>Douleur au genou maintenant (0 aucune … 10 pire)</translation>
    </message>
    <message>
        <source>How did it go?</source>
        <translation>Comment ça s&apos;est passé&#xa0;?</translation>
    </message>
    <message>
        <source> (ended early)</source>
        <translation> (terminée tôt)</translation>
    </message>
    <message>
        <source>A note (optional)</source>
        <translation>Une note (facultatif)</translation>
    </message>
    <message>
        <source>Keys 0–9 answer, Backspace goes back, Enter saves.</source>
        <translation>Touches 0–9 pour répondre, Retour arrière revient, Entrée enregistre.</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
</context>
<context>
    <name>HistoryScreen</name>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>%1 · %2 backward · %3</source>
        <translation>%1 · %2 arrière · %3</translation>
    </message>
    <message>
        <source>No sessions yet.
Every session is recorded here as it runs.</source>
        <translation>Aucune séance pour l&apos;instant.
Chaque séance est enregistrée ici pendant qu&apos;elle se déroule.</translation>
    </message>
    <message>
        <source>Choose a session on the left.</source>
        <translation>Choisissez une séance à gauche.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Suppr</translation>
    </message>
    <message>
        <source>Export FIT</source>
        <translation>Exporter FIT</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Export TCX</source>
        <translation>Exporter TCX</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Temps</translation>
    </message>
    <message>
        <source>forward %1</source>
        <translation>avant %1</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>Arrière</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>top %1</source>
        <translation>max. %1</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Pouls</translation>
    </message>
    <message>
        <source>bpm</source>
        <translation>bpm</translation>
    </message>
    <message>
        <source>avg · max %1</source>
        <translation>moy. · max. %1</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>Backward (hatched)</source>
        <translation>Arrière (hachuré)</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existe déjà. Le remplacer&#xa0;?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>KeyHelpOverlay</name>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Press ? or click anywhere to close this list. Space and Esc stop the belt, here too.</source>
        <translation>Appuyez sur&#xa0;? ou cliquez n&apos;importe où pour fermer. Espace et Échap arrêtent le tapis, ici aussi.</translation>
    </message>
</context>
<context>
    <name>MachineCheckOverlay</name>
    <message>
        <source>Checking the treadmill — any key stops the belt</source>
        <translation>Test du tapis — toute touche l&apos;arrête</translation>
    </message>
    <message>
        <source>Machine check</source>
        <translation>Test du tapis</translation>
    </message>
    <message>
        <source>Check this treadmill</source>
        <translation>Tester ce tapis</translation>
    </message>
    <message>
        <source>Nobody is on the belt, the safety key is in: start</source>
        <translation>Personne sur le tapis, clé en place&#xa0;: démarrer</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <source>STOP</source>
        <translation>STOP</translation>
    </message>
    <message>
        <source>any key</source>
        <translation>toute touche</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Virtual treadmill</source>
        <translation>Tapis virtuel</translation>
    </message>
    <message>
        <source>VIRTUAL</source>
        <translation>VIRTUEL</translation>
    </message>
    <message>
        <source>Treadmill</source>
        <translation>Tapis</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>STOP</source>
        <translation>STOP</translation>
    </message>
    <message>
        <source>Show the keys</source>
        <translation>Afficher les touches</translation>
    </message>
    <message>
        <source>CONNECTION LOST — THE BELT MAY STILL BE MOVING</source>
        <translation>CONNEXION PERDUE — LE TAPIS TOURNE PEUT-ÊTRE ENCORE</translation>
    </message>
    <message>
        <source>Last known speed %1. </source>
        <translation>Dernière vitesse connue %1. </translation>
    </message>
    <message>
        <source>Use the treadmill&apos;s own stop key or pull the safety key. Reconnecting to the same treadmill: STOP is sent first.</source>
        <translation>Utilisez la touche d&apos;arrêt du tapis ou retirez la clé de sécurité. Reconnexion au même tapis&#xa0;: STOP est envoyé d&apos;abord.</translation>
    </message>
    <message>
        <source>STOP NOT CONFIRMED — PULL THE SAFETY KEY</source>
        <translation>STOP NON CONFIRMÉ — RETIREZ LA CLÉ DE SÉCURITÉ</translation>
    </message>
    <message>
        <source>A session is running. Quit and STOP the belt?</source>
        <translation>Une séance est en cours. Quitter et ARRÊTER le tapis&#xa0;?</translation>
    </message>
    <message>
        <source>STOP and quit</source>
        <translation>STOP et quitter</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>This preset has unsaved changes. Leave and lose them?</source>
        <translation>Ce programme a des modifications non enregistrées. Quitter et les perdre&#xa0;?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Continuer l&apos;édition</translation>
    </message>
</context>
<context>
    <name>PlansScreen</name>
    <message>
        <source>Plans</source>
        <translation>Plans</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <source> · asks about knee pain</source>
        <translation> · demande la douleur au genou</translation>
    </message>
    <message>
        <source>Switch to this plan</source>
        <translation>Passer à ce plan</translation>
    </message>
    <message>
        <source>Start this plan</source>
        <translation>Commencer ce plan</translation>
    </message>
    <message>
        <source>The current plan “%1” cannot be read any more: start another one.</source>
        <translation>Le plan en cours «&#xa0;%1&#xa0;» n&apos;est plus lisible&#xa0;: commencez-en un autre.</translation>
    </message>
    <message>
        <source>No plan yet. Pick one on the left: it suggests a session each time, and moves on only when the last one went well.</source>
        <translation>Pas encore de plan. Choisissez-en un à gauche&#xa0;: il propose une séance à chaque fois et n&apos;avance que si la dernière s&apos;est bien passée.</translation>
    </message>
    <message>
        <source>PLAN COMPLETE</source>
        <translation>PLAN TERMINÉ</translation>
    </message>
    <message>
        <source>TODAY</source>
        <translation>AUJOURD&apos;HUI</translation>
    </message>
    <message>
        <source>Run today&apos;s session</source>
        <translation>Faire la séance du jour</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Stop the plan</source>
        <translation>Arrêter le plan</translation>
    </message>
</context>
<context>
    <name>PresetEditorScreen</name>
    <message>
        <source>Name: </source>
        <translation>Nom&#xa0;: </translation>
    </message>
    <message>
        <source>Time: </source>
        <translation>Durée&#xa0;: </translation>
    </message>
    <message>
        <source>Speed: </source>
        <translation>Vitesse&#xa0;: </translation>
    </message>
    <message>
        <source>Incline: </source>
        <translation>Inclinaison&#xa0;: </translation>
    </message>
    <message>
        <source>(name)</source>
        <translation>(nom)</translation>
    </message>
    <message>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Remove this phase</source>
        <translation>Retirer cette phase</translation>
    </message>
    <message>
        <source>1 problem to fix</source>
        <translation>1 problème à corriger</translation>
    </message>
    <message>
        <source>%1 problems to fix</source>
        <translation>%1 problèmes à corriger</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind of phase</source>
        <translation>Type de phase</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>What is this session for?</source>
        <translation>À quoi sert cette séance&#xa0;?</translation>
    </message>
    <message>
        <source>Turning around</source>
        <translation>Demi-tour</translation>
    </message>
    <message>
        <source>As in settings</source>
        <translation>Comme dans les réglages</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêt</translation>
    </message>
    <message>
        <source>Walk</source>
        <translation>Marche</translation>
    </message>
    <message>
        <source>Walk at</source>
        <translation>Marche à</translation>
    </message>
    <message>
        <source>1.0</source>
        <translation>1,0</translation>
    </message>
    <message>
        <source>Countdown before each turn</source>
        <translation>Décompte avant chaque demi-tour</translation>
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
        <translation>ARRIÈRE</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Incline %</source>
        <translation>Inclinaison %</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Répéter</translation>
    </message>
    <message>
        <source>times:</source>
        <translation>fois&#xa0;:</translation>
    </message>
    <message>
        <source>+ Phase in the group</source>
        <translation>+ Phase dans le groupe</translation>
    </message>
    <message>
        <source>+ Phase</source>
        <translation>+ Phase</translation>
    </message>
    <message>
        <source>+ Repeat group</source>
        <translation>+ Groupe répété</translation>
    </message>
</context>
<context>
    <name>PresetsScreen</name>
    <message>
        <source>Import a preset or a workout</source>
        <translation>Importer un programme ou un entraînement</translation>
    </message>
    <message>
        <source>Presets (*.toml)</source>
        <translation>Programmes (*.toml)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Presets and workouts (*.toml *.zwo *.fit)</source>
        <translation>Programmes et entraînements (*.toml *.zwo *.fit)</translation>
    </message>
    <message>
        <source>Zwift workouts (*.zwo)</source>
        <translation>Entraînements Zwift (*.zwo)</translation>
    </message>
    <message>
        <source>FIT workouts (*.fit)</source>
        <translation>Entraînements FIT (*.fit)</translation>
    </message>
    <message>
        <source>Export the preset</source>
        <translation>Exporter le programme</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Training plans ›</source>
        <translation>Plans ›</translation>
    </message>
    <message>
        <source>BUILT-IN</source>
        <translation>INTÉGRÉS</translation>
    </message>
    <message>
        <source>YOUR PRESETS</source>
        <translation>VOS PROGRAMMES</translation>
    </message>
    <message>
        <source>SUGGESTED NEXT</source>
        <translation>SUGGÉRÉ</translation>
    </message>
    <message>
        <source>Suggested next: %1</source>
        <translation>Suggéré ensuite&#xa0;: %1</translation>
    </message>
    <message>
        <source>Save as my preset</source>
        <translation>Enregistrer comme le mien</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Voir</translation>
    </message>
    <message>
        <source>Choose a preset on the left.</source>
        <translation>Choisissez un programme à gauche.</translation>
    </message>
    <message>
        <source>YOURS</source>
        <translation>LE VÔTRE</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>Pas de description.</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>Arrière</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>%1 at speed</source>
        <translation>%1 à vitesse</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>en %1</translation>
    </message>
    <message>
        <source>Backward at</source>
        <translation>Arrière à</translation>
    </message>
    <message>
        <source>Use this preset</source>
        <translation>Utiliser</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Edit a copy</source>
        <translation>Modifier une copie</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Suppr</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>SessionNotices</name>
    <message>
        <source>WHAT HAPPENED</source>
        <translation>CE QUI S&apos;EST PASSÉ</translation>
    </message>
</context>
<context>
    <name>SessionScreen</name>
    <message>
        <source>Time left in phase</source>
        <translation>Temps restant</translation>
    </message>
    <message>
        <source>session %1</source>
        <translation>séance %1</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Incline</source>
        <translation>Pente</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Pouls</translation>
    </message>
    <message>
        <source>strap</source>
        <translation>ceinture</translation>
    </message>
    <message>
        <source>treadmill</source>
        <translation>tapis</translation>
    </message>
    <message>
        <source>bpm</source>
        <translation>bpm</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Écoulé</translation>
    </message>
    <message>
        <source>NEXT</source>
        <translation>ENSUITE</translation>
    </message>
    <message>
        <source>⚠ NO SOUND — %1 You will not hear the cues while you run backward: check Settings → Sound before you start.</source>
        <translation>⚠ PAS DE SON — %1 Vous n&apos;entendrez pas les signaux en courant en arrière&#xa0;: vérifiez Réglages → Son avant de commencer.</translation>
    </message>
    <message>
        <source>No session</source>
        <translation>Aucune séance</translation>
    </message>
    <message>
        <source>Choose treadmill</source>
        <translation>Choisir le tapis</translation>
    </message>
    <message>
        <source>Choose a preset</source>
        <translation>Choisir un programme</translation>
    </message>
    <message>
        <source>START</source>
        <translation>DÉPART</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>RESUME</source>
        <translation>REPRENDRE</translation>
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
        <translation>Passer</translation>
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
        <translation>bilan</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Folder for Bluetooth traffic logs</source>
        <translation>Dossier des journaux Bluetooth</translation>
    </message>
    <message>
        <source>Less: %1</source>
        <translation>Moins&#xa0;: %1</translation>
    </message>
    <message>
        <source>off</source>
        <translation>non</translation>
    </message>
    <message>
        <source>More: %1</source>
        <translation>Plus&#xa0;: %1</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Saved at once to
%1</source>
        <translation>Enregistré aussitôt dans
%1</translation>
    </message>
    <message>
        <source>No audio device: running silently. Cues are shown on screen only.</source>
        <translation>Aucun appareil audio&#xa0;: fonctionnement silencieux. Signaux à l&apos;écran seulement.</translation>
    </message>
    <message>
        <source>Last cue: %1</source>
        <translation>Dernier signal&#xa0;: %1</translation>
    </message>
    <message>
        <source>Sound check</source>
        <translation>Test du son</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Clavier</translation>
    </message>
    <message>
        <source>Presenter clicker</source>
        <translation>Télécommande</translation>
    </message>
    <message>
        <source>To change a key, edit [key_bindings] in the settings file; a clicker can only be bound to STOP, pause and slower.</source>
        <translation>Pour changer une touche, modifiez [key_bindings] dans le fichier de réglages&#xa0;; une télécommande ne peut que STOP, pause et ralentir.</translation>
    </message>
    <message>
        <source>Reset keys</source>
        <translation>Réinitialiser les touches</translation>
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
        <translation>Arrêter le tapis</translation>
    </message>
    <message>
        <source>Space · Esc</source>
        <translation>Espace · Échap</translation>
    </message>
</context>
<context>
    <name>StrapCard</name>
    <message>
        <source>HEART-RATE STRAP</source>
        <translation>CEINTURE CARDIO</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>None chosen</source>
        <translation>Aucune choisie</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Utiliser</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Chercher</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connecter</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Oublier</translation>
    </message>
</context>
<context>
    <name>SummaryScreen</name>
    <message>
        <source>No session yet</source>
        <translation>Pas encore de séance</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>belt moving</source>
        <translation>tapis en marche</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>Arrière</translation>
    </message>
    <message>
        <source>belt moving · %1</source>
        <translation>tapis en marche · %1</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>en %1</translation>
    </message>
    <message>
        <source>Backward blocks</source>
        <translation>Blocs arrière</translation>
    </message>
    <message>
        <source>all done</source>
        <translation>tous faits</translation>
    </message>
    <message>
        <source>done of planned</source>
        <translation>faits sur prévus</translation>
    </message>
    <message>
        <source>How did it go? A short debrief keeps your effort and knee with this session.</source>
        <translation>Comment ça s&apos;est passé&#xa0;? Un court bilan garde votre effort et votre genou avec cette séance.</translation>
    </message>
    <message>
        <source>Debrief</source>
        <translation>Bilan</translation>
    </message>
    <message>
        <source>NEXT TIME</source>
        <translation>LA PROCHAINE FOIS</translation>
    </message>
    <message>
        <source>Repeat what you did, or pick a preset.</source>
        <translation>Refaites la même séance ou choisissez un programme.</translation>
    </message>
    <message>
        <source>Save it and use it</source>
        <translation>Enregistrer et utiliser</translation>
    </message>
    <message>
        <source>Use it now</source>
        <translation>Utiliser maintenant</translation>
    </message>
    <message>
        <source>Save as my preset</source>
        <translation>Enregistrer comme le mien</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>FORWARD</source>
        <translation>AVANT</translation>
    </message>
    <message>
        <source>BACKWARD</source>
        <translation>ARRIÈRE</translation>
    </message>
</context>
</TS>
