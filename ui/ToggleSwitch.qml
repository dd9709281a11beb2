import QtQuick

// An on/off switch large enough to hit from the treadmill, with its label on the left. Plain Qt
// Quick (the window's first frame uses it; see ActionButton). Never takes keyboard focus (Space
// is STOP). A click asks for the other state with `toggled(on)`; `checked` stays bound to what
// the owner says (a binding that a click never breaks, as it would if the switch wrote it).
Item {
    id: control

    property string text: ""
    property bool checked: false
    property int labelSize: Theme.fontBody
    property color labelColor: Theme.text
    property real padding: 6
    property real spacing: Theme.gap
    readonly property bool down: mouse.pressed
    readonly property bool hovered: mouse.containsMouse

    signal toggled(bool on)

    implicitWidth: label.implicitWidth + 2 * control.padding
    implicitHeight: Math.max(label.implicitHeight, indicator.implicitHeight) + 2 * control.padding

    Accessible.role: Accessible.CheckBox
    Accessible.name: control.text
    Accessible.checkable: true
    Accessible.checked: control.checked
    Accessible.onToggleAction: control.toggled(!control.checked)
    Accessible.onPressAction: control.toggled(!control.checked)

    Text {
        textFormat: Text.PlainText
        id: label
        anchors.fill: parent
        anchors.margins: control.padding
        rightPadding: indicator.width + control.spacing
        text: control.text
        font.pixelSize: control.labelSize
        color: control.labelColor
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }

    Rectangle {
        id: indicator
        implicitWidth: 64
        implicitHeight: 34
        width: implicitWidth
        height: implicitHeight
        x: control.text !== "" ? control.width - width - control.padding : control.padding
        y: (control.height - height) / 2
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

    MouseArea {
        id: mouse
        anchors.fill: parent
        hoverEnabled: true
        onClicked: control.toggled(!control.checked)
    }
}
