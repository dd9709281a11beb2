import QtQuick
import QtQuick.Controls

// A small upper-case tag ("BUILT-IN", "SUGGESTED NEXT"): filled when `fill` is set, outlined
// otherwise.
Label {
    textFormat: Text.PlainText
    id: tag

    property color fill: "transparent"
    property color outline: Theme.border

    color: tag.fill === Qt.color("transparent") ? Theme.textDim : Theme.background
    font.pixelSize: Theme.fontSmall - 4
    font.bold: true
    font.letterSpacing: 0.5
    leftPadding: 8
    rightPadding: 8
    topPadding: 3
    bottomPadding: 3
    background: Rectangle {
        radius: 4
        color: tag.fill
        border.width: tag.fill === Qt.color("transparent") ? 1 : 0
        border.color: tag.outline
    }
}
