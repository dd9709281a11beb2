import QtQuick
import QtQuick.Controls

// A large secondary control (pause, skip, speed ±) with its key shown under the label.
Button {
    id: control

    property string keyHint: ""
    property color fill: Theme.surfaceRaised
    property color textColor: Theme.text

    focusPolicy: Qt.NoFocus
    font.pixelSize: Theme.fontBody
    font.bold: true
    leftPadding: 16
    rightPadding: 16

    contentItem: Item {
        implicitWidth: actionColumn.implicitWidth
        implicitHeight: actionColumn.implicitHeight
        opacity: control.enabled ? 1.0 : 0.35

        Column {
            id: actionColumn
            anchors.centerIn: parent
            spacing: 2
            Label {
                anchors.horizontalCenter: parent.horizontalCenter
                text: control.text
                color: control.textColor
                font: control.font
            }
            Label {
                anchors.horizontalCenter: parent.horizontalCenter
                visible: control.keyHint !== ""
                text: control.keyHint
                color: control.textColor
                opacity: 0.7
                font.pixelSize: Theme.fontSmall - 2
            }
        }
    }

    background: Rectangle {
        implicitWidth: 150
        implicitHeight: Theme.controlHeight
        radius: Theme.radius
        color: control.down ? Qt.darker(control.fill, 1.3) : control.fill
        opacity: control.enabled ? 1.0 : 0.5
        border.width: 1
        border.color: Theme.border
    }
}
