import QtQuick

// A busy indicator in plain Qt Quick (the connect screen shows it while scanning, in the
// window's first frame; see ActionButton): a ring with a turning arc.
Item {
    id: spinner

    property bool running: true

    implicitWidth: 40
    implicitHeight: 40

    Rectangle {
        anchors.fill: parent
        anchors.margins: 4
        radius: width / 2
        color: "transparent"
        border.width: 3
        border.color: Theme.border
    }

    Item {
        id: arm
        anchors.fill: parent
        anchors.margins: 4
        Rectangle {
            anchors.horizontalCenter: parent.horizontalCenter
            y: 0
            width: 8
            height: 8
            radius: 4
            color: Theme.text
        }
        RotationAnimator on rotation {
            from: 0
            to: 360
            duration: 1000
            loops: Animation.Infinite
            running: spinner.running && spinner.visible
        }
    }
}
