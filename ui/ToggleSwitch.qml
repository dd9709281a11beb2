import QtQuick
import QtQuick.Controls

// An on/off switch large enough to hit from the treadmill, with its label on the left. Never takes
// keyboard focus (Space is STOP).
Switch {
    id: control

    property int labelSize: Theme.fontBody
    property color labelColor: Theme.text

    focusPolicy: Qt.NoFocus
    spacing: Theme.gap
    font.pixelSize: control.labelSize

    indicator: Rectangle {
        implicitWidth: 64
        implicitHeight: 34
        x: control.text !== "" ? control.width - width - control.rightPadding : control.leftPadding
        y: control.topPadding + (control.availableHeight - height) / 2
        radius: height / 2
        color: control.checked ? Theme.ok : Theme.surfaceRaised
        border.width: 1
        border.color: control.checked ? Theme.ok : Theme.border

        Rectangle {
            x: control.checked ? parent.width - width - 4 : 4
            anchors.verticalCenter: parent.verticalCenter
            width: 26
            height: 26
            radius: 13
            color: control.checked ? Theme.background : Theme.textDim

            Behavior on x {
                NumberAnimation {
                    duration: 120
                }
            }
        }
    }

    contentItem: Label {
        rightPadding: control.indicator.width + control.spacing
        text: control.text
        font: control.font
        color: control.labelColor
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
}
