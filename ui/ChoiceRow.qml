pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls

// Segmented buttons for one choice out of a few: `choices` is a list of {value, label}; `value`
// is the current one; `chosen(value)` when the user picks another.
Rectangle {
    id: choiceRow

    property var choices: []
    property string value: ""
    property int fontSize: Theme.fontSmall + 1

    signal chosen(string value)

    implicitWidth: segments.implicitWidth + 6
    implicitHeight: 48
    radius: 10
    color: Theme.background
    border.width: 1
    border.color: Theme.border

    Row {
        id: segments
        anchors.fill: parent
        anchors.margins: 3
        spacing: 2

        Repeater {
            model: choiceRow.choices
            delegate: Button {
                id: choiceButton
                required property var modelData
                readonly property bool current: choiceButton.modelData.value === choiceRow.value

                objectName: "choice_" + choiceButton.modelData.value
                Accessible.name: choiceButton.text
                height: segments.height
                focusPolicy: Qt.NoFocus
                font.pixelSize: choiceRow.fontSize
                font.bold: choiceButton.current
                leftPadding: 16
                rightPadding: 16
                text: choiceButton.modelData.label
                onClicked: {
                    if (!choiceButton.current)
                        choiceRow.chosen(choiceButton.modelData.value);
                }

                contentItem: Label {
                    textFormat: Text.PlainText
                    text: choiceButton.text
                    font: choiceButton.font
                    color: choiceButton.current ? Theme.background : Theme.text
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
                background: Rectangle {
                    radius: 7
                    color: choiceButton.current ? Theme.accent : (choiceButton.hovered ? Theme.surfaceRaised : "transparent")
                }
            }
        }
    }
}
