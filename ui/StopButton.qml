import QtQuick
import QtQuick.Controls

// STOP: the largest control, red, always enabled. Never takes keyboard focus (Space and Escape
// are STOP anyway, through the app's key filter).
Button {
    id: control

    property int textSize: Theme.fontLarge

    objectName: "stopButton"
    text: qsTr("STOP")
    enabled: true
    focusPolicy: Qt.NoFocus
    Accessible.name: qsTr("Stop the belt")

    contentItem: Item {
        implicitWidth: stopColumn.implicitWidth
        implicitHeight: stopColumn.implicitHeight

        Column {
            id: stopColumn
            anchors.centerIn: parent
            spacing: 4
            Label {
                textFormat: Text.PlainText
                anchors.horizontalCenter: parent.horizontalCenter
                text: control.text
                color: Theme.stopText
                font.pixelSize: control.textSize
                font.bold: true
                font.letterSpacing: 4
            }
            Label {
                textFormat: Text.PlainText
                anchors.horizontalCenter: parent.horizontalCenter
                text: qsTr("Space · Esc")
                color: Theme.stopText
                opacity: 0.85
                font.pixelSize: Theme.fontBody
            }
        }
    }

    background: Rectangle {
        implicitWidth: 320
        implicitHeight: 200
        radius: Theme.radius * 1.5
        color: control.down ? Theme.stopPressed : Theme.stop
        border.width: 4
        border.color: Qt.lighter(Theme.stop, 1.35)
    }
}
