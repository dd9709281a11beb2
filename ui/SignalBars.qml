pragma ComponentBehavior: Bound
import QtQuick

// Received signal strength as 0–4 bars (filled bars in the text colour, the rest dim).
Row {
    id: bars

    property int value: 0

    spacing: 3
    height: 28

    Repeater {
        model: 4
        delegate: Rectangle {
            required property int index
            anchors.bottom: parent?.bottom
            width: 6
            height: bars.height * (index + 1) / 4
            radius: 2
            color: index < bars.value ? Theme.text : Theme.border
        }
    }
}
