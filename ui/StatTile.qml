import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One reading: a caption, a big value with its unit, and an optional small line under it.
// A stale reading (the link is down, the treadmill went quiet) is greyed and marked, never
// shown as live.
Rectangle {
    id: tile

    property string caption: ""
    property string value: ""
    property string unit: ""
    property string detail: ""
    property int valueSize: Theme.fontLarge
    property bool stale: false
    property string staleText: ""

    // ``size`` px, or smaller so that a text ``wide`` px at that size fits in ``room`` px.
    function fitted(size: int, wide: real, room: real): int {
        if (wide <= room || room <= 0)
            return size;
        return Math.max(Theme.fontSmall - 2, Math.floor(size * room / wide * 0.96));
    }

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

        // The caption, and beside it the stale mark, or under it where the tile is too narrow
        // for both (a Flow: "DISTANCE" never broken into "DIST ANC E" by the mark).
        Flow {
            id: head
            spacing: 8
            Layout.fillWidth: true
            Label {
                textFormat: Text.PlainText
                text: tile.caption
                color: Theme.textDim
                font.pixelSize: Theme.fontSmall
                font.capitalization: Font.AllUppercase
                font.letterSpacing: 1
                // Wraps between words rather than running past the tile ("HEART RATE · STRAP"
                // in a narrow one).
                width: Math.min(implicitWidth, head.width)
                wrapMode: Text.WordWrap
            }
            Label {
                objectName: "tileStale"
                textFormat: Text.PlainText
                visible: tile.stale
                text: tile.staleText
                color: Theme.warning
                font.pixelSize: Theme.fontSmall
                font.bold: true
                width: Math.min(implicitWidth, head.width) // "pas de données 4 s" wraps
                wrapMode: Text.WordWrap
            }
        }
        // The value and its unit stay inside the tile whatever their length ("≈ 13:21:40"
        // "in 500 × 0:30" for a long preset at 1024×600): each gets what the other leaves,
        // at least half the row, and its text shrinks to fit (never wraps, never runs out).
        // The sizes come from the texts measured at full size, not from the laid-out labels
        // (a label's fit feeding back into its row's layout would rearrange it forever).
        TextMetrics {
            id: valueMetrics
            text: tile.value
            font.pixelSize: tile.valueSize
            font.bold: true
        }
        TextMetrics {
            id: unitMetrics
            text: tile.unit
            font.pixelSize: Theme.fontBody
        }
        RowLayout {
            id: valueRow
            // The column's width (set by the tile, not by its rows): the room never follows the text.
            readonly property real half: (column.width - valueRow.spacing) / 2
            readonly property real valueRoom: tile.unit === "" ? column.width : Math.max(valueRow.half, column.width - valueRow.spacing - unitMetrics.advanceWidth)
            readonly property real unitRoom: Math.max(valueRow.half, column.width - valueRow.spacing - valueMetrics.advanceWidth)
            Layout.fillWidth: true
            spacing: 8
            opacity: tile.stale ? 0.45 : 1.0
            Label {
                objectName: "tileValue"
                textFormat: Text.PlainText
                text: tile.value
                color: tile.stale ? Theme.textDim : Theme.text
                font.strikeout: tile.stale
                font.pixelSize: tile.fitted(tile.valueSize, valueMetrics.advanceWidth, valueRow.valueRoom)
                font.bold: true
            }
            Label {
                textFormat: Text.PlainText
                visible: tile.unit !== ""
                text: tile.unit
                color: Theme.textDim
                font.pixelSize: tile.fitted(Theme.fontBody, unitMetrics.advanceWidth, valueRow.unitRoom)
                Layout.alignment: Qt.AlignBaseline
            }
        }
        Label {
            textFormat: Text.PlainText
            visible: tile.detail !== ""
            opacity: tile.stale ? 0.45 : 1.0
            text: tile.detail
            color: Theme.textDim
            font.pixelSize: Theme.fontSmall
            // "startet nach dem Umdrehen · Training endet ≈ 22:35" wraps inside the tile
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }
    }
}
