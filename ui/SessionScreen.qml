pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TreadmillCtl

// The main screen, read from 2–3 m: what the belt does now (huge word + icon + colour), time
// left, speed, what comes next, and the whole session's timeline. STOP is the largest control
// and stays above the countdown overlay.
// A Control, not an Item, for its font: the Controls in this screen take their type size from
// it (the window is a plain Qt Quick Window, not a Controls ApplicationWindow; see Main.qml).
Control {
    id: screen

    font.pixelSize: Theme.fontBody

    required property AppBridge app
    readonly property SessionBridge session: screen.app.session
    readonly property color headlineColor: screen.session.headlineTone === "backward" ? Theme.backward : screen.session.headlineTone === "forward" ? Theme.forward : screen.session.headlineTone === "turn" ? Theme.turning : screen.session.headlineTone === "stop" ? Theme.danger : screen.session.headlineTone === "paused" ? Theme.paused : Theme.text
    readonly property int controlsWidth: Theme.sessionControlsWidth
    // Little height left (a safety banner or the no-sound warning takes room): closer rows, a
    // thinner timeline, and no hint line (the banner or the warning says what matters).
    readonly property bool tight: body.height < 600 || noSoundWarning.visible

    objectName: "sessionScreen"

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Item {
            id: body
            Layout.fillWidth: true
            Layout.fillHeight: true

            // ---- what the belt is doing ----------------------------------------------------
            ColumnLayout {
                id: sessionView
                objectName: "sessionView"
                visible: screen.session.state !== ""
                anchors.left: parent.left
                anchors.top: parent.top
                anchors.bottom: parent.bottom
                anchors.right: parent.right
                anchors.margins: Theme.gapLarge
                anchors.rightMargin: screen.controlsWidth + 2 * Theme.gapLarge
                spacing: screen.tight ? 8 : Theme.gap

                RowLayout {
                    spacing: Theme.gapLarge
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.maximumHeight: Theme.fontHuge * 1.15

                    DirectionIcon {
                        objectName: "directionIcon"
                        direction: screen.session.direction
                        visible: screen.session.headlineTone === "forward" || screen.session.headlineTone === "backward"
                        Layout.preferredWidth: Math.min(104, parent.height * 0.9)
                        Layout.preferredHeight: Math.min(104, parent.height * 0.9)
                    }

                    Label {
                        textFormat: Text.PlainText
                        objectName: "headline"
                        text: screen.session.headline
                        color: screen.headlineColor
                        font.pixelSize: Theme.fontHuge
                        font.bold: true
                        // Shrinks when a banner or a notice takes room (never below 48 px).
                        fontSizeMode: Text.Fit
                        minimumPixelSize: 48
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.minimumHeight: 60
                        Layout.maximumHeight: Theme.fontHuge * 1.15
                        verticalAlignment: Text.AlignVCenter
                    }
                }

                // The stages of a turn-around ("Keep running forward", then "Belt stopped"):
                // what to do now, under the big word.
                Label {
                    textFormat: Text.PlainText
                    objectName: "headlineDetail"
                    visible: screen.session.headlineDetail !== ""
                    text: screen.session.headlineDetail
                    color: screen.headlineColor
                    font.pixelSize: screen.tight ? Theme.fontTitle : Theme.fontLarge
                    font.bold: true
                    fontSizeMode: Text.HorizontalFit
                    minimumPixelSize: Theme.fontBody
                    Layout.fillWidth: true
                }

                Label {
                    textFormat: Text.PlainText
                    objectName: "phaseTitle"
                    text: screen.session.phaseTitle + (screen.session.blocksText !== "" ? "  ·  " + screen.session.blocksText : "") + (screen.session.presetName !== "" ? "  ·  " + screen.session.presetName : "")
                    color: Theme.textDim
                    font.pixelSize: Theme.fontBody + 4
                    // A long plan's "0 of 500 backward blocks done" and a long preset name
                    // take a second line rather than losing the name.
                    wrapMode: Text.WordWrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }

                RowLayout {
                    spacing: Theme.gap
                    Layout.fillWidth: true

                    StatTile {
                        objectName: "timeLeftTile"
                        caption: qsTr("Time left in phase")
                        value: screen.session.phaseRemainingText
                        // Why the clock stands still (it waits for the speed, the turn...), and
                        // when the whole session should end ("session ends ≈ 14:32", live).
                        detail: [screen.session.phaseTimerNote, screen.session.finishText !== "" ? qsTr("session %1").arg(screen.session.finishText) : ""].filter(t => t !== "").join("  ·  ") || " "
                        valueSize: Theme.fontXL
                        Layout.fillWidth: true
                        Layout.preferredWidth: 3
                    }
                    StatTile {
                        objectName: "speedTile"
                        caption: qsTr("Speed")
                        // The belt's reported speed while it runs; where it is heading below.
                        value: screen.session.speedText
                        unit: screen.session.speedUnit
                        detail: screen.session.speedDetailText
                        stale: screen.session.readingsStale
                        staleText: screen.session.readingsStaleText
                        valueSize: Theme.fontXL
                        Layout.fillWidth: true
                        Layout.preferredWidth: 3
                    }
                }

                RowLayout {
                    spacing: Theme.gap
                    Layout.fillWidth: true

                    StatTile {
                        objectName: "distanceTile"
                        caption: qsTr("Distance")
                        value: screen.session.distanceText
                        stale: screen.session.readingsStale
                        staleText: screen.session.readingsStaleText
                        valueSize: Theme.fontTitle
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                    }
                    StatTile {
                        caption: qsTr("Incline")
                        value: screen.session.inclineText
                        valueSize: Theme.fontTitle
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                    }
                    StatTile {
                        objectName: "heartRateTile"
                        // Shown while there is a heart rate, and while the strap is lost (so
                        // the runner sees why it is gone).
                        visible: screen.session.heartRateText !== "" || screen.app.strap.state === "lost"
                        // Where it comes from in the caption: a detail line would make this tile
                        // taller than its row.
                        caption: qsTr("Heart rate") + (screen.app.strap.note !== "" ? " · " + screen.app.strap.note : screen.session.heartRateSource === "strap" ? " · " + qsTr("strap") : screen.session.heartRateSource === "treadmill" ? " · " + qsTr("treadmill") : "")
                        value: screen.session.heartRateText !== "" ? screen.session.heartRateText : "–"
                        unit: qsTr("bpm")
                        valueSize: Theme.fontTitle
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                    }
                    StatTile {
                        objectName: "elapsedTile"
                        // The total is the whole session's estimate (turn-arounds, ramps and
                        // countdowns included), kept up to date as the session runs.
                        caption: qsTr("Elapsed")
                        value: screen.session.elapsedText
                        unit: "/ " + screen.session.totalText
                        valueSize: Theme.fontTitle
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                    }
                }

                // One line of fixed height: what comes next, or for a few seconds the latest cue
                // as a caption (what the runner hears, readable too: no audio device, a noisy
                // gym). Fixed, so the numbers above do not move when a caption comes and goes.
                Item {
                    objectName: "nextOrCaption"
                    visible: screen.session.nextTitle !== "" || cueCaption.visible
                    Layout.fillWidth: true
                    Layout.preferredHeight: 48

                    RowLayout {
                        objectName: "nextPreview"
                        visible: screen.session.nextTitle !== "" && !cueCaption.visible
                        spacing: Theme.gap
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.verticalCenter: parent.verticalCenter

                        Label {
                            textFormat: Text.PlainText
                            text: qsTr("NEXT")
                            color: Theme.textDim
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                        }
                        DirectionIcon {
                            direction: screen.session.nextDirection
                            Layout.preferredWidth: 30
                            Layout.preferredHeight: 30
                        }
                        Label {
                            textFormat: Text.PlainText
                            text: Theme.directionWord(screen.session.nextDirection)
                            color: Theme.directionColor(screen.session.nextDirection)
                            font.pixelSize: Theme.fontBody + 4
                            font.bold: true
                        }
                        Label {
                            textFormat: Text.PlainText
                            text: screen.session.nextTitle + " · " + screen.session.nextDetail
                            color: Theme.text
                            font.pixelSize: Theme.fontBody + 4
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                    }

                    // The latest cue, as a caption, in the place of the NEXT line for a few seconds
                    // (what the runner hears, readable too: no audio device, a noisy gym).
                    Label {
                        id: cueCaption
                        objectName: "cueCaption"
                        textFormat: Text.PlainText
                        property bool fresh: false
                        visible: cueCaption.fresh && screen.app.sound.lastCue !== "" && screen.session.state !== ""
                        text: "♪ " + screen.app.sound.lastCue
                        anchors.fill: parent
                        verticalAlignment: Text.AlignVCenter
                        color: Theme.text
                        font.pixelSize: Theme.fontTitle
                        font.bold: true
                        wrapMode: Text.Wrap
                        fontSizeMode: Text.Fit
                        minimumPixelSize: Theme.fontSmall

                        Timer {
                            id: captionTimer
                            interval: 5000
                            onTriggered: cueCaption.fresh = false
                        }
                        Connections {
                            target: screen.app.sound
                            function onLastCueChanged() {
                                cueCaption.fresh = screen.app.sound.lastCue !== "";
                                captionTimer.restart();
                            }
                        }
                    }
                }

                Timeline {
                    objectName: "timeline"
                    blocks: screen.session.timeline
                    total: screen.session.timelineTotal
                    currentIndex: screen.session.timelineIndex
                    currentFraction: screen.session.timelineFraction
                    Layout.fillWidth: true
                    Layout.preferredHeight: screen.tight ? 24 : 40
                }

                // Before Start: the runner relies on sound while facing away from the screen.
                Rectangle {
                    id: noSoundWarning
                    objectName: "noSoundWarning"
                    visible: screen.session.canStart && screen.app.sound.silentReason !== ""
                    Layout.fillWidth: true
                    implicitHeight: noSoundText.implicitHeight + 2 * 10
                    radius: Theme.radius
                    color: Theme.surface
                    border.width: 2
                    border.color: Theme.warning
                    Label {
                        id: noSoundText
                        objectName: "noSoundText"
                        textFormat: Text.PlainText
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.verticalCenter: parent.verticalCenter
                        anchors.margins: Theme.gap
                        text: qsTr("⚠ NO SOUND — %1 You will not hear the cues while you run backward: check Settings → Sound before you start.").arg(screen.app.sound.silentReason)
                        color: Theme.text
                        font.pixelSize: Theme.fontBody - 2
                        wrapMode: Text.Wrap
                    }
                }

                Label {
                    textFormat: Text.PlainText
                    objectName: "hint"
                    visible: screen.session.hint !== "" && !screen.tight
                    text: screen.session.hint
                    color: Theme.accent
                    font.pixelSize: Theme.fontBody + 2
                    font.bold: true
                }
            }

            // ---- no session yet: what to do --------------------------------------------------
            ColumnLayout {
                objectName: "noSessionView"
                visible: screen.session.state === ""
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.rightMargin: screen.controlsWidth + 2 * Theme.gapLarge
                anchors.verticalCenter: parent.verticalCenter
                spacing: Theme.gapLarge

                Label {
                    textFormat: Text.PlainText
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("No session")
                    color: Theme.text
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                }
                Label {
                    textFormat: Text.PlainText
                    Layout.alignment: Qt.AlignHCenter
                    text: screen.session.hint
                    color: Theme.textDim
                    font.pixelSize: Theme.fontTitle
                }
                RowLayout {
                    Layout.alignment: Qt.AlignHCenter
                    spacing: Theme.gap
                    ActionButton {
                        visible: !screen.session.hasLink
                        text: qsTr("Choose treadmill")
                        onClicked: screen.app.screen = "connect"
                    }
                    ActionButton {
                        visible: !screen.session.hasPlan
                        text: qsTr("Choose a preset")
                        onClicked: screen.app.screen = "presets"
                    }
                }
            }

            // ---- countdown overlay: over everything but the controls -------------------------
            CountdownOverlay {
                anchors.fill: parent
                visible: screen.session.countdownVisible
                seconds: screen.session.countdown
                title: screen.session.countdownTitle
                reason: screen.session.countdownReason
                direction: screen.session.countdownDirection
                reservedRight: screen.controlsWidth + 2 * Theme.gapLarge
            }

            // ---- controls (declared last: above the overlay) ---------------------------------
            ColumnLayout {
                id: controls
                objectName: "sessionControls"
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.bottom: parent.bottom
                anchors.margins: Theme.gapLarge
                width: screen.controlsWidth
                spacing: Theme.gap

                StopButton {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: 180
                    textSize: Theme.fontXL
                    onClicked: screen.session.stop()
                }

                ActionButton {
                    objectName: "startButton"
                    visible: screen.session.canStart
                    text: qsTr("START")
                    keyHint: qsTr("Enter")
                    fill: Theme.ok
                    textColor: "#0b1a12"
                    Layout.fillWidth: true
                    onClicked: screen.session.start()
                }

                ActionButton {
                    objectName: "pauseButton"
                    visible: !screen.session.canStart
                    enabled: screen.session.canPause || screen.session.canResume
                    text: screen.session.paused ? qsTr("RESUME") : qsTr("PAUSE")
                    keyHint: "P"
                    Layout.fillWidth: true
                    onClicked: screen.session.togglePause()
                }

                GridLayout {
                    columns: 2
                    rowSpacing: Theme.gap
                    columnSpacing: Theme.gap
                    Layout.fillWidth: true

                    ActionButton {
                        objectName: "slowerButton"
                        enabled: screen.session.canChangeSpeed
                        text: qsTr("− 0.1")
                        keyHint: qsTr("Down")
                        Layout.fillWidth: true
                        onClicked: screen.session.changeSpeed(-0.1)
                    }
                    ActionButton {
                        objectName: "fasterButton"
                        enabled: screen.session.canChangeSpeed
                        text: qsTr("+ 0.1")
                        keyHint: qsTr("Up")
                        Layout.fillWidth: true
                        onClicked: screen.session.changeSpeed(0.1)
                    }
                    ActionButton {
                        objectName: "skipButton"
                        enabled: screen.session.canSkip
                        text: qsTr("Skip")
                        keyHint: "N"
                        Layout.fillWidth: true
                        onClicked: screen.session.skip()
                    }
                    ActionButton {
                        objectName: "extendButton"
                        visible: !screen.session.canEnd
                        enabled: screen.session.canExtend
                        text: qsTr("+30 s")
                        keyHint: "E"
                        Layout.fillWidth: true
                        onClicked: screen.session.extend()
                    }
                    ActionButton {
                        objectName: "endButton"
                        visible: screen.session.canEnd
                        text: qsTr("End")
                        keyHint: qsTr("summary")
                        Layout.fillWidth: true
                        onClicked: screen.session.end()
                    }
                }
            }
        }
    }
}
