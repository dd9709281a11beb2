pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TreadmillCtl

// The `?` overlay: every key the app answers to, from the same table the key filter uses.
Rectangle {
    id: overlay

    required property AppBridge app

    objectName: "keyHelpOverlay"
    Accessible.role: Accessible.Dialog
    Accessible.name: qsTr("Keys")
    color: Qt.rgba(0, 0, 0, 0.8)

    TapHandler {
        onTapped: overlay.app.keyHelpVisible = false
    }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.gapLarge, 1100)
        height: Math.min(parent.height - 2 * Theme.gapLarge, keyColumn.implicitHeight + closeHint.implicitHeight + Theme.gap + 2 * Theme.gapLarge)
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border

        // The list scrolls where the window is too short for it (German at 1280x720); how to
        // close it stays in view at the foot.
        Flickable {
            id: keyList
            objectName: "keyHelpList"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.bottom: closeHint.top
            anchors.leftMargin: Theme.gapLarge
            anchors.rightMargin: Theme.gapLarge
            anchors.topMargin: Theme.gapLarge
            anchors.bottomMargin: Theme.gap
            contentWidth: width
            contentHeight: keyColumn.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {
                policy: keyList.contentHeight > keyList.height ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded
            }

            ColumnLayout {
                id: keyColumn
                width: keyList.width - 14 // room for the scroll bar
                spacing: 4

                TapHandler { // the Flickable takes the press: a tap on the list closes it too
                    onTapped: overlay.app.keyHelpVisible = false
                }

                Label {
                    textFormat: Text.PlainText
                    text: qsTr("Keys")
                    font.pixelSize: Theme.fontTitle - 6
                    font.bold: true
                    color: Theme.text
                }

                Repeater {
                    model: overlay.app.keyHelp

                    delegate: RowLayout {
                        id: keyRow
                        required property var modelData
                        spacing: Theme.gap
                        Layout.fillWidth: true
                        Layout.topMargin: keyRow.modelData.heading !== "" ? Theme.gap : 0

                        Label {
                            textFormat: Text.PlainText
                            visible: keyRow.modelData.heading !== ""
                            text: keyRow.modelData.heading
                            font.pixelSize: Theme.fontSmall
                            font.bold: true
                            font.capitalization: Font.AllUppercase
                            font.letterSpacing: 1
                            color: Theme.textDim
                        }
                        Label {
                            textFormat: Text.PlainText
                            visible: keyRow.modelData.heading === ""
                            text: keyRow.modelData.keys
                            font.pixelSize: Theme.fontBody - 2
                            font.bold: true
                            color: keyRow.modelData.stop ? Theme.stop : Theme.accent
                            wrapMode: Text.WordWrap
                            Layout.preferredWidth: Math.min(400, keyColumn.width * 0.35)
                            Layout.alignment: Qt.AlignTop
                        }
                        Label {
                            textFormat: Text.PlainText
                            visible: keyRow.modelData.heading === ""
                            text: keyRow.modelData.action
                            font.pixelSize: Theme.fontBody - 2
                            color: Theme.text
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                            Layout.alignment: Qt.AlignTop
                        }
                    }
                }
            }
        }

        Label {
            id: closeHint
            textFormat: Text.PlainText
            objectName: "keyHelpClose"
            text: qsTr("Press ? or click anywhere to close this list. Space and Esc stop the belt, here too.")
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            anchors.margins: Theme.gapLarge
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontSmall
            color: Theme.textDim
        }
    }
}
