import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Full-screen countdown before the belt moves (start, turn-around, resume): very large digits,
// readable from 3 m, with the direction the belt will run in (icon + word + colour). The screen
// keeps STOP above this overlay.
Rectangle {
    id: overlay

    property int seconds: 0
    property string title: ""
    property string reason: ""
    property string direction: "forward"
    // Room kept free on the right for STOP.
    property real reservedRight: 0

    objectName: "countdownOverlay"
    Accessible.role: Accessible.StaticText
    Accessible.name: overlay.title + " " + overlay.seconds
    color: Theme.background

    // Swallow clicks so nothing under the overlay is pressed by accident.
    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
    }

    Rectangle {
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        width: 24
        color: Theme.directionColor(overlay.direction)
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.right: parent.right
        anchors.rightMargin: overlay.reservedRight
        spacing: 0

        Item {
            Layout.fillHeight: true
        }

        Label {
            textFormat: Text.PlainText
            objectName: "countdownTitle"
            Layout.alignment: Qt.AlignHCenter
            // "BELT STOPPED — TURN AROUND" is long: it shrinks to the room left of STOP.
            Layout.fillWidth: true
            Layout.leftMargin: 40
            Layout.rightMargin: 16
            horizontalAlignment: Text.AlignHCenter
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.fontBody
            text: overlay.title.toUpperCase()
            color: overlay.reason === "turn" ? Theme.turning : Theme.text
            font.pixelSize: Theme.fontLarge
            font.bold: true
            font.letterSpacing: 3
        }

        Label {
            textFormat: Text.PlainText
            objectName: "countdownDigits"
            Layout.alignment: Qt.AlignHCenter
            text: overlay.seconds
            color: Theme.text
            font.pixelSize: Math.min(Theme.fontCountdown, overlay.height * 0.55)
            font.bold: true
            lineHeight: 0.85
        }

        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.gap

            DirectionIcon {
                direction: overlay.direction
                Layout.preferredWidth: 72
                Layout.preferredHeight: 72
            }
            Label {
                textFormat: Text.PlainText
                text: (overlay.reason === "turn" ? qsTr("then ") : "") + Theme.directionWord(overlay.direction)
                color: Theme.directionColor(overlay.direction)
                font.pixelSize: Theme.fontLarge
                font.bold: true
            }
        }

        Item {
            Layout.fillHeight: true
        }
    }
}
