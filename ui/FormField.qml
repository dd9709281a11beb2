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

    // Its own tooltip, not the attached one: the style's tooltip text guesses rich text, and a
    // problem may quote what was typed.
    ToolTip {
        objectName: "fieldTip"
        visible: field.hovered && (field.problem !== "" || field.warning !== "")
        text: field.problem !== "" ? field.problem : field.warning
        contentItem: Text {
            textFormat: Text.PlainText
            text: field.problem !== "" ? field.problem : field.warning
            font.pixelSize: Theme.fontSmall
            color: Theme.text
            wrapMode: Text.Wrap
        }
        background: Rectangle {
            color: Theme.surfaceRaised
            border.color: Theme.border
            radius: 6
        }
    }
}
