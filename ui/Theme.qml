pragma Singleton
import QtQuick

// Colours, type sizes and spacing for every screen. Dark by default; Main.qml binds `dark` to
// the user's choice. Direction colours are from the Okabe–Ito palette (safe for the common
// colour-vision deficiencies) and always come with an icon and a word, never colour alone.
QtObject {
    id: theme

    property bool dark: true
    // High contrast (a setting beside dark and light): black, white, yellow and cyan, every
    // pair at least 7:1 (WCAG AAA); Main.qml binds it, and `dark` stays true with it.
    property bool highContrast: false

    // How much the whole window is zoomed (Main.qml): every screen is laid out for at least
    // baseWidth × baseHeight and drawn `zoom` times larger, so the numbers a runner reads from
    // 2 m, and STOP, take their size from the window (0.8 at the smallest window, 1024×600; 1.5
    // at 1920×1080; 3 at 4K).
    property real zoom: 1.0
    readonly property int baseWidth: 1280
    readonly property int baseHeight: 720
    readonly property int minimumWidth: 1024
    readonly property int minimumHeight: 600

    // surfaces and text
    readonly property color background: theme.highContrast ? "#000000" : dark ? "#0f1419" : "#f4f6f8"
    readonly property color surface: theme.highContrast ? "#000000" : dark ? "#1a2129" : "#ffffff"
    readonly property color surfaceRaised: theme.highContrast ? "#1f1f1f" : dark ? "#242d37" : "#e6eaef"
    readonly property color border: theme.highContrast ? "#ffffff" : dark ? "#33404d" : "#c9d1da"
    readonly property color text: theme.highContrast ? "#ffffff" : dark ? "#f3f5f7" : "#11161c"
    readonly property color textDim: theme.highContrast ? "#e6e6e6" : dark ? "#9aa7b4" : "#4f5b67"
    readonly property color accent: theme.highContrast ? "#ffff00" : dark ? "#56b4e9" : "#0072b2"

    // directions: colour + icon + word
    readonly property color forward: theme.highContrast ? "#00ffff" : dark ? "#56b4e9" : "#0072b2"
    readonly property color backward: theme.highContrast ? "#ffb000" : dark ? "#e69f00" : "#b86e00"
    // A long plan's timeline block holding both directions (app/timeline_layout.py).
    readonly property color mixed: theme.highContrast ? "#ff80ff" : dark ? "#cc79a7" : "#a8457e"
    readonly property color turning: theme.highContrast ? "#ffff00" : dark ? "#f0e442" : "#8a7d00"
    readonly property string forwardWord: qsTr("FORWARD")
    readonly property string backwardWord: qsTr("BACKWARD")

    // states
    readonly property color stop: "#d7263d"
    readonly property color stopPressed: "#a11b2d"
    readonly property color stopText: "#ffffff"
    readonly property color danger: "#d7263d"
    readonly property color warning: theme.highContrast ? "#ffff00" : dark ? "#f0b400" : "#9a6b00"
    readonly property color info: theme.highContrast ? "#1f1f1f" : dark ? "#3a4a5a" : "#d4dde6"
    readonly property color ok: theme.highContrast ? "#00ff80" : dark ? "#3ec28f" : "#00805a"
    readonly property color paused: theme.highContrast ? "#ffffff" : dark ? "#b0bcc8" : "#5d6975"

    // type: sized for reading from 2–3 m at 1280×720 (before the zoom)
    readonly property int fontCountdown: 420
    readonly property int fontHuge: 120
    readonly property int fontXL: 84
    readonly property int fontLarge: 56
    readonly property int fontTitle: 36
    readonly property int fontBody: 22
    readonly property int fontSmall: 17

    // spacing and shapes
    readonly property int gap: 16
    readonly property int gapLarge: 28
    readonly property int radius: 12
    readonly property int controlHeight: 64
    // The session screen's column of controls (STOP on top), kept free by its overlays.
    readonly property int sessionControlsWidth: 360

    function directionColor(direction: string): color {
        return direction === "backward" ? theme.backward : direction === "mixed" ? theme.mixed : theme.forward;
    }

    function directionWord(direction: string): string {
        return direction === "backward" ? theme.backwardWord : theme.forwardWord;
    }

    function levelColor(level: string): color {
        if (level === "danger")
            return theme.danger;
        if (level === "warning")
            return theme.warning;
        return theme.info;
    }
}
