import QtQuick

// A loud red band across the screen: link lost (the belt may still be moving), STOP not
// confirmed (pull the safety key). Plain Qt Quick: part of the window (see ActionButton).
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

    Column {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: Theme.gap
        spacing: 2

        Text {
            textFormat: Text.PlainText
            width: parent.width
            text: banner.title
            color: "#ffffff"
            font.pixelSize: Theme.fontTitle - 6
            font.bold: true
            wrapMode: Text.WordWrap
        }
        Text {
            textFormat: Text.PlainText
            width: parent.width
            text: banner.message
            color: "#ffffff"
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
        }
    }
}
