import QtQuick
import QtQuick.Controls

// A text field in the app's style. `problem` non-empty: red border and the reason as a tooltip
// (the screen also prints it next to the field).
TextField {
    id: field

    property string problem: ""
    property string warning: ""

    font.pixelSize: Theme.fontBody
    color: Theme.text
    placeholderTextColor: Theme.textDim
    selectedTextColor: Theme.background
    selectionColor: Theme.accent
    leftPadding: 10
    rightPadding: 10
    implicitHeight: 48
    selectByMouse: true

    background: Rectangle {
        radius: 8
        color: Theme.background
        border.width: field.problem !== "" || field.activeFocus ? 2 : 1
        border.color: field.problem !== "" ? Theme.danger : (field.warning !== "" ? Theme.warning : (field.activeFocus ? Theme.accent : Theme.border))
    }

    ToolTip.visible: field.hovered && (field.problem !== "" || field.warning !== "")
    ToolTip.text: field.problem !== "" ? field.problem : field.warning
}
