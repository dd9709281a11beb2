import QtQuick

// A question the app must ask before it goes on (quit during a session, leave the editor with
// unsaved changes): a band under the header, never over a control and never over STOP.
// Plain Qt Quick: part of the window's first frame (see ActionButton).
Rectangle {
    id: bar

    property string message: ""
    property string confirmText: ""
    property string cancelText: ""
    property string confirmName: ""
    property string cancelName: ""

    signal confirmed
    signal cancelled

    implicitHeight: Math.max(questionText.implicitHeight, confirmButton.implicitHeight) + Theme.gap
    color: Theme.surfaceRaised
    border.width: 2
    border.color: Theme.warning

    Text {
        id: questionText
        textFormat: Text.PlainText
        objectName: bar.objectName + "Text"
        anchors.left: parent.left
        anchors.right: cancelButton.left
        anchors.verticalCenter: parent.verticalCenter
        anchors.leftMargin: Theme.gapLarge
        anchors.rightMargin: Theme.gap
        text: bar.message
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.text
    }

    ActionButton {
        id: cancelButton
        objectName: bar.cancelName
        anchors.right: confirmButton.left
        anchors.rightMargin: Theme.gap
        anchors.verticalCenter: parent.verticalCenter
        font.pixelSize: Theme.fontSmall
        text: bar.cancelText
        onClicked: bar.cancelled()
    }

    ActionButton {
        id: confirmButton
        objectName: bar.confirmName
        anchors.right: parent.right
        anchors.rightMargin: Theme.gapLarge
        anchors.verticalCenter: parent.verticalCenter
        font.pixelSize: Theme.fontSmall
        text: bar.confirmText
        fill: Theme.warning
        textColor: Theme.background
        onClicked: bar.confirmed()
    }
}
