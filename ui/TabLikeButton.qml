import QtQuick

// A flat header button; `current` marks the screen that is shown. Plain Qt Quick (the window's
// first frame uses it; see ActionButton). Never takes keyboard focus, so Space and Enter always
// reach the app's shortcuts.
Item {
    id: control

    property string text: ""
    property bool current: false
    property font font
    property real leftPadding: 10
    property real rightPadding: 10
    readonly property bool down: mouse.pressed
    readonly property bool hovered: mouse.containsMouse

    signal clicked

    font.pixelSize: Theme.fontBody - 2
    implicitWidth: Math.ceil(label.implicitWidth + control.leftPadding + control.rightPadding)
    implicitHeight: Math.max(44, label.implicitHeight + 8)

    Accessible.role: Accessible.Button
    Accessible.name: control.text
    Accessible.onPressAction: control.clicked()

    Rectangle {
        anchors.fill: parent
        radius: 8
        color: control.current ? Theme.surfaceRaised : (control.hovered ? Theme.surfaceRaised : "transparent")
        border.width: control.current ? 1 : 0
        border.color: Theme.border
    }

    Text {
        textFormat: Text.PlainText
        id: label
        anchors.fill: parent
        anchors.leftMargin: control.leftPadding
        anchors.rightMargin: control.rightPadding
        text: control.text
        font: control.font
        color: control.current ? Theme.text : Theme.textDim
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }

    MouseArea {
        id: mouse
        anchors.fill: parent
        hoverEnabled: true
        onClicked: control.clicked()
    }
}
