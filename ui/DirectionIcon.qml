import QtQuick
import QtQuick.Shapes

// The direction as a shape, not a font glyph: a solid triangle pointing up (forward: the runner
// faces the screen) or down (backward), in the direction's colour. Paired with the word always.
Item {
    id: icon

    property string direction: "forward"
    property color color: Theme.directionColor(icon.direction)
    readonly property bool backward: icon.direction === "backward"

    implicitWidth: 96
    implicitHeight: 96

    Shape {
        anchors.fill: parent
        preferredRendererType: Shape.CurveRenderer

        ShapePath {
            fillColor: icon.color
            strokeColor: icon.color
            strokeWidth: 1
            startX: icon.width / 2
            startY: icon.backward ? icon.height * 0.92 : icon.height * 0.08
            PathLine {
                x: icon.width * 0.96
                y: icon.backward ? icon.height * 0.12 : icon.height * 0.88
            }
            PathLine {
                x: icon.width * 0.04
                y: icon.backward ? icon.height * 0.12 : icon.height * 0.88
            }
            PathLine {
                x: icon.width / 2
                y: icon.backward ? icon.height * 0.92 : icon.height * 0.08
            }
        }
    }

    // A bar on the flat side tells the two apart by shape as well as by colour.
    Rectangle {
        visible: icon.backward
        x: icon.width * 0.2
        y: icon.height * 0.0
        width: icon.width * 0.6
        height: Math.max(4, icon.height * 0.07)
        radius: height / 2
        color: icon.color
    }
}
