import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A loud red band across the screen: link lost (the belt may still be moving), STOP not
// confirmed (pull the safety key).
Rectangle {
    id: banner

    property string title: ""
    property string message: ""

    implicitHeight: column.implicitHeight + 2 * Theme.gap
    color: Theme.danger

    SequentialAnimation on opacity {
        running: banner.visible
        loops: Animation.Infinite
        NumberAnimation {
            to: 0.75
            duration: 600
        }
        NumberAnimation {
            to: 1.0
            duration: 600
        }
    }

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: Theme.gap
        spacing: 2

        Label {
            text: banner.title
            color: "#ffffff"
            font.pixelSize: Theme.fontTitle - 6
            font.bold: true
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }
        Label {
            text: banner.message
            color: "#ffffff"
            font.pixelSize: Theme.fontBody
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }
    }
}
