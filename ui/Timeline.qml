pragma ComponentBehavior: Bound
import QtQuick

// A session's phases as coloured blocks, width by duration: forward blue, backward orange with
// a hatch so it reads without colour, "mixed" (a long plan's block holding both ways, see
// app/timeline_layout.py) between the two, hatched too. `blocks` is a list of {direction,
// duration}, `total` their summed duration. Used by the session screen (with a progress marker
// in the current block) and by the presets' previews (no marker: currentIndex -1). The blocks
// never run out of the timeline: the gaps close when there is no room for them.
Item {
    id: timeline
    clip: true

    property var blocks: []
    property real total: 0
    // The current phase and how much of it is done (0..1): draws the progress marker.
    property int currentIndex: -1
    property real currentFraction: 0

    implicitHeight: 36

    Row {
        id: row
        anchors.fill: parent
        spacing: timeline.blocks.length * 6 > timeline.width ? 0 : 2

        Repeater {
            id: blockRepeater
            model: timeline.blocks

            delegate: Rectangle {
                id: block
                required property var modelData
                required property int index
                readonly property bool backward: block.modelData.direction !== "forward"
                width: timeline.total > 0 ? Math.max(1, (timeline.width - (timeline.blocks.length - 1) * row.spacing) * block.modelData.duration / timeline.total) : 0
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
        readonly property Item block: timeline.currentIndex >= 0 && blockRepeater.count > timeline.currentIndex ? blockRepeater.itemAt(timeline.currentIndex) : null

        objectName: "timelineMarker"
        visible: block !== null
        x: (block ? block.x + block.width * Math.min(1, Math.max(0, timeline.currentFraction)) : 0) - width / 2
        y: -6
        width: 6
        height: timeline.height + 12
        radius: 3
        color: Theme.text
    }
}
