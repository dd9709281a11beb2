import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One reading: a caption, a big value with its unit, and an optional small line under it.
Rectangle {
    id: tile

    property string caption: ""
    property string value: ""
    property string unit: ""
    property string detail: ""
    property int valueSize: Theme.fontLarge

    implicitWidth: 200
    implicitHeight: column.implicitHeight + 2 * Theme.gap
    radius: Theme.radius
    color: Theme.surface
    border.width: Theme.highContrast ? 2 : 0 // high contrast: every tile outlined
    border.color: Theme.border
    Accessible.role: Accessible.StaticText
    Accessible.name: (tile.caption + ": " + tile.value + " " + tile.unit + (tile.detail !== "" ? ", " + tile.detail : "")).trim()

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: 0

        Label {
            textFormat: Text.PlainText
            text: tile.caption
            color: Theme.textDim
            font.pixelSize: Theme.fontSmall
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 1
            // Wraps rather than running past the tile ("HEART RATE · STRAP" in a narrow one).
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }
        RowLayout {
            spacing: 8
            Label {
                objectName: "tileValue"
                textFormat: Text.PlainText
                text: tile.value
                color: Theme.text
                font.pixelSize: tile.valueSize
                font.bold: true
            }
            Label {
                textFormat: Text.PlainText
                text: tile.unit
                color: Theme.textDim
                font.pixelSize: Theme.fontBody
                Layout.alignment: Qt.AlignBaseline
            }
        }
        Label {
            textFormat: Text.PlainText
            visible: tile.detail !== ""
            text: tile.detail
            color: Theme.textDim
            font.pixelSize: Theme.fontSmall
        }
    }
}
