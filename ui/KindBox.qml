pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls

// Chooser for a phase's kind (warm-up, forward run, backward, ...) in the app's dark style.
// `kinds` is a list of {value, label, direction}; `value` the current kind.
ComboBox {
    id: box

    property var kinds: []
    property string value: ""

    signal chosen(string value)

    focusPolicy: Qt.NoFocus
    implicitHeight: 48
    font.pixelSize: Theme.fontSmall + 1
    model: box.kinds
    textRole: "label"
    valueRole: "value"
    currentIndex: {
        for (let i = 0; i < box.kinds.length; ++i) {
            if (box.kinds[i].value === box.value)
                return i;
        }
        return -1;
    }
    onActivated: index => box.chosen(box.kinds[index].value)

    contentItem: Label {
        textFormat: Text.PlainText
        leftPadding: 10
        rightPadding: box.indicator.width
        text: box.displayText
        font: box.font
        color: Theme.text
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }

    indicator: Label {
        textFormat: Text.PlainText
        x: box.width - width - 8
        y: (box.height - height) / 2
        text: "▾"
        color: Theme.textDim
        font.pixelSize: Theme.fontBody
    }

    background: Rectangle {
        radius: 8
        color: box.pressed ? Theme.surfaceRaised : Theme.background
        border.width: 1
        border.color: Theme.border
    }

    delegate: ItemDelegate {
        id: kindItem
        required property var modelData
        required property int index
        width: box.width + 40
        highlighted: box.highlightedIndex === kindItem.index
        contentItem: Label {
            textFormat: Text.PlainText
            text: kindItem.modelData.label
            color: kindItem.modelData.direction === "backward" ? Theme.backward : Theme.text
            font.pixelSize: Theme.fontSmall + 1
            font.bold: kindItem.modelData.value === box.value
        }
        background: Rectangle {
            color: kindItem.highlighted ? Theme.surfaceRaised : Theme.surface
        }
    }

    popup.background: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        radius: 8
    }
}
