pragma ComponentBehavior: Bound
import QtQuick

// A session's phases as coloured blocks, width by duration: forward blue, backward orange with
// a hatch so it reads without colour. `blocks` is a list of {direction, duration}; `position`
// (seconds done, on the same scale) draws the progress marker; -1 hides it. Used by the session
// screen and by the presets' previews.
Item {
    id: timeline

    property var blocks: []
    property real total: 0
    property real position: -1
    property int currentIndex: -1

    implicitHeight: 36

    Row {
        id: row
        anchors.fill: parent
        spacing: 2

        Repeater {
            model: timeline.blocks

            delegate: Rectangle {
                id: block
                required property var modelData
                required property int index
                readonly property bool backward: block.modelData.direction === "backward"
                width: timeline.total > 0 ? Math.max(2, (timeline.width - (timeline.blocks.length - 1) * row.spacing) * block.modelData.duration / timeline.total) : 0
                height: timeline.height
                radius: 4
                color: Theme.directionColor(block.modelData.direction)
                opacity: timeline.currentIndex < 0 || block.index === timeline.currentIndex ? 1.0 : (block.index < timeline.currentIndex ? 0.45 : 0.8)
                border.width: block.index === timeline.currentIndex ? 3 : 0
                border.color: Theme.text

                // Backward blocks carry stripes too (shape, not only colour).
                Row {
                    visible: block.backward && block.width > 12
                    anchors.centerIn: parent
                    spacing: 5
                    Repeater {
                        model: Math.max(0, Math.floor(block.width / 16))
                        delegate: Rectangle {
                            width: 3
                            height: block.height * 0.5
                            color: Theme.background
                            opacity: 0.5
                        }
                    }
                }
            }
        }
    }

    Rectangle {
        objectName: "timelineMarker"
        visible: timeline.position >= 0 && timeline.total > 0
        x: Math.min(timeline.width, timeline.width * timeline.position / Math.max(1, timeline.total)) - width / 2
        y: -6
        width: 6
        height: timeline.height + 12
        radius: 3
        color: Theme.text
    }
}
