import QtQuick
import TreadmillCtl

// "Check this treadmill": the explicit confirmation (nobody on the belt, safety key in), the
// running check with its progress and STOP, and the result. Over the whole Treadmill screen
// while the check is not idle. While the check runs every key stops it (the check's bridge
// filters the keys before anything else); the STOP button does too.
// Plain Qt Quick (the connect screen is the window's first frame: docs/gui.md, "Startup").
Rectangle {
    id: overlay

    required property CheckBridge check

    objectName: "checkOverlay"
    visible: overlay.check.phase !== "idle"
    focus: overlay.visible
    color: Qt.rgba(Theme.background.r, Theme.background.g, Theme.background.b, 0.96)

    // Nothing typed here reaches the screen below (Enter would connect a treadmill there).
    Keys.onPressed: event => event.accepted = true

    // The screen below takes no click while this is shown.
    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
        onClicked: mouse => mouse.accepted = true
    }

    Column {
        id: body
        anchors.centerIn: parent
        width: Math.min(overlay.width - 2 * Theme.gapLarge, 860)
        spacing: Theme.gapLarge

        Text {
            textFormat: Text.PlainText
            objectName: "checkTitle"
            width: body.width
            text: overlay.check.phase === "running" ? qsTr("Checking the treadmill — any key stops the belt") : overlay.check.phase === "done" ? qsTr("Machine check") : qsTr("Check this treadmill")
            color: Theme.text
            font.pixelSize: Theme.fontTitle
            font.bold: true
            wrapMode: Text.WordWrap
        }

        // ---- confirm ----
        Text {
            textFormat: Text.PlainText
            objectName: "checkPrompt"
            visible: overlay.check.phase === "confirm"
            width: body.width
            text: overlay.check.prompt
            color: Theme.text
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
        }
        Row {
            visible: overlay.check.phase === "confirm"
            spacing: Theme.gap
            ActionButton {
                objectName: "checkConfirmButton"
                width: body.width - checkCancelButton.width - Theme.gap
                text: qsTr("Nobody is on the belt, the safety key is in: start")
                fill: Theme.warning
                textColor: Theme.background
                onClicked: overlay.check.confirm()
            }
            ActionButton {
                id: checkCancelButton
                objectName: "checkCancelButton"
                text: qsTr("Not now")
                onClicked: overlay.check.cancel()
            }
        }

        // ---- running ----
        Text {
            textFormat: Text.PlainText
            objectName: "checkProgress"
            visible: overlay.check.phase === "running"
            width: body.width
            text: overlay.check.progress
            color: Theme.text
            font.pixelSize: Theme.fontBody
            elide: Text.ElideRight
        }
        Rectangle {
            objectName: "checkProgressBar"
            visible: overlay.check.phase === "running"
            width: body.width
            height: 14
            radius: 7
            color: Theme.surfaceRaised
            Rectangle {
                width: parent.width * Math.max(0, Math.min(1, overlay.check.fraction))
                height: parent.height
                radius: parent.radius
                color: Theme.accent
            }
        }
        ActionButton {
            objectName: "checkStopButton"
            visible: overlay.check.phase === "running"
            width: body.width
            height: 160
            text: qsTr("STOP")
            keyHint: qsTr("any key")
            fill: Theme.stop
            textColor: Theme.stopText
            font.pixelSize: Theme.fontLarge
            onClicked: overlay.check.stopNow()
        }

        // ---- done ----
        Text {
            textFormat: Text.PlainText
            objectName: "checkResult"
            visible: overlay.check.phase === "done"
            width: body.width
            text: overlay.check.result
            color: overlay.check.danger ? Theme.danger : Theme.text
            font.pixelSize: Theme.fontBody
            font.bold: overlay.check.danger
            wrapMode: Text.WordWrap
        }
        ActionButton {
            objectName: "checkCloseButton"
            visible: overlay.check.phase === "done"
            text: qsTr("Close")
            onClicked: overlay.check.cancel()
        }
    }
}
