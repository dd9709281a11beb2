import QtQuick
import QtQuick.Controls

// A flat header button; `current` marks the screen that is shown. Never takes keyboard focus, so
// Space and Enter always reach the app's shortcuts.
Button {
    id: control

    property bool current: false

    focusPolicy: Qt.NoFocus
    flat: true
    font.pixelSize: Theme.fontBody - 2
    leftPadding: 10
    rightPadding: 10

    contentItem: Label {
        text: control.text
        font: control.font
        color: control.current ? Theme.text : Theme.textDim
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }

    background: Rectangle {
        implicitHeight: 44
        radius: 8
        color: control.current ? Theme.surfaceRaised : (control.hovered ? Theme.surfaceRaised : "transparent")
        border.width: control.current ? 1 : 0
        border.color: Theme.border
    }
}
