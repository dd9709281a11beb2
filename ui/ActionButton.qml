import QtQuick

// A large secondary control (pause, skip, speed ±) with its key shown under the label.
// Plain Qt Quick, not a Controls Button: the connect screen (the window's first frame) uses it,
// and loading Qt Quick Controls would delay that frame (docs/gui.md, "Startup"). It never takes
// keyboard focus: the app's keys (Space is STOP) always reach the app's key filter.
Item {
    id: control

    property string text: ""
    property string keyHint: ""
    property color fill: Theme.surfaceRaised
    property color textColor: Theme.text
    property font font
    property real leftPadding: 16
    property real rightPadding: 16
    property real topPadding: 4
    property real bottomPadding: 4
    readonly property real implicitContentWidth: actionColumn.implicitWidth
    readonly property real implicitContentHeight: actionColumn.implicitHeight
    readonly property bool down: mouse.pressed
    readonly property bool hovered: mouse.containsMouse

    signal clicked

    font.pixelSize: Theme.fontBody
    font.bold: true

    implicitWidth: Math.max(150, control.implicitContentWidth + control.leftPadding + control.rightPadding)
    implicitHeight: Math.max(Theme.controlHeight, control.implicitContentHeight + control.topPadding + control.bottomPadding)

    Accessible.role: Accessible.Button
    Accessible.name: control.text
    Accessible.onPressAction: control.clicked()

    Rectangle {
        anchors.fill: parent
        radius: Theme.radius
        color: control.down ? Qt.darker(control.fill, 1.3) : control.fill
        opacity: control.enabled ? 1.0 : 0.5
        border.width: 1
        border.color: Theme.border
    }

    Column {
        id: actionColumn
        x: control.leftPadding + (control.width - control.leftPadding - control.rightPadding - width) / 2
        y: control.topPadding + (control.height - control.topPadding - control.bottomPadding - height) / 2
        spacing: 2
        opacity: control.enabled ? 1.0 : 0.35
        Text {
            textFormat: Text.PlainText
            anchors.horizontalCenter: parent.horizontalCenter
            text: control.text
            color: control.textColor
            font: control.font
        }
        Text {
            textFormat: Text.PlainText
            anchors.horizontalCenter: parent.horizontalCenter
            visible: control.keyHint !== ""
            text: control.keyHint
            color: control.textColor
            opacity: 0.7
            font.pixelSize: Theme.fontSmall - 2
            font.bold: control.font.bold
        }
    }

    MouseArea {
        id: mouse
        anchors.fill: parent
        hoverEnabled: true
        onClicked: control.clicked()
    }
}
